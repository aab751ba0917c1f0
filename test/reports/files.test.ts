import { describe, expect, it } from 'vitest';
import { csvCell, csvFile, csvSeparator } from '../../src/reports/csv.ts';
import { placeDate } from '../../src/reports/i18n.ts';
import { romanNumeral } from '../../src/reports/model.ts';
import { splitWords } from '../../src/reports/xlsx.ts';

describe('XLSX cells keep long words whole across rows', () => {
  it('packs entries into cells up to the limit, and cuts only an entry longer than a cell', () => {
    expect(splitWords(['ab', 'cd'], 10)).toEqual(['ab\ncd']);
    expect(splitWords(['abcdef', 'ghij'], 10)).toEqual(['abcdef', 'ghij']);
    expect(splitWords(['x'.repeat(25)], 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(splitWords([], 10)).toEqual(['']);
    const words = ['CNTT: a', `VP: ${'b'.repeat(40_000)}`];
    expect(splitWords(words).join('')).toBe(words.join('\n').replace('\n', ''));
    expect(splitWords(words).every((cell) => cell.length <= 32_767)).toBe(true);
  });
});

describe('CSV', () => {
  it('quotes as RFC 4180 and keeps spreadsheets from running text as a formula', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('- Đã hoàn thành')).toBe("'- Đã hoàn thành");
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(
      csvFile([
        ['a', 1],
        ['b\nc', null],
      ]).toString('utf8'),
    ).toBe('\uFEFFa,1\r\n"b\nc",\r\n');
  });
});

describe('wording of the document', () => {
  it('dates as Nghị định 30/2020 writes them', () => {
    expect(placeDate('vi', '2024-07-05')).toBe('Hà Nội, ngày 05 tháng 7 năm 2024');
    expect(placeDate('vi', '2024-02-15')).toBe('Hà Nội, ngày 15 tháng 02 năm 2024');
    expect(placeDate('vi', '2024-12-31')).toBe('Hà Nội, ngày 31 tháng 12 năm 2024');
    expect(placeDate('en', '2024-07-05')).toBe('Ha Noi, 5 July 2024');
  });

  it('numbers the plan’s sections in Roman numerals', () => {
    expect([1, 4, 9, 14, 40].map(romanNumeral)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL']);
  });
});

describe('reports catalogs', () => {
  it('have the same keys and placeholders in Vietnamese and English', async () => {
    const { placeholdersOf } = await import('../../src/i18n/index.ts');
    const { reportsVi } = await import('../../src/i18n/reports.vi.ts');
    const { reportsEn } = await import('../../src/i18n/reports.en.ts');
    expect(Object.keys(reportsEn).sort()).toEqual(Object.keys(reportsVi).sort());
    // English dates name the month ("5 July 2024"); Vietnamese numbers it ("tháng 7").
    const differ = new Set(['reports.doc.place_date']);
    for (const [key, text] of Object.entries(reportsVi)) {
      if (differ.has(key)) continue;
      expect([key, placeholdersOf(reportsEn[key as keyof typeof reportsVi])]).toEqual([
        key,
        placeholdersOf(text),
      ]);
    }
  });
});

describe('CSV cells that a spreadsheet could run (OWASP CSV injection, issue 16)', () => {
  it.each([["x;=cmd|'/C calc'!A0"], ['a,=HYPERLINK("http://evil")'], ['x; @SUM(A1)'], ['x;\t=1']])(
    '%j: no separator or line inside it is followed by a formula',
    (text) => {
      const cell = csvCell(text);
      expect(cell.startsWith('"')).toBe(true);
      const inner = cell.slice(1, -1).replaceAll('""', '"');
      expect(inner).not.toMatch(/(^|[,;])[ \t]*[=+\-@\t\r]/);
    },
  );

  it('bullets after a line break inside a quoted cell stay as written', () => {
    expect(csvCell('CNTT: đã làm\n- Bước 1')).toBe('"CNTT: đã làm\n- Bước 1"');
  });

  it('a file for Vietnamese readers is separated by ";" (Excel in a Vietnamese locale), English by ","', () => {
    const rows = [
      ['Hạng', 'Ghi chú'],
      [1, 'a, b; c'],
    ];
    expect(csvFile(rows, csvSeparator('vi')).toString('utf8')).toBe('\uFEFFHạng;Ghi chú\r\n1;"a, b; c"\r\n');
    expect(csvFile(rows, csvSeparator('en')).toString('utf8')).toBe('\uFEFFHạng,Ghi chú\r\n1,"a, b; c"\r\n');
  });
});
