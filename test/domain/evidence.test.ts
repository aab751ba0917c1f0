/** Which evidence files are taken: size, type by content (not only by name), names that try to escape. */
import { expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import { acceptEvidence, EVIDENCE_MAX_BYTES, safeFileName, sniff } from '../../src/domain/evidence.ts';
import { DOCX, EXE, JPEG, PDF, PNG, XLSX, ZIP } from '../support/evidence-files.ts';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { code: (error as AppError).code, params: (error as AppError).params };
  }
  throw new Error('not refused');
};

it('knows each accepted type by its first bytes', () => {
  expect([PDF, DOCX, XLSX, PNG, JPEG, ZIP, EXE].map((b) => sniff(b))).toEqual([
    'pdf',
    'docx',
    'xlsx',
    'png',
    'jpeg',
    null,
    null,
  ]);
});

it('accepts a PDF, a DOCX, an XLSX and pictures under their own names', () => {
  expect(acceptEvidence('Biên bản họp.pdf', PDF)).toEqual({
    kind: 'pdf',
    contentType: 'application/pdf',
    fileName: 'Biên bản họp.pdf',
    size: PDF.length,
  });
  expect(acceptEvidence('Quyết định.DOCX', DOCX).kind).toBe('docx');
  expect(acceptEvidence('số liệu.xlsx', XLSX).kind).toBe('xlsx');
  expect(acceptEvidence('ảnh chụp.jpg', JPEG).contentType).toBe('image/jpeg');
  expect(acceptEvidence('ảnh.png', PNG).contentType).toBe('image/png');
});

it('refuses a file over 20 MB, whatever it is', () => {
  const big = new Uint8Array(EVIDENCE_MAX_BYTES + 1);
  big.set(PDF);
  expect(refusal(() => acceptEvidence('lớn.pdf', big))).toEqual({
    code: 'evidence.too_large',
    params: { name: 'lớn.pdf', limitMb: 20 },
  });
  const exact = new Uint8Array(EVIDENCE_MAX_BYTES);
  exact.set(PDF);
  expect(acceptEvidence('vừa.pdf', exact).size).toBe(EVIDENCE_MAX_BYTES);
});

it('refuses content of another type, and an extension that lies about the content', () => {
  expect(refusal(() => acceptEvidence('virus.pdf', EXE)).code).toBe('evidence.type_refused');
  expect(refusal(() => acceptEvidence('nén.zip', ZIP)).code).toBe('evidence.type_refused');
  expect(refusal(() => acceptEvidence('đổi tên.docx', ZIP)).code).toBe('evidence.type_refused');
  expect(refusal(() => acceptEvidence('ảnh.pdf', PNG)).code).toBe('evidence.type_refused');
  expect(refusal(() => acceptEvidence('bảng.xlsx', DOCX)).code).toBe('evidence.type_refused');
});

it('refuses names that name a path; cleans the rest', () => {
  for (const name of [
    '../../etc/passwd.pdf',
    '..',
    'thư mục/tệp.pdf',
    '..\\win.pdf',
    'C:\\x.pdf',
    '/abs.pdf',
    '',
  ]) {
    expect(refusal(() => safeFileName(name)).code, name).toBe('evidence.name_refused');
  }
  expect(safeFileName('  báo cáo: "quý 2" <bản cuối>?.pdf ')).toBe('báo cáo_ _quý 2_ _bản cuối__.pdf');
  expect(safeFileName('.hidden.pdf')).toBe('hidden.pdf');
  const long = safeFileName(`${'a'.repeat(300)}.pdf`);
  expect(long).toHaveLength(120);
  expect(long.endsWith('.pdf')).toBe(true);
});
