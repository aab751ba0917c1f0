/**
 * Issue 16, bounded imports: hostile plan files — small on disk, huge once read — are refused with a
 * clear problem, each read in a child process of its own whose peak resident memory (maxRSS) must
 * stay under 300 MB; and a property fuzz of the readers with size-bomb generators (merged areas, long
 * cells, blank lines, rows, zip bombs with honest and lying directories).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { importLimits } from '../../src/app/plan-import/limits.ts';
import { PlanFileError, readPlanTable } from '../../src/app/plan-import/read-table.ts';
import {
  blankLinesCsv,
  longCellXlsx,
  manyRowsCsv,
  manyRowsXlsx,
  mergedSheetXlsx,
  zipBombDocx,
} from '../support/hostile-plans.ts';

const CEILING_MB = 300;
const dir = mkdtempSync(join(tmpdir(), 'da06-bombs-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads `bytes` as `name` in a child process: its outcome and peak memory. */
function readInChild(name: string, bytes: Uint8Array) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const child = spawnSync(
    process.execPath,
    ['bin/run-ts.js', 'test/faults/support/read-plan-worker.ts', path],
    {
      encoding: 'utf8',
    },
  );
  rmSync(path, { force: true });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(line) as { result: string; code?: string; message?: string; maxRssMb: number };
}

describe('hostile plan files, each in a child process', () => {
  const cases: [string, () => Uint8Array, string][] = [
    ['merged.xlsx', () => mergedSheetXlsx(), 'file_too_large'],
    ['long-cell.xlsx', () => longCellXlsx(100 * 1024 * 1024), 'file_too_large'],
    ['bomb.docx', () => zipBombDocx(200), 'docx_too_large'],
    ['bomb-lying.docx', () => zipBombDocx(200, { lie: true }), 'docx_too_large'],
    ['blank-lines.csv', () => blankLinesCsv(4), 'file_too_large'],
    ['rows.xlsx', () => manyRowsXlsx(20_000), 'file_too_large'],
  ];
  it.each(cases)(
    `%s is refused with a clear problem and stays under ${CEILING_MB} MB`,
    (name, build, code) => {
      const outcome = readInChild(name, build());
      console.info(`${name}: ${outcome.result} ${outcome.code ?? ''}, peak RSS ${outcome.maxRssMb} MB`);
      expect(outcome).toMatchObject({ result: 'refused', code });
      expect(outcome.message).toMatch(/PLAN_IMPORT_MAX_|giới hạn/);
      expect(outcome.maxRssMb).toBeLessThan(CEILING_MB);
    },
  );
});

describe('size bombs, fuzzed (limits scaled down so each case is quick)', () => {
  const limits = importLimits({
    maxRows: 200,
    maxColumns: 20,
    maxCellChars: 2000,
    maxMergedCells: 5000,
    maxUnzippedBytes: 4 * 1024 * 1024,
  });
  const refused = async (name: string, bytes: Uint8Array) => {
    try {
      await readPlanTable({ name, bytes }, { limits });
    } catch (error) {
      expect(error).toBeInstanceOf(PlanFileError);
      return (error as PlanFileError).problem;
    }
    throw new Error(`${name} was read`);
  };

  it('merged areas past the limit are refused before the workbook is built', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 72, max: 1_048_576 }),
        fc.integer({ min: 72, max: 16_384 }),
        async (rows, cols) => {
          const ref = `A1:${columnName(cols)}${rows}`;
          const problem = await refused('merged.xlsx', mergedSheetXlsx(ref));
          expect(problem.code).toBe('file_too_large');
          expect(problem.message).toContain('PLAN_IMPORT_MAX_MERGED_CELLS');
        },
      ),
      { numRuns: 15 },
    );
  });

  it('a cell longer than the limit, or a package larger than it once inflated, is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2001, max: 6 * 1024 * 1024 }), async (chars) => {
        const problem = await refused('long.xlsx', longCellXlsx(chars));
        expect(problem.code).toBe('file_too_large');
        expect(problem.message).toMatch(/PLAN_IMPORT_MAX_CELL_CHARS|PLAN_IMPORT_MAX_UNZIPPED_BYTES/);
      }),
      { numRuns: 10 },
    );
  });

  it('blank lines and rows past the limit stop the read, in CSV and XLSX', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 201, max: 3000 }), fc.boolean(), async (count, asXlsx) => {
        const problem = asXlsx
          ? await refused('rows.xlsx', manyRowsXlsx(count))
          : await refused(
              'rows.csv',
              manyRowsCsv(count, (n) => (n % 2 ? '' : `${n},x,VP,2024`)),
            );
        expect(problem.message).toContain('PLAN_IMPORT_MAX_ROWS');
      }),
      { numRuns: 10 },
    );
    expect((await refused('blank.csv', blankLinesCsv(1))).message).toContain('PLAN_IMPORT_MAX_ROWS');
  });

  it('zip bombs are refused, whether the directory tells their size or lies about it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 5, max: 24 }), fc.boolean(), async (megabytes, lie) => {
        const problem = await refused('bomb.docx', zipBombDocx(megabytes, { lie }));
        expect(problem.code).toBe('docx_too_large');
      }),
      { numRuns: 8 },
    );
  });

  it('files within every limit are still read', async () => {
    const table = await readPlanTable({ name: 'ok.csv', bytes: manyRowsCsv(150) }, { limits });
    expect(table.rows).toHaveLength(151);
    const sheet = await readPlanTable({ name: 'ok.xlsx', bytes: manyRowsXlsx(150) }, { limits });
    expect(sheet.rows).toHaveLength(151);
  });
});

function columnName(n: number): string {
  let name = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  }
  return name;
}
