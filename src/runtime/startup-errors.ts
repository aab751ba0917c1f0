/**
 * Start-up failures a person can fix, as one line in their language with the real cause and the
 * way out: a database file that cannot be created, a native module built for another Node.js, Slack
 * unreachable or refusing the token. Anything else is a bug and keeps its stack trace.
 */
import { AppError } from '../domain/errors.ts';
import { type SettingsLocale, settingsText } from '../i18n/settings.ts';
import { DatabaseFileError, nativeModuleMismatch } from '../store/database-file.ts';

export function describeStartupFailure(error: unknown, locale: SettingsLocale): string | null {
  if (error instanceof AppError && error.code === 'database.unavailable') {
    const { target, attempts, reason } = (error as AppError<'database.unavailable'>).params;
    return settingsText(locale, 'database_unavailable', { target, attempts, reason });
  }
  if (error instanceof DatabaseFileError) {
    return settingsText(locale, `file.${error.problem}`, { path: error.path, code: error.systemCode });
  }
  const native = nativeModuleMismatch(error);
  if (native) return settingsText(locale, 'native_module', { module: native });
  const slack = slackFailure(error, locale);
  if (slack) return slack;
  return null;
}

/** Bolt's and the Web API client's errors at start-up: the network failed, or Slack said no. */
function slackFailure(error: unknown, locale: SettingsLocale): string | null {
  if (!(error instanceof Error)) return null;
  const { code } = error as { code?: string };
  if (code === 'slack_webapi_request_error') {
    const { original, slackApiUrl } = error as {
      original?: Error & { code?: string; cause?: { code?: string; message?: string } };
      slackApiUrl?: string;
    };
    const cause =
      original?.cause?.code ??
      original?.cause?.message ??
      original?.code ??
      original?.message ??
      error.message;
    const url = slackApiUrl ?? 'Slack Web API';
    return settingsText(locale, 'slack.unreachable', { url, cause });
  }
  if (code === 'slack_webapi_platform_error') {
    const cause = (error as { data?: { error?: string } }).data?.error ?? error.message;
    return settingsText(locale, 'slack.auth_failed', { cause });
  }
  return null;
}
