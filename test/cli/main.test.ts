/**
 * The command table of `da06`: each command's module is imported only when it runs, so the table
 * names every command by its words; these must be the words the command itself declares.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS, findCommand, main } from '../../src/cli/main.ts';

describe('the da06 command table', () => {
  it('names each command by the path its module declares', async () => {
    for (const [name, load] of Object.entries(COMMANDS)) {
      expect((await load()).path.join(' ')).toBe(name);
    }
  });

  it('finds the longest matching command and leaves the rest as its arguments', () => {
    expect(findCommand(['plan', 'list', '--json'])).toMatchObject({ name: 'plan list', rest: ['--json'] });
    expect(findCommand(['report', '2024-06'])).toMatchObject({ name: 'report', rest: ['2024-06'] });
    expect(findCommand(['plan'])).toBeNull();
  });

  it('lists every command in help, and a command’s usage with --help', async () => {
    const out: string[] = [];
    const output = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    expect(await main(['help'], output)).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(out.join('\n')).toContain(`da06 ${name} `);
    out.length = 0;
    expect(await main(['deadline', '--help'], output)).toBe(0);
    expect(out.join('\n')).toContain('Cách dùng: da06 deadline');
    expect(await main(['nope'], output)).toBe(2);
  });
});
