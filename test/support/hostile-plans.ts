/**
 * Hostile plan files (issue 16): small on disk, huge once read. Built with fflate, by hand, so that
 * each holds exactly the one trick it is named for: a merge over a whole sheet, one enormous cell, a
 * zip bomb (with an honest directory, and with one that lies about the size), blank lines, rows.
 */
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="KH" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

function sheetXml(rows: string, merges: string[] = []): string {
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${mergeXml}</worksheet>`;
}

const HEADER_ROW = `<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Nội dung</t></is></c><c r="C1" t="inlineStr"><is><t>Đơn vị chủ trì</t></is></c><c r="D1" t="inlineStr"><is><t>Thời gian hoàn thành</t></is></c></row>`;

function xlsx(
  sheet: string,
  sharedStrings = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
) {
  return zipSync(
    {
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(ROOT_RELS),
      'xl/workbook.xml': strToU8(WORKBOOK),
      'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
      'xl/sharedStrings.xml': strToU8(sharedStrings),
    },
    { level: 9 },
  );
}

/** One merged range over a whole sheet (A1:XFD1048576): 1.8 KB that exceljs would expand cell by cell. */
export function mergedSheetXlsx(ref = 'A1:XFD1048576'): Uint8Array {
  return xlsx(sheetXml(HEADER_ROW, [ref]));
}

/** One cell of `chars` characters, in the shared strings (compresses to a few hundred KB). */
export function longCellXlsx(chars: number): Uint8Array {
  const text = 'A'.repeat(chars);
  const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>${text}</t></si></sst>`;
  const rows = `${HEADER_ROW}<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>0</v></c></row>`;
  return xlsx(sheetXml(rows), sst);
}

/** An XLSX whose sheet has `count` rows with a value in each. */
export function manyRowsXlsx(count: number): Uint8Array {
  const rows = [HEADER_ROW];
  for (let r = 2; r <= count + 1; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c></row>`);
  return xlsx(sheetXml(rows.join('')));
}

/**
 * A DOCX whose word/document.xml inflates to `megabytes` MiB of spaces, streamed into the zip so the
 * test never holds it. `lie` rewrites the sizes its directory declares to 1 KB, so only a reader that
 * counts what it inflates notices.
 */
export function zipBombDocx(megabytes: number, options: { lie?: boolean } = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const types = new ZipDeflate('[Content_Types].xml', { level: 1 });
  zip.add(types);
  types.push(strToU8(CONTENT_TYPES), true);
  const document = new ZipDeflate('word/document.xml', { level: 1 });
  zip.add(document);
  const mib = new Uint8Array(1024 * 1024).fill(0x20);
  for (let i = 0; i < megabytes; i++) document.push(mib, i === megabytes - 1);
  zip.end();
  const size = chunks.reduce((sum, c) => sum + c.length, 0);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  if (options.lie) lieAboutSizes(bytes);
  return bytes;
}

/** Every central-directory entry and data descriptor now says "1 KB uncompressed". */
function lieAboutSizes(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + 4 <= bytes.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x02014b50 && at + 28 <= bytes.length) view.setUint32(at + 24, 1024, true);
    if (signature === 0x08074b50 && at + 16 <= bytes.length) view.setUint32(at + 12, 1024, true);
  }
}

/** `megabytes` MiB of empty lines after a header. */
export function blankLinesCsv(megabytes: number): Uint8Array {
  const header = strToU8('STT,Nội dung,Đơn vị chủ trì,Thời gian hoàn thành\n');
  const bytes = new Uint8Array(header.length + megabytes * 1024 * 1024).fill(0x0a);
  bytes.set(header, 0);
  return bytes;
}

/** A CSV of `count` task rows. */
export function manyRowsCsv(
  count: number,
  row = (n: number) => `${n},Nhiệm vụ ${n},VP,Tháng 12/2024`,
): Uint8Array {
  const lines = ['STT,Nội dung,Đơn vị chủ trì,Thời gian hoàn thành'];
  for (let n = 1; n <= count; n++) lines.push(row(n));
  return strToU8(`${lines.join('\n')}\n`);
}
