/**
 * Every setting the bot reads, in one zod schema (read once at start-up by `loadSettings`).
 * README's "Configuration" table lists the same variables; keep them in step.
 */
import { z } from 'zod';

const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'không phải múi giờ IANA hợp lệ (ví dụ: Asia/Ho_Chi_Minh)' },
);

const databaseUrl = z
  .string()
  .regex(/^(file:|postgres(ql)?:\/\/)/i, 'phải bắt đầu bằng file: (SQLite) hoặc postgresql:// (PostgreSQL)');

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'phải là true hoặc false' })
  .transform((value) => ['true', '1', 'yes'].includes(value));

export const settingsSchema = z.object({
  DATABASE_URL: databaseUrl.default('file:./data/da06.db'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  TIME_ZONE: timeZone.default('Asia/Ho_Chi_Minh'),
  DEFAULT_LOCALE: z.enum(['vi', 'en'], { message: 'phải là vi hoặc en' }).default('vi'),
  GROUP_NAME: z.string().min(1).max(200).default('Tổ công tác triển khai Đề án 06 của BHXH Việt Nam'),
  /** auto: load the demo plan on first run when no chat platform is configured. */
  SEED_DEMO: z.enum(['auto', 'true', 'false'], { message: 'phải là auto, true hoặc false' }).default('auto'),
  PLAN_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DB_CONNECT_RETRIES: z.coerce.number().int().min(0).max(100).default(5),
  TERMINAL: flag.optional(),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Names whose values must never be printed, in errors or logs. */
export const SECRET_SETTINGS = new Set([
  'DATABASE_URL',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'MicrosoftAppPassword',
]);
