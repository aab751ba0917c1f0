/**
 * `node bin/run-ts.js bench/profile-pg-submission.ts [--provider postgresql|sqlite] [--count N]`:
 * where one status-form submission's database work goes. The real Slack channel on the bot's HTTP
 * server, signed `view_submission`s of the report modal sent one at a time (no concurrency, so every
 * statement belongs to the submission in flight); every statement the `pg` driver sends is counted
 * (Prisma's PostgreSQL adapter runs each query, BEGIN and COMMIT through `pg.Client.query`), with its
 * wall time. Prints statements per submission grouped by their text, and the mean time of a
 * submission. `--cpu-prof` on the node command line profiles the same run (docs/performance.md,
 * "PostgreSQL").
 */
import { createHmac } from 'node:crypto';
import pg from 'pg';
import { reportModal } from '../src/channels/slack/blocks/report-modal.ts';
import { EVENTS_PATH } from '../src/channels/slack/ids.ts';
import { createSlackChannel } from '../src/channels/slack/index.ts';
import { settingsSchema } from '../src/config/settings.ts';
import { renderContext } from '../src/presentation/context.ts';
import { createHttpServer } from '../src/server/http-server.ts';
import type { Provider } from '../src/store/provider.ts';
import { createCoreFixture } from '../test/support/core.ts';
import { reportValues, viewOutput, viewSubmission } from '../test/support/slack/harness.ts';
import { createTempDatabase } from '../test/support/temp-database.ts';
import { addBenchMembers } from './support/members.ts';

const SECRET = 'bench-signing-secret-0123456789';

interface Counted {
  calls: number;
  ms: number;
}

/** Counts every statement `pg` sends, by its text with whitespace folded; returns a reset function. */
function countStatements(): { byText: Map<string, Counted>; reset(): void } {
  const byText = new Map<string, Counted>();
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    const text = (typeof first === 'string' ? first : (first?.text ?? '?')).replace(/\s+/g, ' ').trim();
    const started = performance.now();
    const result = original.apply(this, args);
    const note = () => {
      const entry = byText.get(text) ?? { calls: 0, ms: 0 };
      entry.calls++;
      entry.ms += performance.now() - started;
      byText.set(text, entry);
    };
    if (result instanceof Promise) result.then(note, note);
    else note();
    return result;
  };
  return { byText, reset: () => byText.clear() };
}

const args = process.argv.slice(2);
const provider = (args[args.indexOf('--provider') + 1] ?? 'postgresql') as Provider;
const count = Number(args.includes('--count') ? args[args.indexOf('--count') + 1] : 200);
const counter = countStatements();
const temp = await createTempDatabase(args.includes('--provider') ? provider : 'postgresql', 10);
const fixture = await createCoreFixture(temp.db);
const { core } = fixture;
const members = await addBenchMembers(temp.db, {
  groupId: core.deps.group.id,
  unitCode: 'CNTT',
  count: 3,
  identities: (i) => ({ slack: `UPROF${i + 1}` }),
});
const settings = settingsSchema.parse({
  SLACK_BOT_TOKEN: 'xoxb-bench-token',
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: 'http://127.0.0.1:9/api/',
});
const channel = createSlackChannel({ core, settings, logger: () => {} });
const server = createHttpServer(channel.routes);
const origin = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
const tasks = new Map((await core.deps.plans.listTasks(core.deps.group.id)).map((t) => [t.code, t.id]));
const ctx = renderContext('vi', core.deps.group.timeZone);

async function bodyFor(i: number): Promise<string> {
  const member = members[i % members.length]!;
  const userId = member.identities.slack!;
  const viewer = await core.identify('slack', userId);
  if ('kind' in viewer) throw new Error('not identified');
  const code = ['1', '2', '4'][i % 3]!;
  const form = await core.reportForm(viewer, code);
  if (form.kind !== 'report-form') throw new Error(JSON.stringify(form));
  const meta = { task: tasks.get(code)!, period: form.period.key, origin: 'command' as const };
  const values = reportValues({
    task: tasks.get(code)!,
    status: 'in_progress',
    percent: String(10 + (i % 80)),
    done: 'Đã triển khai theo kế hoạch',
    evidence: 'https://vanban.example.vn/bench',
  });
  const payload = viewSubmission(userId, viewOutput(reportModal(form, meta, ctx), values, `VPROF${i}`));
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

async function submit(body: string): Promise<void> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const response = await fetch(`${origin}${EVENTS_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
    body,
  });
  const text = await response.text();
  if (!/Đã (ghi nhận|cập nhật) báo cáo nhiệm vụ/.test(text)) throw new Error(`answer: ${text.slice(0, 300)}`);
}

const bodies = await Promise.all(Array.from({ length: count + 20 }, (_, i) => bodyFor(i)));
for (const body of bodies.slice(count)) await submit(body); // warm-up: first revisions, JIT
counter.reset();
const started = performance.now();
for (const body of bodies.slice(0, count)) await submit(body);
const elapsed = performance.now() - started;
const rows = [...counter.byText].sort((a, b) => b[1].calls - a[1].calls);
const statements = rows.reduce((n, [, c]) => n + c.calls, 0);
const dbMs = rows.reduce((n, [, c]) => n + c.ms, 0);
process.stdout.write(
  `${temp.db.provider}: ${count} submissions one at a time, ${(elapsed / count).toFixed(2)} ms each; ` +
    `${(statements / count).toFixed(2)} statements through pg per submission, ${(dbMs / count).toFixed(2)} ms waiting for them\n`,
);
for (const [text, c] of rows)
  process.stdout.write(
    `${(c.calls / count).toFixed(2).padStart(6)} × ${(c.ms / c.calls).toFixed(3)} ms  ${text.slice(0, 150)}\n`,
  );
await channel.stop();
await server.close(1000);
await temp.drop();
