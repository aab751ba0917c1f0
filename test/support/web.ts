/**
 * The web dashboard over a test database: the core of test/support/core.ts, the bot's HTTP server
 * with the dashboard's routes on an ephemeral port, and a terminal chat (the real TerminalAdapter)
 * in which tests type `/da06 web` to get sign-in links. The dashboard's real-time clock is a fixed
 * clock the test moves (links expire on it).
 */
import { PassThrough } from 'node:stream';
import { fixedClock } from '../../src/app/clock.ts';
import { TerminalAdapter } from '../../src/channels/terminal/index.ts';
import { LineSource } from '../../src/channels/terminal/line-source.ts';
import { createHttpServer, type HttpServer } from '../../src/server/http-server.ts';
import { webRoutes } from '../../src/web/routes.ts';
import { type CoreFixture, createCoreFixture } from './core.ts';
import { createTempDatabase, type TempDatabase } from './temp-database.ts';

export const LINK = /http:\/\/127\.0\.0\.1:\d+\/web\/signin\?t=\S+/;

export interface Dashboard {
  fixture: CoreFixture;
  base: string;
  webClock: ReturnType<typeof fixedClock>;
  /** Types a line in the terminal chat; resolves with what it printed once `until` shows. */
  say(line: string, until: RegExp): Promise<string>;
  /** A fresh sign-in link for the terminal user `login` (khanh, tuan, lan, minh, ha), from `/da06 web`. */
  linkFor(login: string): Promise<string>;
  errors: unknown[];
  close(): Promise<void>;
}

export async function startDashboard(): Promise<Dashboard> {
  const temp: TempDatabase = await createTempDatabase('sqlite');
  const fixture = await createCoreFixture(temp.db);
  const webClock = fixedClock('2024-06-20T02:00:00Z');
  fixture.deps.web = {
    publicUrl: 'http://127.0.0.1:0',
    linkMinutes: 10,
    sessionHours: 8,
    maxUploadBytes: 5 * 1024 * 1024,
    clock: webClock,
  };
  const errors: unknown[] = [];
  const server: HttpServer = createHttpServer(
    webRoutes({ core: fixture.core, log: (e) => errors.push(e) }),
    (e) => errors.push(e),
  );
  const port = await server.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  fixture.deps.web.publicUrl = base;

  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk) => {
    out += chunk;
  });
  const terminal = new TerminalAdapter();
  terminal.openChat({
    core: fixture.core,
    lines: new LineSource(stdin, stdout, false),
    user: 'khanh',
    defaultLocale: 'vi',
    timeZone: 'Asia/Ho_Chi_Minh',
    log: (line) => errors.push(line),
  });
  const running = terminal.run();

  const say = async (line: string, until: RegExp): Promise<string> => {
    const from = out.length;
    stdin.write(`${line}\n`);
    for (let i = 0; i < 500; i++) {
      const said = out.slice(from);
      if (until.test(said)) return said;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`the terminal did not answer ${line}: ${out.slice(from)}`);
  };
  const linkFor = async (login: string) => {
    await say(`/da06 as ${login}`, /chuyển sang|switched to/i);
    const said = await say('/da06 web', LINK);
    return LINK.exec(said)![0];
  };
  return {
    fixture,
    base,
    webClock,
    say,
    linkFor,
    errors,
    close: async () => {
      stdin.end();
      await running;
      await server.close(0);
      await temp.drop();
    },
  };
}
