// Runs `prisma generate` for both providers at install time (see docs/adr/0002-two-prisma-schemas.md).
// The Prisma CLI wants a schema-engine binary path even though `generate` never runs it; it cannot
// download one on offline machines, so we hand it any existing file.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let cli;
try {
  cli = require.resolve('prisma/build/index.js');
} catch {
  console.warn('prisma-generate: the prisma package is not installed; skipping client generation.');
  process.exit(0);
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
for (const provider of ['sqlite', 'postgresql']) {
  const schema = `prisma/${provider}/schema.prisma`;
  if (!existsSync(schema)) continue;
  const result = spawnSync(process.execPath, [cli, 'generate', '--schema', schema], {
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
