/**
 * Every setting the bot reads, in one zod schema (read once at start-up by `loadSettings`).
 * README's "Configuration" tables and `.env.example` list the same variables (test/config checks).
 * Messages about bad values live in ./messages.ts, in Vietnamese and English.
 */
import { z } from 'zod';

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
});

const databaseUrl = z.string().regex(/^(file:|postgres(ql)?:\/\/)/i);

/**
 * A switch: `true` or `false` (in any case), exactly as the README writes them. Nothing else turns a
 * switch on: `TEAMS_ALLOW_UNAUTHENTICATED=1` or `yes` is refused rather than read as `true`.
 */
const flag = z
  .preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    z.enum(['true', 'false']),
  )
  .transform((value) => value === 'true');

export const settingsSchema = z.object({
  DATABASE_URL: databaseUrl.default('file:./data/da06.db'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  TIME_ZONE: timeZone.default('Asia/Ho_Chi_Minh'),
  DEFAULT_LOCALE: z.enum(['vi', 'en']).default('vi'),
  GROUP_NAME: z.string().min(1).max(200).default('Tổ công tác triển khai Đề án 06 của BHXH Việt Nam'),
  /** auto: load the demo plan on first run when no chat platform is configured. */
  SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  PLAN_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  // Ceilings on what a plan file may make the reader build (issue 16, src/app/plan-import/limits.ts).
  PLAN_IMPORT_MAX_ROWS: z.coerce.number().int().min(10).max(1_000_000).default(5000),
  PLAN_IMPORT_MAX_COLUMNS: z.coerce.number().int().min(5).max(16_384).default(100),
  PLAN_IMPORT_MAX_CELL_CHARS: z.coerce.number().int().min(100).max(10_000_000).default(10_000),
  PLAN_IMPORT_MAX_MERGED_CELLS: z.coerce.number().int().min(100).max(100_000_000).default(100_000),
  PLAN_IMPORT_MAX_UNZIPPED_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .max(1024 * 1024 * 1024)
    .default(64 * 1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Web dashboard (issue 18)
  /**
   * Where browsers reach the bot (https://… behind a proxy). Unset, the dashboard is served on
   * http://localhost:PORT (127.0.0.1 only) when the terminal is the only chat, and is off with Slack or Teams.
   */
  PUBLIC_URL: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//.test(value))
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  /** Minutes a sign-in link from /da06 web stays valid (it works once). */
  WEB_LINK_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  /** Hours a dashboard session lasts after the last page opened (sliding). */
  WEB_SESSION_HOURS: z.coerce.number().int().min(1).max(72).default(8),
  /** Days after a month ends during which its reports are still accepted, marked late. */
  REPORT_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(10),
  /** Start the bot's clock at this moment (ISO date or date-time), e.g. to demo the 2024 plan. */
  CLOCK_START: z
    .string()
    .refine((value) => !Number.isNaN(Date.parse(value)))
    .optional(),
  /** The terminal chat's user: a member's terminal login (default: the OS user, else the first admin or chair). */
  TERMINAL_USER: z.string().min(1).optional(),
  DB_CONNECT_RETRIES: z.coerce.number().int().min(0).max(100).default(5),
  TERMINAL: flag.optional(),

  // Outbound proxy (src/channels/outbound.ts): Slack's and the Bot Framework's calls go through it.
  /** The proxy for https:// calls, e.g. http://proxy.example.gov.vn:3128 (HTTP_PROXY when unset). */
  HTTPS_PROXY: z.string().url().optional(),
  /** The proxy for http:// calls (HTTPS_PROXY when unset). */
  HTTP_PROXY: z.string().url().optional(),
  /** Hosts reached without the proxy: comma-separated names, .domain suffixes, host:port, or *. */
  NO_PROXY: z.string().optional(),

  // Slack (src/channels/slack): set the bot token and signing secret to serve Slack.
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/)
    .optional(),
  SLACK_SIGNING_SECRET: z.string().min(8).optional(),
  /** An app-level token (xapp-…) switches Slack to Socket Mode: no public URL needed. */
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/)
    .optional(),
  /** Where the Web API client sends calls; a test or a proxy can stand in for Slack. */
  SLACK_API_URL: z.string().url().default('https://slack.com/api/'),
  /** The group's Slack channel (announcements, summaries posted by the chair). */
  SLACK_GROUP_CHANNEL: z.string().optional(),
  /**
   * Proactive messages (chat.postMessage) per second this process sends at most: reminders go out at
   * this pace instead of into 429s. Slack allows about one per second per channel and an unpublished
   * workspace-wide rate; a DM fan-out posts to a different channel each time.
   */
  SLACK_SEND_RATE: z.coerce.number().positive().max(10_000).default(5),

  // Microsoft Teams (src/channels/teams): Azure Bot registration.
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppTenantId: z.string().optional(),
  MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  /** Local development only: accept Teams requests without authentication (said loudly at start-up). */
  TEAMS_ALLOW_UNAUTHENTICATED: flag.default(false),
  /** Test seam: where the Bot Framework's OpenID metadata is read (a local JWKS server in tests). */
  TEAMS_OPENID_METADATA_URL: z.string().url().optional(),
  /** Test seam: the token endpoint the bot uses for outgoing calls. */
  TEAMS_TOKEN_ENDPOINT: z.string().url().optional(),

  // Scheduler (src/scheduler): monthly giao ban, reporting rounds, overdue nudges.
  /** The monthly meeting rule, e.g. "ngày 25 09:00" or "thứ Hai tuần đầu tiên 14:00". */
  MEETING_RULE: z.string().default('ngày 25 09:00'),
  MEETING_PLACE: z.string().optional(),
  /** Meeting reminders before the meeting: durations such as 3d,1d,1h. */
  MEETING_REMINDER_OFFSETS: z.string().default('3d,1d,1h'),
  /** Days before the meeting the reporting round opens. */
  ROUND_OPEN_DAYS_BEFORE: z.coerce.number().int().min(1).max(28).default(7),
  /** Days before the meeting non-responders are reminded. */
  ROUND_REMINDER_DAYS_BEFORE: z.string().default('3,1'),
  /** Daily overdue check, HH:MM in the group's time zone (working days only). */
  OVERDUE_CHECK_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .default('08:30'),
  /** Working days overdue before the chair and vice-chairs get an escalation. */
  ESCALATE_AFTER_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  /**
   * When overdue tasks are nudged (src/domain/nudge-ladder.ts): working-day gaps from the first
   * working day overdue, then "weekly" or "daily" repeats, or none.
   */
  NUDGE_LADDER: z.string().default('0,2,5,weekly'),
  /** How late a missed occurrence may still be sent after a restart or outage, in hours. */
  SCHEDULER_GRACE_HOURS: z.coerce.number().int().min(0).max(168).default(12),
  /** Turn the scheduler off in this process (e.g. a web-only replica). */
  SCHEDULER_ENABLED: flag.default(true),

  // Evidence files of reports (src/files): a local directory, or an S3-compatible bucket for replicas.
  /** Where evidence files are kept; default: evidence/ beside the SQLite file, else ./data/evidence. */
  EVIDENCE_DIR: z.string().min(1).optional(),
  /** An S3-compatible bucket instead of the directory (region and credentials: the AWS SDK's usual env). */
  EVIDENCE_S3_BUCKET: z.string().min(1).optional(),
  /** The S3-compatible endpoint (MinIO, Ceph…), addressed path-style; none for AWS itself. */
  EVIDENCE_S3_ENDPOINT: z.string().url().optional(),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Names whose values must never be printed, in errors or logs. */
export const SECRET_SETTINGS = new Set([
  'DATABASE_URL',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'MicrosoftAppPassword',
  'TEAMS_TOKEN_ENDPOINT',
]);
