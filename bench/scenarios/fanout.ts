/**
 * fanout: `messages` direct reminders (an overdue nudge, one per member) sent the way production
 * sends them: one decision enqueued in the outbox (one row per recipient, one transaction), then
 * drained by the scheduler's `Outbox.drain` through the Slack channel's `send` (chat.postMessage to
 * the member's user id, paced at SLACK_SEND_RATE = R) to a fake Slack API that allows `rate`
 * messages per second (token bucket holding `burst`) and answers 429 with Retry-After above it. The drain is called again as soon as
 * something is due (production ticks every 30 s), until nothing is left or the time limit.
 *
 * Counted at the fake API: throughput (messages accepted per second of the drain) against R (target
 * ≥ 0.95 R), recipients who got nothing (lost) and extra copies (duplicated), both targets 0.
 */
import { systemClock } from '../../src/app/clock.ts';
import type { Channel } from '../../src/app/ports/channel.ts';
import type { ReminderView } from '../../src/app/views.ts';
import { createSlackChannel } from '../../src/channels/slack/index.ts';
import { settingsSchema } from '../../src/config/settings.ts';
import { periodFromKey } from '../../src/domain/period.ts';
import { Outbox } from '../../src/scheduler/outbox.ts';
import type { Database } from '../../src/store/open-database.ts';
import { createStores } from '../../src/store/stores.ts';
import { createCoreFixture } from '../../test/support/core.ts';
import { createTempDatabase } from '../../test/support/temp-database.ts';
import { type Edge, startEdge } from '../support/edge.ts';
import { addBenchMembers } from '../support/members.ts';
import { profiled } from '../support/profile.ts';
import { ratio, round } from '../support/stats.ts';
import type { ScenarioResult } from '../types.ts';

export interface FanoutSize {
  messages: number;
  /** chat.postMessage calls per second the fake Slack API allows (R). */
  rate: number;
  /** Calls the bucket holds (a burst); after a 1 s Retry-After the sender finds this many. */
  burst: number;
  /** SLACK_SEND_RATE, the pace the bot keeps (R unless said otherwise). */
  sendRate?: number;
  /** The drain stops here whatever is left (what is left then counts as lost). */
  timeLimitMs: number;
}

export const FULL: FanoutSize = { messages: 5000, rate: 500, burst: 50, timeLimitMs: 60_000 };
/**
 * R = 20/s for 50 messages, the bot set to twice that: the smoke run meets 429s, Retry-After waits
 * and the outbox's retries.
 */
export const SMOKE: FanoutSize = { messages: 50, rate: 20, burst: 20, sendRate: 40, timeLimitMs: 20_000 };

export interface FanoutOptions {
  size: FanoutSize;
  log: (line: string) => void;
}

export interface FanoutRun {
  sent: number;
  elapsedMs: number;
  throughput: number;
  lost: number;
  /** Recipients whose message was still in the outbox when the time limit hit. */
  queued: number;
  duplicated: number;
  limited: number;
  drains: number;
}

export async function measureFanout(options: FanoutOptions): Promise<ScenarioResult[]> {
  const { size, log } = options;
  const edge = await startEdge();
  const temp = await createTempDatabase('sqlite');
  let channel: Channel | null = null;
  try {
    const apiUrl = await edge.startSlack({ rate: size.rate, burst: size.burst });
    const fixture = await createCoreFixture(temp.db);
    const settings = settingsSchema.parse({
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789',
      SLACK_API_URL: apiUrl,
      // The bot paces itself at the workspace's allowance, which here is R.
      SLACK_SEND_RATE: String(size.sendRate ?? size.rate),
    });
    const logs: string[] = [];
    channel = createSlackChannel({ core: fixture.core, settings, logger: (line) => logs.push(line) });
    const run = await fanOut({ db: temp.db, edge, channel, group: fixture.core.deps.group, size, log });
    if (logs.length > 0) log(`fanout: channel log (${logs.length} lines), last: ${logs.at(-1)}`);
    return fanoutRows(run, size);
  } finally {
    await channel?.stop().catch(() => {});
    await edge.close();
    await temp.drop();
  }
}

export function fanoutRows(run: FanoutRun, size: FanoutSize, name = 'fanout'): ScenarioResult[] {
  return [
    {
      name,
      metric: `throughput of ${size.messages} DM reminders at R = ${size.rate}/s (outbox → Slack send)`,
      value: round(run.throughput, 1),
      baseline: size.rate,
      ratio: ratio(run.throughput, size.rate),
      unit: 'msg/s',
      target: 'ratio ≥ 0.95',
    },
    {
      name,
      metric: `recipients still queued when the ${size.timeLimitMs / 1000} s time limit hit`,
      value: run.queued,
      baseline: 0,
      ratio: ratio(run.queued, size.messages),
      unit: 'msg',
      target: 'value = 0 (all sent)',
    },
    {
      name,
      metric: 'recipients whose row left the outbox but who got nothing (lost)',
      value: run.lost,
      baseline: 0,
      ratio: ratio(run.lost, size.messages),
      unit: 'msg',
      target: 'value = 0',
    },
    {
      name,
      metric: 'extra copies received (duplicated)',
      value: run.duplicated,
      baseline: 0,
      ratio: ratio(run.duplicated, size.messages),
      unit: 'msg',
      target: 'value = 0',
    },
  ];
}

/** The payload of an overdue nudge to a unit about one task, as the scheduler writes it. */
export function nudgePayload(task: { id: number; code: string; content: string }): string {
  const view: ReminderView = {
    kind: 'reminder',
    topic: 'overdue_nudge',
    period: periodFromKey('2024-06'),
    meeting: null,
    tasks: [
      {
        taskId: task.id,
        code: task.code,
        content: task.content,
        leadUnits: ['CNTT'],
        deadline: { text: 'Tháng 02/2024', due: '2024-02-29' },
        standing: 'not_reported',
        daysOverdue: 112,
      },
    ],
    units: [{ code: 'CNTT', name: 'Trung tâm Công nghệ thông tin', taskCodes: [task.code] }],
    actions: true,
  };
  return JSON.stringify(view);
}

/** Seeds `messages` members (of unit CNTT) with Slack accounts and one nudge for each in the outbox. */
export async function seedFanout(
  db: Database,
  group: { id: number; timeZone: string; locale: string },
  messages: number,
  when: Date,
  task: { id: number; code: string; content: string } = { id: 1, code: '1', content: 'Tổ chức hội nghị' },
): Promise<{ expected: Map<string, string> }> {
  const members = await addBenchMembers(db, {
    groupId: group.id,
    unitCode: 'CNTT',
    count: messages,
    identities: (i) => ({ slack: `UFAN${String(i + 1).padStart(6, '0')}` }),
  });
  const payload = nudgePayload(task);
  const occurrence = `bench-${when.getTime()}`;
  const outbox = new Outbox({
    stores: createStores(db, group.id),
    group,
    clock: { now: () => when },
    workerId: 'bench-seed',
  });
  const { messages: written } = await outbox.enqueue({
    job: 'overdue-nudge',
    occurrence,
    messages: members.map((m) => ({
      kind: 'overdue-nudge',
      occurrence,
      recipient: `member:${m.memberId}:slack`,
      channel: 'slack',
      payload,
      notBefore: when,
    })),
  });
  if (written !== messages) throw new Error(`fanout: ${written} of ${messages} rows enqueued`);
  // Outbox recipient → the DM channel the fake Slack API opens for that member.
  return { expected: new Map(members.map((m) => [`member:${m.memberId}:slack`, `D${m.identities.slack}`])) };
}

/**
 * Counts at the fake API what each expected recipient received. A recipient whose outbox row is
 * still pending (the run hit its time limit) is `queued`, not lost: the next drain sends it.
 */
export async function countDeliveries(
  edge: Edge,
  expected: Map<string, string>,
  queuedRecipients = new Set<string>(),
) {
  const tally = await edge.slackTally();
  const channels = new Set(expected.values());
  let lost = 0;
  let queued = 0;
  let duplicated = 0;
  let received = 0;
  for (const [recipient, channel] of expected) {
    const n = tally.posted[channel] ?? 0;
    if (n === 0) {
      if (queuedRecipients.has(recipient)) queued++;
      else lost++;
    } else duplicated += n - 1;
    received += n;
  }
  const stray = Object.keys(tally.posted).filter((c) => !channels.has(c)).length;
  return { tally, lost, queued, duplicated, received, stray };
}

async function fanOut(options: {
  db: Database;
  edge: Edge;
  channel: Channel;
  group: { id: number; timeZone: string; locale: string };
  size: FanoutSize;
  log: (line: string) => void;
}): Promise<FanoutRun> {
  const { db, edge, channel, group, size, log } = options;
  const seeding = performance.now();
  const task = await db.client.task.findFirstOrThrow({
    where: { code: '1' },
    select: { id: true, code: true, content: true },
  });
  const { expected } = await seedFanout(db, group, size.messages, systemClock.now(), task);
  log(
    `fanout: ${size.messages} members and outbox rows seeded in ${Math.round(performance.now() - seeding)} ms`,
  );
  await edge.resetSlack();

  const outbox = new Outbox({
    stores: createStores(db, group.id),
    group,
    clock: systemClock,
    workerId: 'bench-fanout',
  });
  const started = performance.now();
  const deadline = started + size.timeLimitMs;
  const stop = () => performance.now() > deadline;
  let drains = 0;
  let lastLog = started;
  await profiled(`fanout-${size.messages}`, () => drainAll());
  async function drainAll() {
    for (;;) {
      drains++;
      const result = await outbox.drain([channel], { shouldStop: stop });
      if (result.failed > 0 || result.expired > 0 || result.unreachable > 0)
        log(`fanout: drain ${drains}: ${JSON.stringify(result)}`);
      const left = await db.client.outboxMessage.count({
        where: { kind: 'overdue-nudge', status: { in: ['pending', 'claimed'] } },
      });
      if (left === 0 || stop()) break;
      if (performance.now() - lastLog > 5000) {
        lastLog = performance.now();
        log(`fanout: ${size.messages - left} sent after ${Math.round((lastLog - started) / 1000)} s`);
      }
      const next = await db.client.outboxMessage.findFirst({
        where: { kind: 'overdue-nudge', status: 'pending' },
        orderBy: { notBefore: 'asc' },
        select: { notBefore: true },
      });
      const wait = next ? next.notBefore.getTime() - Date.now() : 50;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(20, Math.min(wait, 5000, deadline - performance.now()))),
      );
    }
  }
  const elapsedMs = performance.now() - started;
  const unsent = await db.client.outboxMessage.findMany({
    where: { kind: 'overdue-nudge', status: { in: ['pending', 'claimed'] } },
    select: { recipient: true },
  });
  const { lost, queued, duplicated, received, stray, tally } = await countDeliveries(
    edge,
    expected,
    new Set(unsent.map((row) => row.recipient)),
  );
  if (stray > 0) throw new Error(`fanout: ${stray} channels got messages nobody was sent`);
  const sent = received - duplicated;
  const run: FanoutRun = {
    sent,
    elapsedMs,
    throughput: (received / elapsedMs) * 1000,
    lost,
    queued,
    duplicated,
    limited: tally.limited,
    drains,
  };
  log(
    `fanout: ${received} messages to ${sent} of ${size.messages} recipients in ${(elapsedMs / 1000).toFixed(1)} s = ${run.throughput.toFixed(1)} msg/s at R = ${size.rate}/s; ${queued} still queued, ${lost} lost; ${tally.limited} answered 429; ${tally.calls['conversations.open'] ?? 0} conversations.open; ${drains} drain calls`,
  );
  return run;
}
