/**
 * The web dashboard on a plain `npm start` (issue 18): with no PUBLIC_URL and the terminal the only
 * chat, the bot serves it on http://localhost:PORT, bound to 127.0.0.1; start-up says where, and the
 * link `/da06 web` prints signs in and shows the overview. With Slack configured and no PUBLIC_URL it
 * stays off: a link to localhost would not reach the members' browsers.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { FakeSlack } from '../support/slack/fake-slack.ts';
import { SECRET } from '../support/slack/harness.ts';

const BIN = resolve(import.meta.dirname, '../../bin/da06.js');

interface RunningStart {
  /** Resolves with the first match of `pattern` in what the process wrote to `stream` so far or later. */
  until(stream: 'stdout' | 'stderr', pattern: RegExp): Promise<RegExpMatchArray>;
  say(line: string): void;
  /** Ends the input (the chat exits at its end) and resolves with the exit code. */
  end(): Promise<number | null>;
}

function run(args: string[], env: Record<string, string>): RunningStart {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...env },
  });
  const text = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => {
    text.stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    text.stderr += chunk;
  });
  const closed = new Promise<number | null>((done) => child.on('close', done));
  const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return {
    until: (stream, pattern) =>
      new Promise((found, fail) => {
        const look = () => {
          const match = text[stream].match(pattern);
          if (!match) return;
          child[stream].off('data', look);
          found(match);
        };
        child[stream].on('data', look);
        closed.then(() => fail(new Error(`exited before ${pattern}:\n${text.stdout}\n${text.stderr}`)));
        look();
      }),
    say: (line) => child.stdin.write(`${line}\n`),
    end: async () => {
      child.stdin.end();
      const code = await closed;
      clearTimeout(killer);
      return code;
    },
  };
}

const database = () => `file:${join(mkdtempSync(join(tmpdir(), 'da06-start-web-')), 'bot.db')}`;

it('a plain npm start serves the dashboard on localhost; /da06 web signs the chair in to the overview', async () => {
  const bot = run(['start'], { DATABASE_URL: database() });
  let code: number | null = null;
  try {
    const where = await bot.until('stderr', /Bảng điều khiển web: http:\/\/localhost:(\d+)\/web\//);
    bot.say('/da06 web');
    const [link] = await bot.until('stdout', /http:\/\/localhost:\d+\/web\/signin\?t=\S+/);
    expect(new URL(link).port).toBe(where[1]);
    const signIn = await fetch(link, { redirect: 'manual' });
    expect(signIn.status).toBe(303);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^da06_session=./);
    const overview = await fetch(new URL(signIn.headers.get('location') ?? '', link), {
      headers: { cookie },
    });
    expect(overview.status).toBe(200);
    const page = await overview.text();
    expect(page).toContain('Tổng quan tiến độ');
    expect(page).toContain('Phạm vi: toàn Tổ công tác'); // the demo's chair sees the whole group
    // Bound to the loopback interface only: another address of this machine is refused.
    const other = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === 'IPv4' && !address.internal);
    if (other) await expect(fetch(`http://${other.address}:${where[1]}/web/`)).rejects.toThrow();
  } finally {
    code = await bot.end();
  }
  expect(code).toBe(0);
}, 150_000);

it('with Slack configured and no PUBLIC_URL the dashboard stays off and /da06 web says what to set', async () => {
  const url = database();
  // The demo's members, so the terminal user is the chair (with Slack set, start-up seeds nothing).
  expect(await run(['seed', 'demo'], { DATABASE_URL: url }).end()).toBe(0);
  const slack = new FakeSlack();
  await slack.start();
  const bot = run(['start', '--terminal'], {
    DATABASE_URL: url,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: 'info',
  });
  let code: number | null = null;
  try {
    await bot.until('stderr', /Bảng điều khiển web: chưa bật; với Slack\/Teams cần\s+đặt\s+PUBLIC_URL/);
    // The server listens for Slack's events, on every interface, without the dashboard's routes.
    const [, port] = await bot.until('stderr', /"port":(\d+),"paths":\[[^\]]*"\/slack\/events"/);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/web/`)).status).toBe(404);
    bot.say('/da06 web');
    await bot.until('stdout', /Bảng điều khiển web chưa được bật: quản trị viên cần đặt\s+PUBLIC_URL/);
  } finally {
    code = await bot.end();
    await slack.stop();
  }
  expect(code).toBe(0);
}, 150_000);

it('with PORT taken (a second npm start) the terminal chat still runs and says which port to change', async () => {
  const holder = createServer();
  const taken = await new Promise<number>((done) =>
    holder.listen(0, '127.0.0.1', () => done((holder.address() as { port: number }).port)),
  );
  const bot = run(['start'], { DATABASE_URL: database(), PORT: String(taken) });
  let code: number | null = null;
  try {
    await bot.until(
      'stderr',
      new RegExp(`Bảng điều khiển web: chưa bật; không mở được\\s+cổng\\s+${taken}\\s+\\(EADDRINUSE\\)`),
    );
    bot.say('/da06 summary');
    await bot.until('stdout', /\d+ nhiệm vụ/);
  } finally {
    code = await bot.end();
    holder.close();
  }
  expect(code).toBe(0);
}, 150_000);
