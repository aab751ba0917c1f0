/** Runs the `da06` CLI in-process against a database of the test's choosing, capturing what it prints. */
import { main } from '../../src/cli/main.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    { out: (text) => out.push(text), err: (text) => err.push(text) },
    {
      DB_CONNECT_RETRIES: '0',
      ...env,
    },
  );
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
