/**
 * Errors a person caused or can fix (an unknown unit, a taken account, a database that is down), as
 * a code and its parameters, never a sentence: the words are in the catalogs (`error.<code>` in
 * src/i18n/messages.*.ts) and `describeError` (src/presentation/errors.ts) writes them in the
 * reader's language at each edge, without a stack trace. Anything else thrown is a bug.
 */

/** Every code an `AppError` may carry, with the parameters its message needs. */
export interface ErrorParamsByCode {
  /** No unit has this code. */
  'unit.unknown': { unit: string };
  /** The wording already names another unit. */
  'unit.alias_taken': { alias: string; owner: string };
  /** The chat account is linked to another member. */
  'member.identity_taken': { account: string };
  /** No member has this name or id. */
  'member.not_found': { member: string };
  /** Several members match this name. */
  'member.ambiguous': { member: string };
  /** A member of the group already has this name (ignoring case and spacing); `unit` is theirs. */
  'member.duplicate_name': { member: string; unit: string };
  /** The database did not answer after every attempt. */
  'database.unavailable': { target: string; attempts: number; reason: string };
  /** `DATABASE_URL` names neither SQLite (`file:`) nor PostgreSQL. */
  'database.url_scheme': { scheme: string };
  /** The unit directory (data/units.csv) lists a code twice. */
  'unit_directory.duplicate_code': { code: string };
  /** One wording names two units of the directory. */
  'unit_directory.alias_clash': { alias: string; first: string; second: string };
  /** An admin's rename, merge, split or close breaks a rule of the directory (the reason says which). */
  'unit.change_refused': { reason: string };
  /** The directory's header lacks a column. */
  'unit_directory.missing_column': { column: string };
  /** A directory line has no code or no name. */
  'unit_directory.missing_code_or_name': { line: number };
  /** A directory line has an unknown kind. */
  'unit_directory.bad_kind': { line: number; kind: string };
  /** An evidence file over the size limit (megabytes, as words). */
  'evidence.too_large': { name: string; limitMb: number };
  /** An evidence file whose content is none of the accepted types (PDF, DOCX, XLSX, PNG, JPEG). */
  'evidence.type_refused': { name: string };
  /** An evidence file name that tries to leave its folder (`../`, a path) or says nothing. */
  'evidence.name_refused': { name: string };
  /** The evidence store did not take the file (after a retry); the report itself is kept. */
  'evidence.store_unavailable': { name: string; reason: string };
  /** The file could not be read from the chat platform or the path given. */
  'evidence.unreadable': { name: string; reason: string };
  /** No report to attach the file to (the task has none from this member's unit yet). */
  'evidence.no_report': { task: string };
  // The web dashboard (issue 18)
  /** PUBLIC_URL is not set, so no dashboard link can be made. */
  'web.not_configured': Record<string, never>;
  /** A sign-in link that was never issued or whose signature is wrong. */
  'web.link_invalid': Record<string, never>;
  /** A sign-in link opened a second time. */
  'web.link_used': Record<string, never>;
  /** A sign-in link opened after its 10 minutes. */
  'web.link_expired': Record<string, never>;
  /** The member has been deactivated: no link, no session. */
  'web.member_inactive': { member: string };
  /** A plan upload that is not CSV, XLSX or DOCX. */
  'web.upload_type': { file: string };
  /** A plan upload over PLAN_IMPORT_MAX_BYTES. */
  'web.upload_too_large': { file: string; max: number };
  /** A plan preview not confirmed within a day (or already confirmed). */
  'web.preview_expired': Record<string, never>;
}

export type ErrorCode = keyof ErrorParamsByCode;

export const ERROR_CODES: readonly ErrorCode[] = [
  'unit.unknown',
  'unit.alias_taken',
  'member.identity_taken',
  'member.not_found',
  'member.ambiguous',
  'member.duplicate_name',
  'database.unavailable',
  'database.url_scheme',
  'unit_directory.duplicate_code',
  'unit_directory.alias_clash',
  'unit.change_refused',
  'unit_directory.missing_column',
  'unit_directory.missing_code_or_name',
  'unit_directory.bad_kind',
  'evidence.too_large',
  'evidence.type_refused',
  'evidence.name_refused',
  'evidence.store_unavailable',
  'evidence.unreadable',
  'evidence.no_report',
  'web.not_configured',
  'web.link_invalid',
  'web.link_used',
  'web.link_expired',
  'web.member_inactive',
  'web.upload_type',
  'web.upload_too_large',
  'web.preview_expired',
];

/** An error a person can fix: a code from `ErrorCode` and the parameters its message needs. */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    readonly params: ErrorParamsByCode[C],
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'AppError';
  }
}

/** Whether `error` is an `AppError`, with `code` among `codes` when given. */
export function isAppError<C extends ErrorCode>(error: unknown, ...codes: C[]): error is AppError<C> {
  return error instanceof AppError && (codes.length === 0 || (codes as ErrorCode[]).includes(error.code));
}
