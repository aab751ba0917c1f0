/**
 * The bot's V8 options are written once, in package.json's start script; the benchmarks that run the
 * bot inside their own process must run with them too, or they measure another configuration.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/dist.mjs';
import { serverNodeOptions } from '../../scripts/node-options.mjs';

const scripts = (root: string) =>
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts;

describe('the server’s node options', () => {
  it('are read from the start script: the young generation sized for bursts of requests', () => {
    expect(serverNodeOptions()).toEqual(['--max-semi-space-size=32']);
  });

  it('`npm run bench` runs with every one of them', () => {
    const bench = scripts(ROOT).bench!.split(/\s+/);
    for (const option of serverNodeOptions()) expect(bench).toContain(option);
  });

  it('a start script that is not "node … bin/da06.js" is refused, not guessed', () => {
    const root = mkdtempSync(join(tmpdir(), 'da06-options-'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ scripts: { start: 'tsx src/cli/main.ts' } }));
    expect(() => serverNodeOptions(root)).toThrow(/start script/);
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ scripts: { start: 'node bin/da06.js start' } }),
    );
    expect(serverNodeOptions(root)).toEqual([]);
  });
});
