/**
 * Files waiting for the user's consent (FileConsentCard) and their upload to the URL Teams gives on
 * "Allow". Kept in memory for an hour; after a restart the consent's context still holds the command,
 * which is run again (with the permission checks) to make the file anew.
 */
import { randomUUID } from 'node:crypto';

export interface PendingFile {
  memberId: number;
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  expiresAt: number;
}

const TTL_MS = 60 * 60 * 1000;
const MAX_PENDING = 50;
const UPLOAD_TIMEOUT_MS = 60_000;

export class PendingFiles {
  private readonly files = new Map<string, PendingFile>();

  constructor(private readonly now: () => number = Date.now) {}

  put(memberId: number, file: { fileName: string; mimeType: string; bytes: Buffer }): string {
    this.sweep();
    while (this.files.size >= MAX_PENDING) {
      const oldest = this.files.keys().next().value;
      if (oldest === undefined) break;
      this.files.delete(oldest);
    }
    const id = randomUUID();
    this.files.set(id, { memberId, ...file, expiresAt: this.now() + TTL_MS });
    return id;
  }

  /** The member's pending file, or null (unknown, expired, someone else's). */
  get(id: string, memberId: number): PendingFile | null {
    this.sweep();
    const file = this.files.get(id);
    return file && file.memberId === memberId ? file : null;
  }

  delete(id: string): void {
    this.files.delete(id);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, file] of this.files) if (file.expiresAt <= now) this.files.delete(id);
  }
}

/** An upload that failed, with the HTTP status when there was one. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/**
 * PUTs the whole file, in one range, to the upload session Teams opened in the user's OneDrive. The
 * URL is pre-authorised: the bot's token is not sent. `send` is the outbound fetch (through
 * HTTPS_PROXY unless NO_PROXY names the host), the global fetch without a proxy setting.
 */
export async function uploadToSession(
  uploadUrl: string,
  bytes: Buffer,
  send: typeof globalThis.fetch = fetch,
): Promise<void> {
  let url: URL;
  try {
    url = new URL(uploadUrl);
  } catch {
    throw new UploadError('invalid upload URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UploadError('invalid upload URL');
  const response = await send(url, {
    method: 'PUT',
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.length),
      'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}`,
    },
    body: new Uint8Array(bytes),
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  });
  if (!response.ok) {
    const detail = (await response.text().catch(() => '')).slice(0, 200);
    throw new UploadError(`HTTP ${response.status}${detail ? `: ${detail}` : ''}`, response.status);
  }
  await response.body?.cancel().catch(() => undefined);
}
