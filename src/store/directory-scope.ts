/**
 * The optimistic scope of a submission (the port's `DirectoryScope`, ADR 24 addendum 3): on
 * PostgreSQL, PgDirect's cached member and task reads checked against the directory's version; on
 * SQLite, whose cache is exact (ADR 6), and inside transactions, the work as it is.
 */
import type { DirectoryScope } from '../app/ports/stores.ts';
import type { Db } from './open-database.ts';
import { pgDirectFor } from './pg-direct.ts';

export class DirectoryScopeStore implements DirectoryScope {
  constructor(private readonly db: Db) {}

  optimistic<T>(work: () => Promise<T>): Promise<T> {
    const pg = pgDirectFor(this.db);
    return pg ? pg.optimistic(work) : work();
  }
}
