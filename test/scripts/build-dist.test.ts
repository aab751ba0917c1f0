/**
 * The precompiled bundle (ADR 7): bin/da06.js runs dist/ only while it matches the sources, and
 * the bundle behaves like the sources, paths to data/ and prisma/ included.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDist } from '../../scripts/build-dist.mjs';
import { distStaleReason, ROOT, sourceFingerprint } from '../../scripts/dist.mjs';

describe('whether dist/ may run', () => {
  const root = mkdtempSync(join(tmpdir(), 'da06-dist-'));
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  writeFileSync(join(root, 'src', 'cli', 'main.ts'), 'export const a = 1;\n');
  const built = () => {
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(
      join(root, 'dist', 'build-info.json'),
      JSON.stringify({ fingerprint: sourceFingerprint(root) }),
    );
  };

  it('not before it is built', () => {
    expect(distStaleReason(root)).toBe('dist/ has not been built');
    built();
    expect(distStaleReason(root)).toBeNull();
  });

  it('not once a source file is edited, added or removed, even when it becomes older', () => {
    built();
    const file = join(root, 'src', 'cli', 'main.ts');
    utimesSync(file, new Date('2020-01-01'), new Date('2020-01-01'));
    expect(distStaleReason(root)).toBe('src/ changed since dist/ was built');
    built();
    writeFileSync(join(root, 'src', 'new.ts'), '');
    expect(distStaleReason(root)).toBe('src/ changed since dist/ was built');
    built();
    rmSync(join(root, 'src', 'new.ts'));
    expect(distStaleReason(root)).toBe('src/ changed since dist/ was built');
  });
});

describe('the bundle', () => {
  // Inside the repository, so that the bundle's packages resolve from node_modules as dist/'s do.
  const outDir = join(ROOT, 'node_modules', '.cache', `da06-dist-test-${process.pid}`);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('runs the CLI as the sources do: migrates a new database and loads the unit directory', async () => {
    await buildDist({ outDir });
    const { main } = (await import(pathToFileURL(join(outDir, 'main.js')).href)) as {
      main: typeof import('../../src/cli/main.ts').main;
    };
    const out: string[] = [];
    const err: string[] = [];
    const output = { out: (text: string) => out.push(text), err: (text: string) => err.push(text) };
    const env = { DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'da06-dist-')), 'bot.db')}` };
    expect(await main(['deadline', 'Quý IV/2022', '--json'], output, env)).toBe(0);
    expect(JSON.parse(out.pop()!)).toMatchObject({ kind: 'quarter', due: '2022-12-31' });
    expect(await main(['units', 'list', '--on', '2024-06-01', '--json'], output, env), err.join('\n')).toBe(
      0,
    );
    expect(err.join('\n')).toContain('20261124005305_init'); // the schema engine ran from the bundle
    expect(JSON.parse(out.pop()!).length).toBeGreaterThan(80); // data/ units read through the rewritten path
  }, 60_000);
});
