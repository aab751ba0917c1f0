/**
 * `da06 outbox`: what the scheduler decided to send and what became of it, for admins: pending
 * (with the next attempt and the last error), sent, failed (with the reason).
 */
import { parseArgs } from 'node:util';
import { formatDateTime } from '../../i18n/index.ts';
import type { OutboxStatus } from '../../store/outbox-store.ts';
import { type Command, UsageError } from '../context.ts';
import { table } from '../output.ts';

const STATUSES: OutboxStatus[] = ['pending', 'claimed', 'sent', 'failed'];

export const outboxCommand: Command = {
  path: ['outbox'],
  usage: 'da06 outbox [--status pending|claimed|sent|failed] [--limit N] [--json] [--payload]',
  summary: 'Xem hàng đợi tin nhắn của bộ lập lịch: chờ gửi, đã gửi, lỗi (kèm lý do).',
  async run(args, context) {
    const { values } = parseArgs({
      args,
      options: {
        status: { type: 'string' },
        limit: { type: 'string', default: '50' },
        json: { type: 'boolean', default: false },
        payload: { type: 'boolean', default: false },
      },
    });
    const status = values.status as OutboxStatus | undefined;
    if (status !== undefined && !STATUSES.includes(status)) {
      throw new UsageError(`--status phải là một trong: ${STATUSES.join(', ')}`);
    }
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
      throw new UsageError('--limit phải là số nguyên từ 1 đến 10000');
    const app = await context.app();
    const store = app.stores.outbox;
    const rows = await store.list({ status, limit });
    if (values.json) {
      context.output.out(
        JSON.stringify(
          rows.map((row) => ({
            id: row.id,
            kind: row.kind,
            occurrence: row.occurrence,
            recipient: row.recipient,
            channel: row.channel,
            status: row.status,
            attempts: row.attempts,
            notBefore: row.notBefore.toISOString(),
            sentAt: row.sentAt?.toISOString() ?? null,
            claimedBy: row.claimedBy,
            lastError: row.lastError,
            ...(values.payload ? { payload: JSON.parse(row.payload) as unknown } : {}),
          })),
          null,
          2,
        ),
      );
      return 0;
    }
    const counts = await store.counts();
    const timeZone = app.group.timeZone;
    context.output.out(
      [
        `Chờ gửi: ${counts.pending ?? 0} · đang gửi: ${counts.claimed ?? 0} · đã gửi: ${counts.sent ?? 0} · lỗi: ${counts.failed ?? 0}`,
        '',
        rows.length === 0
          ? 'Không có tin nhắn nào.'
          : table(
              ['#', 'Loại', 'Lần', 'Người nhận', 'Trạng thái', 'Thử', 'Thời điểm', 'Lỗi gần nhất'],
              rows.map((row) => [
                String(row.id),
                row.kind,
                row.occurrence,
                row.recipient,
                row.status,
                String(row.attempts),
                formatDateTime('vi', row.sentAt ?? row.notBefore, timeZone),
                row.lastError ?? '',
              ]),
              48,
            ),
      ].join('\n'),
    );
    return 0;
  },
};
