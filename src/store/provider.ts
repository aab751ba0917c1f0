import { AppError } from '../domain/errors.ts';

/** Which database a `DATABASE_URL` points at. SQLite is the embedded default, PostgreSQL production. */
export type Provider = 'sqlite' | 'postgresql';

export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgresql';
  if (/^file:/i.test(url)) return 'sqlite';
  throw new AppError('database.url_scheme', { scheme: url.split(':')[0] ?? '' });
}

/** The SQLite file path of a `file:` URL (relative paths are relative to the working directory). */
export function sqlitePath(url: string): string {
  return url.replace(/^file:(\/\/)?/i, '').replace(/\?.*$/, '');
}

/** A URL safe to print: the password, if any, is masked. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
