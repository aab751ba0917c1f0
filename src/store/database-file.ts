/**
 * Makes sure a SQLite file can be created before the schema engine tries: Node's recursive mkdir
 * spins forever where a parent refuses a child (`/proc`), and the engine reports a refused file as
 * "External error id#0" after every retry. Here the directory is created one level at a time and the
 * file opened once for writing, so permission denied, a read-only file system or a full disk is said
 * at once, by name.
 */
import { closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type DatabaseFileProblem =
  | 'permission'
  | 'read_only'
  | 'cannot_create_dir'
  | 'not_a_directory'
  | 'no_space'
  | 'other';

export class DatabaseFileError extends Error {
  constructor(
    readonly problem: DatabaseFileProblem,
    readonly path: string,
    readonly systemCode: string,
  ) {
    // The words are the edge's (describeStartupFailure, in the reader's language); this is for logs.
    super(`database file ${path}: ${problem} (${systemCode})`);
    this.name = 'DatabaseFileError';
  }
}

/** Creates the directories of `path` and the file itself (empty), or throws a DatabaseFileError. */
export function prepareSqliteFile(path: string): void {
  if (path === ':memory:' || path === '') return;
  const file = resolve(path);
  ensureDirectory(dirname(file));
  try {
    closeSync(openSync(file, 'a'));
  } catch (error) {
    throw fileError(error, file, 'other');
  }
}

function ensureDirectory(directory: string): void {
  const missing: string[] = [];
  let current = directory;
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (existsSync(current) && !statSync(current).isDirectory()) {
    throw new DatabaseFileError('not_a_directory', current, 'ENOTDIR');
  }
  for (const path of missing) {
    try {
      mkdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw fileError(error, path, 'cannot_create_dir');
    }
  }
}

function fileError(error: unknown, path: string, fallback: DatabaseFileProblem): DatabaseFileError {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  const problem: DatabaseFileProblem =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission'
      : code === 'EROFS'
        ? 'read_only'
        : code === 'ENOSPC'
          ? 'no_space'
          : code === 'ENOTDIR'
            ? 'not_a_directory'
            : fallback;
  return new DatabaseFileError(problem, path, code);
}

/**
 * The package whose native build does not load in this Node.js, if that is what `error` says: Node's
 * "compiled against a different Node.js version (NODE_MODULE_VERSION …)" on the first try, "Module
 * did not self-register" when the file was tried before. `npm rebuild PACKAGE` fixes both.
 */
export function nativeModuleMismatch(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const dlopen = (error as NodeJS.ErrnoException).code === 'ERR_DLOPEN_FAILED';
  if (!dlopen && !/NODE_MODULE_VERSION|did not self-register/.test(error.message)) return null;
  const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/][^'"]*\.node\b/.exec(error.message);
  return match?.[1]?.replace(/\\/g, '/') ?? null;
}
