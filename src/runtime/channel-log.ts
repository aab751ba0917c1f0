/**
 * The channels write plain lines (`slack: report submission failed: …`, `slack/bolt warn: …`); here
 * each goes to the JSON logger at its real level, so LOG_LEVEL=warn still shows every failure. The
 * SDKs' own console output (botbuilder's `console.error(err)` of a refused request, jsonwebtoken's
 * key lookups) is routed through the same logger while the bot runs: JSON lines, stacks inside them.
 */
import { format } from 'node:util';
import type { Logger } from './logger.ts';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** The level a channel's line is meant at: Bolt's own tag, else failures are errors, retries warnings. */
export function levelOf(line: string): LogLevel {
  const bolt = /^slack\/bolt (error|warn|info|debug):/.exec(line);
  if (bolt) return bolt[1] as LogLevel;
  if (/\b(failed|unhandled error|could not)\b/i.test(line)) return 'error';
  if (/\b(rate limited|answered [45]\d\d|more than|retrying|trying again)\b/i.test(line)) return 'warn';
  return 'info';
}

export function channelLog(logger: Logger): (line: string) => void {
  return (line) => logger[levelOf(line)](line);
}

/**
 * Sends console.error/warn/info/log/debug to `logger` until the returned function is called. An
 * Error argument keeps its stack in the line's `err` field instead of spreading over stderr.
 */
export function routeConsole(logger: Logger): () => void {
  const saved = {
    error: console.error,
    warn: console.warn,
    info: console.info,
    log: console.log,
    debug: console.debug,
  };
  const route =
    (level: LogLevel) =>
    (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const rest = args.filter((arg) => arg !== error);
      const message = rest.length > 0 ? format(...rest) : (error?.message ?? '');
      if (error) logger[level]({ err: error, source: 'console' }, message);
      else logger[level]({ source: 'console' }, message);
    };
  console.error = route('error');
  console.warn = route('warn');
  console.info = route('info');
  console.log = route('info');
  console.debug = route('debug');
  return () => Object.assign(console, saved);
}
