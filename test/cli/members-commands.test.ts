/** `da06 members deactivate` and `reactivate`: a member stopped by mistake comes back with their accounts (issue 16). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

it('deactivate, then reactivate by name: the member is listed again with the same chat account', async () => {
  const env = { DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'da06-members-')), 'cli.db')}` };
  const add = ['members', 'add', '--name', 'Trần Văn Bình', '--unit', 'CNTT', '--role', 'member'];
  expect((await runCli([...add, '--terminal', 'binh'], env)).code).toBe(0);
  expect((await runCli(['members', 'deactivate', 'Trần Văn Bình'], env)).code).toBe(0);
  expect((await runCli(['members', 'list', '--json'], env)).stdout).not.toContain('Trần Văn Bình');
  const again = await runCli(['members', 'reactivate', 'Trần Văn Bình'], env);
  expect(again).toMatchObject({ code: 0, stdout: 'Đã kích hoạt lại Trần Văn Bình.' });
  const listed = JSON.parse((await runCli(['members', 'list', '--json'], env)).stdout) as {
    displayName: string;
    identities: Record<string, string>;
  }[];
  expect(listed.find((m) => m.displayName === 'Trần Văn Bình')?.identities).toMatchObject({
    terminal: 'binh',
  });
  const unknown = await runCli(['members', 'reactivate', 'Không Có Ai'], env);
  expect(unknown.code).toBe(2);
});
