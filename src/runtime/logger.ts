/**
 * Structured JSON logs (pino). Tokens, secrets, passwords and platform signing headers are redacted
 * wherever they appear in a logged object, so a debug dump of a request cannot leak them.
 */
import { type Logger, pino } from 'pino';

export const REDACTED_PATHS = [
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.password',
  '*.secret',
  '*.authorization',
  '*.DATABASE_URL',
  '*.SLACK_BOT_TOKEN',
  '*.SLACK_SIGNING_SECRET',
  '*.SLACK_APP_TOKEN',
  '*.MicrosoftAppPassword',
  'headers.authorization',
  'headers["x-slack-signature"]',
  'headers["x-slack-request-timestamp"]',
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
  'request.headers.authorization',
  'request.headers["x-slack-signature"]',
];

export type { Logger };

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'da06-bot' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination(2),
  );
}
