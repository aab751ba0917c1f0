/**
 * Evidence files (tệp minh chứng) attached to a report: which files are taken and under what name.
 * - Size: at most EVIDENCE_MAX_BYTES (20 MB).
 * - Type: read from the first bytes, not the name: PDF (`%PDF-`), PNG, JPEG, and the Office Open XML
 *   files (a ZIP whose entries are under `word/` → DOCX, `xl/` → XLSX). A file whose extension says
 *   another type than its content is refused too (a renamed executable is not a PDF).
 * - Name: a name that names a path (`../x`, `a/b`, `C:\x`) is refused; what remains is cleaned (control
 *   and reserved characters replaced, at most 120 characters) and only ever shown: the storage key is
 *   made by the core from ids and the file's SHA-256, never from the name.
 * Pure: bytes in, a verdict out (the hash is computed by the caller).
 */
import { AppError } from './errors.ts';

export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_MAX_NAME = 120;

export type EvidenceKind = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg';

export const EVIDENCE_TYPES: Record<EvidenceKind, { mime: string; extensions: string[] }> = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  png: { mime: 'image/png', extensions: ['png'] },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
};

export interface AcceptedEvidence {
  kind: EvidenceKind;
  contentType: string;
  /** The cleaned name people see. */
  fileName: string;
  size: number;
}

/** Checks one file; throws `AppError` (evidence.too_large | type_refused | name_refused) if refused. */
export function acceptEvidence(
  name: string,
  bytes: Uint8Array,
  maxBytes = EVIDENCE_MAX_BYTES,
): AcceptedEvidence {
  const fileName = safeFileName(name);
  if (bytes.length > maxBytes) {
    throw new AppError('evidence.too_large', { name: fileName, limitMb: Math.round(maxBytes / 1024 / 1024) });
  }
  const kind = sniff(bytes);
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (!kind || !EVIDENCE_TYPES[kind].extensions.includes(extension)) {
    throw new AppError('evidence.type_refused', { name: fileName });
  }
  return { kind, contentType: EVIDENCE_TYPES[kind].mime, fileName, size: bytes.length };
}

/** The name cleaned for display; a name with a path in it (or nothing left) is refused. */
export function safeFileName(name: string): string {
  const trimmed = name.trim();
  const pathLike = /[/\\]/.test(trimmed) || trimmed === '.' || trimmed === '..' || /^[a-z]:/i.test(trimmed);
  if (pathLike || trimmed.includes('\0'))
    throw new AppError('evidence.name_refused', { name: shown(trimmed) });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = trimmed.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^\.+/, '');
  if (cleaned === '' || /^_*$/.test(cleaned))
    throw new AppError('evidence.name_refused', { name: shown(trimmed) });
  if (cleaned.length <= EVIDENCE_MAX_NAME) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, EVIDENCE_MAX_NAME - extension.length) + extension;
}

function shown(name: string): string {
  return name.length > EVIDENCE_MAX_NAME ? `${name.slice(0, EVIDENCE_MAX_NAME)}…` : name;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The type the content says, or null. */
export function sniff(bytes: Uint8Array): EvidenceKind | null {
  const starts = (prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (starts(PNG)) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x50, 0x4b, 0x03, 0x04])) return officeKind(bytes);
  return null;
}

/** A ZIP's entry names are in its local headers: `word/…` makes it DOCX, `xl/…` XLSX. */
function officeKind(bytes: Uint8Array): EvidenceKind | null {
  let word = false;
  let xl = false;
  let offset = 0;
  // Walk the local file headers (signature PK\3\4, name length at +26, extra at +28, name at +30).
  for (let entries = 0; entries < 2000 && offset + 30 <= bytes.length; entries++) {
    if (
      bytes[offset] !== 0x50 ||
      bytes[offset + 1] !== 0x4b ||
      bytes[offset + 2] !== 3 ||
      bytes[offset + 3] !== 4
    )
      break;
    const flags = u16(bytes, offset + 6);
    const compressed = u32(bytes, offset + 18);
    const nameLength = u16(bytes, offset + 26);
    const extraLength = u16(bytes, offset + 28);
    const name = ascii(bytes, offset + 30, nameLength);
    if (name.startsWith('word/')) word = true;
    if (name.startsWith('xl/')) xl = true;
    if (word || xl) break;
    // With a data descriptor (flag bit 3) the size is not in the header: stop walking.
    if ((flags & 0x08) !== 0) break;
    offset += 30 + nameLength + extraLength + compressed;
  }
  if (!word && !xl) {
    // Entries written with data descriptors: look for the names anywhere (central directory).
    const text = ascii(bytes, 0, bytes.length);
    word = text.includes('word/document.xml');
    xl = text.includes('xl/workbook.xml');
  }
  return word ? 'docx' : xl ? 'xlsx' : null;
}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let out = '';
  const end = Math.min(bytes.length, start + length);
  for (let i = start; i < end; i++) out += String.fromCharCode(bytes[i]!);
  return out;
}
