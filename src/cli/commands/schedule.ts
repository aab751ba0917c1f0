/**
 * `da06 schedule preview`: the meetings and rounds the scheduler plans, without sending anything
 * (`--json` for scripts), and `da06 schedule calendar`: the extra days off and make-up working days
 * an admin adds for the year, on top of Vietnam's public holidays.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { meetingCalendar, meetingInvitation } from '../../app/use-cases/meeting-invitation.ts';
import { todayIn } from '../../domain/period.ts';
import { isLocale, type Locale } from '../../domain/roles.ts';
import { yearCalendar } from '../../domain/working-days.ts';
import { zonedInstant } from '../../domain/zoned-time.ts';
import { formatDate, formatDateTime, t } from '../../i18n/index.ts';
import { coreDeps } from '../../runtime/open-app.ts';
import { createScheduler, type PreviewItem } from '../../scheduler/scheduler.ts';
import { schedulerPort } from '../../scheduler/scheduler-port.ts';
import { type Command, settingsClock, UsageError } from '../context.ts';
import { table } from '../output.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const KIND_LABELS: Record<PreviewItem['kind'], string> = {
  meeting: 'Họp giao ban',
  'meeting-reminder': 'Nhắc lịch họp',
  'round-open': 'Mở đợt báo cáo',
  'round-reminder': 'Nhắc đơn vị chưa báo cáo',
  summary: 'Gửi tổng hợp cho Tổ trưởng',
};

/** `--from YYYY-MM-DD` and `--months N` (1 to 24), as preview and ics read them: the months, checked. */
function monthsFrom(values: { from?: string | undefined; months?: string | undefined }): number {
  if (values.from !== undefined && !DAY.test(values.from))
    throw new UsageError('--from phải có dạng YYYY-MM-DD');
  const months = Number(values.months);
  if (!Number.isInteger(months) || months < 1 || months > 24)
    throw new UsageError('--months phải là số nguyên từ 1 đến 24');
  return months;
}

export const schedulePreviewCommand: Command = {
  path: ['schedule', 'preview'],
  usage: 'da06 schedule preview [--from YYYY-MM-DD] [--months N] [--json]',
  summary: 'Xem trước lịch họp giao ban, đợt báo cáo và nhắc nhở sẽ gửi (không gửi gì).',
  async run(args, context) {
    const { values } = parseArgs({
      args,
      options: {
        from: { type: 'string' },
        months: { type: 'string', default: '2' },
        json: { type: 'boolean', default: false },
      },
    });
    const months = monthsFrom(values);
    const settings = context.settings();
    const app = await context.app();
    const clock = settingsClock(settings);
    const timeZone = app.group.timeZone;
    const from = zonedInstant(values.from ?? todayIn(timeZone, clock.now()), '00:00', timeZone);
    const scheduler = createScheduler({
      deps: coreDeps(app, clock),
      outbox: app.stores.outbox,
      channels: [],
      clock,
      settings,
    });
    const items = await scheduler.preview(from, months);
    if (values.json) {
      context.output.out(JSON.stringify(items, null, 2));
      return 0;
    }
    if (items.length === 0) {
      context.output.out('Không có lịch nào trong khoảng này.');
      return 0;
    }
    context.output.out(
      table(
        ['Thời điểm', 'Việc', 'Kỳ', 'Ghi chú'],
        items.map((item) => [
          formatDateTime('vi', item.at, timeZone, { weekday: true }),
          `${KIND_LABELS[item.kind]}${item.offset ? ` (${item.offset})` : ''}${item.status === 'cancelled' ? ' — đã hủy' : ''}`,
          item.period ?? item.occurrence,
          item.note ?? '',
        ]),
        90,
      ),
    );
    return 0;
  },
};

export const scheduleCalendarCommand: Command = {
  path: ['schedule', 'calendar'],
  usage:
    'da06 schedule calendar [list [--year YYYY]] | add YYYY-MM-DD off|work [ghi chú…] | remove YYYY-MM-DD',
  summary: 'Ngày nghỉ thêm và ngày làm bù của cơ quan (ngoài các ngày lễ, Tết).',
  async run(args, context) {
    const [action = 'list', ...rest] = args;
    const app = await context.app();
    const store = app.stores.calendar;
    if (action === 'add') {
      const [day, kind, ...note] = rest;
      if (!day || !DAY.test(day) || (kind !== 'off' && kind !== 'work')) {
        throw new UsageError('Cần ngày (YYYY-MM-DD) và loại: off (nghỉ thêm) hoặc work (làm bù)');
      }
      await store.set(day, kind, note.join(' ').trim() || null, 'cli');
      context.output.out(
        `Đã ghi ${formatDate('vi', day)}: ${kind === 'off' ? 'ngày nghỉ' : 'ngày làm việc (làm bù)'}.`,
      );
      return 0;
    }
    if (action === 'remove') {
      const [day] = rest;
      if (!day || !DAY.test(day)) throw new UsageError('Cần ngày (YYYY-MM-DD)');
      const removed = await store.remove(day, 'cli');
      context.output.out(
        removed ? `Đã xóa ${formatDate('vi', day)}.` : `Không có ngày ${formatDate('vi', day)} trong lịch.`,
      );
      return removed ? 0 : 1;
    }
    if (action !== 'list') throw new UsageError(`Không hiểu "${action}"`);
    const { values } = parseArgs({ args: rest, options: { year: { type: 'string' } } });
    const adminDays = await store.list();
    if (!values.year) {
      context.output.out(
        adminDays.length === 0
          ? 'Chưa có ngày nghỉ thêm hay ngày làm bù nào (các ngày lễ, Tết lấy theo lịch nhà nước; xem --year YYYY).'
          : table(
              ['Ngày', 'Loại', 'Ghi chú'],
              adminDays.map((d) => [
                formatDate('vi', d.day),
                d.kind === 'off' ? 'nghỉ' : 'làm bù',
                d.note ?? '',
              ]),
            ),
      );
      return 0;
    }
    if (!/^\d{4}$/.test(values.year)) throw new UsageError('--year: năm gồm 4 chữ số');
    // The whole year: public holidays, the official days (with their source), the group's own days.
    const rows = yearCalendar(Number(values.year), adminDays);
    context.output.out(
      table(
        ['Ngày', 'Loại', 'Tên', 'Nguồn'],
        rows.map((r) => [formatDate('vi', r.day), r.kind === 'off' ? 'nghỉ' : 'làm bù', r.name, r.source]),
        60,
      ),
    );
    return 0;
  },
};

/**
 * `da06 schedule ics`: the giao ban of N months as one calendar file (METHOD:PUBLISH) a calendar
 * program imports, or with `--month` that meeting's invitation (METHOD:REQUEST, METHOD:CANCEL once
 * cancelled). UIDs are stable and SEQUENCE stored, so importing a newer file updates the entries.
 */
export const scheduleIcsCommand: Command = {
  path: ['schedule', 'ics'],
  usage: 'da06 schedule ics --out FILE.ics [--from YYYY-MM-DD] [--months N] | --month YYYY-MM --out FILE.ics',
  summary: 'Ghi lịch họp giao ban ra tệp iCalendar (.ics) để mở bằng Outlook, Google Calendar.',
  async run(args, context) {
    const { values } = parseArgs({
      args,
      options: {
        from: { type: 'string' },
        months: { type: 'string', default: '3' },
        month: { type: 'string' },
        out: { type: 'string' },
      },
    });
    if (!values.out) throw new UsageError('Cần --out TỆP.ics: nơi ghi lịch họp.');
    if (values.month !== undefined && !/^\d{4}-\d{2}$/.test(values.month))
      throw new UsageError('--month phải có dạng YYYY-MM');
    const months = monthsFrom(values);
    const settings = context.settings();
    const app = await context.app();
    const clock = settingsClock(settings);
    const deps = coreDeps(app, clock);
    const scheduler = createScheduler({ deps, outbox: app.stores.outbox, channels: [], clock, settings });
    const port = schedulerPort(app.stores, app.group);
    port.bind(scheduler);
    const invitationDeps = { ...deps, scheduler: port };
    const locale: Locale = isLocale(app.group.locale) ? app.group.locale : 'vi';
    mkdirSync(dirname(values.out), { recursive: true });
    if (values.month) {
      const view = await meetingInvitation(invitationDeps, locale, values.month);
      if (view.kind !== 'file') {
        context.output.err(t(locale, view.key, view.params));
        return 1;
      }
      writeFileSync(values.out, view.bytes);
      context.output.out(`Đã ghi thư mời họp ${values.month}: ${values.out}`);
      return 0;
    }
    const timeZone = app.group.timeZone;
    const from = zonedInstant(values.from ?? todayIn(timeZone, clock.now()), '00:00', timeZone);
    const { text, meetings } = await meetingCalendar(invitationDeps, from, months);
    writeFileSync(values.out, text, 'utf8');
    const cancelled = meetings.filter((m) => m.status === 'cancelled').length;
    context.output.out(
      `Đã ghi ${meetings.length} cuộc họp giao ban${cancelled > 0 ? ` (${cancelled} đã hủy)` : ''}: ${values.out}`,
    );
    return 0;
  },
};
