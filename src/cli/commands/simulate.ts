/**
 * `da06 simulate`: plays weeks of the scheduler on a fast clock with the demo data, in a throw-away
 * SQLite database, printing each message with its simulated time and recipient, so a new user sees
 * in a minute what the bot does: the round opening, reminders to units that have not reported,
 * overdue nudges and the escalation to the chair, the weekly digest, the summary before the meeting
 * and the meeting reminders. A few demo members act on the way (report, snooze, mark done, take
 * leave), so the reminders that follow change accordingly.
 *
 * The clock jumps from one planned occurrence to the next; nothing waits unless `--delay` asks to.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { fixedClock } from '../../app/clock.ts';
import type { CoreDeps } from '../../app/core-deps.ts';
import type { Recipient } from '../../app/ports/channel.ts';
import { seedDemo } from '../../app/seed-demo.ts';
import { toViewer } from '../../app/use-cases/identify.ts';
import { setLeave } from '../../app/use-cases/leave.ts';
import type { View } from '../../app/views.ts';
import { TerminalAdapter } from '../../channels/terminal/index.ts';
import { renderView } from '../../channels/terminal/render.ts';
import { addDays, todayIn } from '../../domain/period.ts';
import { zonedInstant } from '../../domain/zoned-time.ts';
import { formatDate, formatDateTime } from '../../i18n/index.ts';
import { coreDeps, createCore, openApp } from '../../runtime/open-app.ts';
import { createScheduler, type Scheduler } from '../../scheduler/scheduler.ts';
import type { MemberRecord } from '../../store/member-store.ts';
import { type Command, UsageError } from '../context.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const TOPIC_LABELS: Record<string, string> = {
  meeting: 'nhắc lịch họp',
  round_open: 'mở đợt báo cáo',
  round_reminder: 'nhắc đơn vị chưa báo cáo',
  overdue_nudge: 'nhắc nhiệm vụ quá hạn',
  overdue_escalation: 'báo cáo Tổ trưởng về quá hạn',
  overdue_digest: 'tổng hợp quá hạn hằng tuần',
  unreachable_unit: 'đơn vị chưa liên lạc được',
  undeliverable: 'tin không gửi được',
  summary: 'tổng hợp trước họp',
};

interface Action {
  at: Date;
  run(): Promise<string | null>;
}

export const simulateCommand: Command = {
  path: ['simulate'],
  usage: 'da06 simulate [--from YYYY-MM-DD] [--days N] [--full] [--delay MS]',
  summary:
    'Chạy thử bộ lập lịch trên đồng hồ nhanh với dữ liệu mẫu: xem trợ lý nhắc gì, khi nào (không gửi tin thật).',
  async run(args, context) {
    const { values, days, delay } = simulateOptions(args);
    const out = context.output.out;

    const dir = mkdtempSync(join(tmpdir(), 'da06-simulate-'));
    const settings = {
      ...context.settings(),
      DATABASE_URL: `file:${join(dir, 'simulate.db')}`,
      DB_CONNECT_RETRIES: 0,
    };
    const app = await openApp(settings, { log: () => {} });
    try {
      await seedDemo(app, 'simulate');
      const timeZone = app.group.timeZone;
      const start = zonedInstant(values.from, '00:00', timeZone);
      const end = zonedInstant(addDays(values.from, days), '00:00', timeZone);
      const clock = fixedClock(start);
      const deps = coreDeps(app, clock);
      const core = createCore(app, clock);
      const members = await app.members.list();
      const byId = new Map(members.map((m) => [m.id, m]));
      const when = () => formatDateTime('vi', clock.now(), timeZone, { weekday: true });

      const printer = new MessagePrinter(out, byId, when, timeZone, values.full);
      const scheduler = createScheduler({
        deps,
        outbox: app.stores.outbox,
        channels: [new TerminalAdapter((view, recipient) => printer.deliver(view, recipient))],
        clock,
        settings,
        workerId: 'simulate',
      });

      out(
        `Mô phỏng ${days} ngày từ ${values.from} với kế hoạch mẫu 147/QĐ-BHXH và ${members.length} thành viên mẫu.\n` +
          'Mỗi loại tin nhắn được in đầy đủ lần đầu, các lần sau một dòng (--full để in đầy đủ tất cả).',
      );

      const actions = demoActions(core, deps, members, start, timeZone, printer.roundTasks, printer.nudged);
      await play(scheduler, actions, clock, { start, end, days, delay }, (line) =>
        out(`\n[${when()}] ✎ ${line}`),
      );

      const counts = printer.counts;
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      out(
        `\nKết thúc mô phỏng: ${total} tin nhắn — ` +
          ([...counts].map(([topic, n]) => `${n} ${TOPIC_LABELS[topic] ?? topic}`).join(', ') ||
            'không có tin nào'),
      );
      return 0;
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** The command's options, checked. */
function simulateOptions(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string', default: '2024-06-01' },
      days: { type: 'string', default: '31' },
      full: { type: 'boolean', default: false },
      delay: { type: 'string', default: '0' },
    },
  });
  const days = Number(values.days);
  const delay = Number(values.delay);
  if (!DAY.test(values.from)) throw new UsageError('--from phải có dạng YYYY-MM-DD');
  if (!Number.isInteger(days) || days < 1 || days > 366)
    throw new UsageError('--days phải là số nguyên từ 1 đến 366');
  if (!Number.isFinite(delay) || delay < 0) throw new UsageError('--delay phải là số mili giây không âm');
  return { values, days, delay };
}

/** Prints each message the terminal channel gets, and remembers what the demo members answer. */
class MessagePrinter {
  readonly counts = new Map<string, number>();
  readonly roundTasks = new Map<string, string[]>();
  readonly nudged: { member: MemberRecord; code: string }[] = [];
  private readonly shown = new Set<string>();

  constructor(
    private readonly out: (line: string) => void,
    private readonly byId: Map<number, MemberRecord>,
    private readonly when: () => string,
    private readonly timeZone: string,
    private readonly full: boolean,
  ) {}

  deliver(view: View, recipient: Recipient): void {
    const topic = view.kind === 'reminder' ? view.topic : view.kind;
    this.counts.set(topic, (this.counts.get(topic) ?? 0) + 1);
    const member = recipient.kind === 'member' ? this.byId.get(recipient.memberId) : undefined;
    if (view.kind === 'reminder' && view.topic === 'round_open' && view.units[0]) {
      this.roundTasks.set(view.units[0].code, view.units[0].taskCodes);
    }
    if (view.kind === 'reminder' && view.topic === 'overdue_nudge' && member && view.tasks[0]) {
      this.nudged.push({ member, code: view.tasks[0].code });
    }
    const to = member ? `${member.displayName} (${member.unitCode})` : 'kênh chung của Tổ công tác';
    const text = renderView(view, recipient.locale, { timeZone: this.timeZone });
    if (this.full || !this.shown.has(topic)) {
      this.shown.add(topic);
      this.out(`\n[${this.when()}] → ${to}\n${text}`);
    } else {
      this.out(`[${this.when()}] → ${to}: ${text.split('\n')[0]}`);
    }
  }
}

/** Jumps the clock from one occurrence or demo action to the next until `end`, ticking the scheduler. */
async function play(
  scheduler: Scheduler,
  actions: Action[],
  clock: ReturnType<typeof fixedClock>,
  span: { start: Date; end: Date; days: number; delay: number },
  say: (line: string) => void,
): Promise<void> {
  const { end, days, delay } = span;
  let now = span.start;
  for (;;) {
    const next = await scheduler.nextOccurrence(now, days + 1);
    const action = actions
      .filter((a) => a.at.getTime() > now.getTime())
      .sort((a, b) => a.at.getTime() - b.at.getTime())[0];
    const candidates = [next?.at, action?.at].filter((d): d is Date => d !== undefined);
    if (candidates.length === 0) break;
    const at = new Date(Math.min(...candidates.map((d) => d.getTime())));
    if (at.getTime() >= end.getTime()) break;
    clock.set(at);
    for (const due of actions.filter((a) => a.at.getTime() === at.getTime())) {
      const said = await due.run();
      if (said) say(said);
    }
    if (next && next.at.getTime() === at.getTime()) await scheduler.tick();
    if (delay > 0) await sleep(delay);
    now = at;
  }
}

/**
 * What demo members do along the way: one takes leave for a few days, two units answer the round
 * the day after it opens, one member snoozes an overdue task and another marks one done.
 */
function demoActions(
  core: ReturnType<typeof createCore>,
  deps: CoreDeps,
  members: MemberRecord[],
  start: Date,
  timeZone: string,
  roundTasks: Map<string, string[]>,
  nudged: { member: MemberRecord; code: string }[],
): Action[] {
  const at = (dayOffset: number, time: string) =>
    zonedInstant(addDays(todayIn(timeZone, start), dayOffset), time, timeZone);
  const actions: Action[] = [];
  const minh = members.find((m) => m.identities.terminal === 'minh');
  if (minh) {
    actions.push({
      at: at(0, '07:00'),
      async run() {
        const today = todayIn(timeZone, deps.clock.now());
        await setLeave(deps, toViewer(minh), minh.id, addDays(today, 2), addDays(today, 4));
        const [from, until] = [formatDate('vi', addDays(today, 2)), formatDate('vi', addDays(today, 4))];
        return `${minh.displayName} (${minh.unitCode}) đăng ký nghỉ phép từ ngày ${from} đến hết ngày ${until}: trong những ngày này trợ lý không nhắc anh; đơn vị không còn ai nhận thì Tổ trưởng được báo.`;
      },
    });
  }
  actions.push(...roundAnswers(core, members, at, roundTasks));
  actions.push(...nudgeAnswers(core, deps, at, timeZone, nudged));
  return actions;
}

type At = (dayOffset: number, time: string) => Date;

/** Answers to the round: every day at 10:00, the first time a round has opened, two units report. */
function roundAnswers(
  core: ReturnType<typeof createCore>,
  members: MemberRecord[],
  at: At,
  roundTasks: Map<string, string[]>,
): Action[] {
  const actions: Action[] = [];
  let answered = false;
  for (let d = 0; d < 40; d++) {
    actions.push({
      at: at(d, '10:00'),
      async run() {
        if (answered || roundTasks.size === 0) return null;
        answered = true;
        const said: string[] = [];
        for (const login of ['lan', 'thang']) {
          const member = members.find((m) => m.identities.terminal === login);
          const codes = member ? (roundTasks.get(member.unitCode) ?? []) : [];
          if (!member || codes.length === 0) continue;
          for (const code of codes) {
            await core.submitReport(toViewer(member), {
              task: code,
              draft: {
                status: 'in_progress',
                percent: '60',
                done: 'Đang triển khai theo kế hoạch.',
                blockers: '',
                evidenceUrl: '',
              },
            });
          }
          said.push(
            `${member.displayName} (${member.unitCode}) báo cáo tiến độ ${codes.length} nhiệm vụ của đơn vị`,
          );
        }
        return said.length > 0
          ? `${said.join('; ')}. Các lần nhắc sau chỉ gửi tới đơn vị chưa báo cáo.`
          : null;
      },
    });
  }
  return actions;
}

/** Overdue nudges answered: the first member nudged snoozes a task; a member of another unit marks one done. */
function nudgeAnswers(
  core: ReturnType<typeof createCore>,
  deps: CoreDeps,
  at: At,
  timeZone: string,
  nudged: { member: MemberRecord; code: string }[],
): Action[] {
  const actions: Action[] = [];
  let snoozed: MemberRecord | null = null;
  let markedDone = false;
  for (let d = 0; d < 40; d++) {
    actions.push({
      at: at(d, '09:15'),
      async run() {
        const said: string[] = [];
        const first = nudged[0];
        if (!snoozed && first) {
          snoozed = first.member;
          const until = addDays(todayIn(timeZone, deps.clock.now()), 7);
          const result = await core.snooze(
            toViewer(first.member),
            first.code,
            until,
            'Chờ hướng dẫn của Bộ Công an',
          );
          if (result.tone === 'success') {
            said.push(
              `${first.member.displayName} bấm "Nhắc lại sau" cho nhiệm vụ ${first.code} đến ngày ${formatDate('vi', until)} (lý do: chờ hướng dẫn của Bộ Công an); bản tổng hợp quá hạn ghi rõ đề nghị này`,
            );
          }
        }
        const other = snoozed ? nudged.find((n) => n.member.unitCode !== snoozed?.unitCode) : undefined;
        if (!markedDone && other) {
          markedDone = true;
          const done = await core.markDone(toViewer(other.member), other.code);
          if (done.kind === 'report-saved') {
            said.push(
              `${other.member.displayName} (${other.member.unitCode}) bấm "Đã hoàn thành" cho nhiệm vụ ${other.code}: không còn bị nhắc`,
            );
          }
        }
        return said.length > 0 ? `${said.join('; ')}.` : null;
      },
    });
  }
  return actions;
}
