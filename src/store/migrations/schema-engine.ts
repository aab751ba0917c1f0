/**
 * Prisma's schema engine (the part of `prisma migrate` that diffs schemas and applies migrations),
 * run from its WebAssembly build over our driver adapter. The Prisma CLI's migrate needs a native
 * engine it downloads at run time, which these machines cannot do; see docs/adr/0003-migrations.md.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';

export type SchemaEngine = bindings.SchemaEngine;
export type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';

/** The little of the WebAssembly API used here (Node has it; TypeScript's "node" lib does not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, unknown>) => { exports: Record<string, unknown> };
}
const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let instantiated = false;

/** The package imports its .wasm as an ES module, which Node 20 cannot do without a flag; instantiate it here. */
function instantiateOnce(): void {
  if (instantiated) return;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@prisma/schema-engine-wasm'));
  const module = new Wasm.Module(readFileSync(join(dir, 'schema_engine_bg.wasm')));
  const instance = new Wasm.Instance(module, { './schema_engine_bg.js': bindings });
  (bindings as unknown as { __wbg_set_wasm(exports: unknown): void }).__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  instantiated = true;
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * Runs `work` with an engine over connections of its own, and closes them afterwards: `free()` does
 * not, and an open SQLite connection left behind makes the next migration fail with SQLITE_BUSY.
 */
export async function withSchemaEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schema: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  instantiateOnce();
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => remember(opened, await factory.connect()),
    connectToShadowDb: async () => remember(opened, await factory.connectToShadowDb()),
  };
  const adapter = bindMigrationAwareSqlAdapterFactory(tracked);
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => {},
    adapter,
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((connection) => connection.dispose()));
  }
}

function remember(list: SqlDriverAdapter[], connection: SqlDriverAdapter): SqlDriverAdapter {
  list.push(connection);
  return connection;
}
