/**
 * The one place an error becomes what a person sees. Each edge (the CLI, Bolt's error handler, Teams'
 * `onTurnError`, the terminal chat, the HTTP server) calls `describeError` once: an `AppError` is
 * written from the catalogs in the reader's language, without a stack trace; anything else is a bug,
 * logged with its stack, and the person reads only that something went wrong inside.
 */
import { AppError } from '../domain/errors.ts';
import type { Locale } from '../domain/roles.ts';
import { type MessageParams, t } from '../i18n/index.ts';

/** A message of the catalogs: what a person sees for an error, before it is put in words. */
export interface ErrorMessage {
  key: string;
  params?: MessageParams;
  /** `true` for an `AppError` (a person can fix it), `false` for a bug. */
  expected: boolean;
}

export interface DescribeOptions {
  /** Where the stack of an unexpected error goes (never shown to the person). */
  log?: (line: string) => void;
  /** The message for an unexpected error; each channel has its own wording, `error.internal` by default. */
  internalKey?: string;
}

/** The catalog message for `error`: `error.<code>` with its parameters, or the internal-error message. */
export function errorMessage(error: unknown, options: DescribeOptions = {}): ErrorMessage {
  if (error instanceof AppError) {
    return { key: `error.${error.code}`, params: error.params as unknown as MessageParams, expected: true };
  }
  options.log?.(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return { key: options.internalKey ?? 'error.internal', expected: false };
}

/** What a person reads for `error` in `locale` (see `errorMessage`). */
export function describeError(error: unknown, locale: Locale, options: DescribeOptions = {}): string {
  const message = errorMessage(error, options);
  return t(locale, message.key, message.params);
}
