/**
 * Every setting the code reads (the zod schema) is in README's configuration tables and in
 * `.env.example`, and neither lists one the code does not read.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTING_NAMES } from '../../src/config/load-settings.ts';

const root = resolve(import.meta.dirname, '../..');
const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

describe('the settings, as documented', () => {
  it('README’s "Configuration" tables list exactly the settings the code reads', () => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    const start = readme.indexOf('\n## Configuration\n');
    const end = readme.indexOf('\n## ', start + 1);
    expect(start).toBeGreaterThan(0);
    const rows = readme
      .slice(start, end)
      .split('\n')
      .map((line) => /^\|\s*`([A-Za-z_][A-Za-z0-9_]*)`\s*\|/.exec(line)?.[1])
      .filter((name): name is string => Boolean(name));
    expect(sorted(rows)).toEqual(sorted(SETTING_NAMES));
    for (const name of ['TERMINAL_USER', 'REPORT_GRACE_DAYS', 'CLOCK_START']) expect(rows).toContain(name);
  });

  it('.env.example lists every setting, set or commented out, and nothing else', () => {
    const example = readFileSync(resolve(root, '.env.example'), 'utf8');
    const names = example
      .split('\n')
      .map((line) => /^#?\s*([A-Za-z_][A-Za-z0-9_]*)=/.exec(line)?.[1])
      .filter((name): name is string => Boolean(name));
    expect(sorted(names)).toEqual(sorted(SETTING_NAMES));
    expect(names).toHaveLength(new Set(names).size);
  });
});
