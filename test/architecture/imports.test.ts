/**
 * The import rules of docs/ARCHITECTURE.md hold on the real source, with no exceptions; and the
 * checker itself finds each kind of broken rule on a tiny synthetic graph (so this test can fail).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, type Edge, folderOf, importsOf, packageOf, readGraph, violations } from './import-rules.ts';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

describe('the import rules of src/', () => {
  const edges = readGraph(SRC);

  it('reads the imports of every source file', () => {
    const files = new Set(edges.map((e) => e.from));
    expect(files.has('app/core.ts')).toBe(true);
    expect(files.has('runtime/bot.ts')).toBe(true);
    expect([...files].some((f) => f.startsWith('generated/'))).toBe(false);
    // A dynamic import (the channels the composition root loads when configured) is an edge too.
    expect(edges).toContainEqual({ from: 'runtime/bot.ts', to: 'channels/slack/index.ts', local: true });
  });

  it('holds: no cycle, and every folder imports only what it may', () => {
    expect(violations(edges)).toEqual([]);
  });
});

describe('the checker', () => {
  const local = (from: string, to: string): Edge => ({ from, to, local: true });
  const pkg = (from: string, to: string): Edge => ({ from, to, local: false });

  it('reads static, type-only, re-exported and dynamic imports', () => {
    const text = `
      import { a } from './a.ts';
      import type { B } from '../b.ts';
      export { c } from './c.ts';
      export * from './d.ts';
      import x = require('./e.ts');
      type F = import('./f.ts').F;
      const g = await import('./g.ts');
      import '@slack/bolt';
    `;
    expect(importsOf('x.ts', text)).toEqual([
      './a.ts',
      '../b.ts',
      './c.ts',
      './d.ts',
      './e.ts',
      './f.ts',
      './g.ts',
      '@slack/bolt',
    ]);
    expect(packageOf('@slack/bolt/dist/x')).toBe('@slack/bolt');
    expect(packageOf('zod/v4')).toBe('zod');
    expect(folderOf('app/use-cases/x.ts')).toBe('app');
  });

  it('finds cycles between files and between folders', () => {
    expect(
      cycles([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['c', 'd'],
      ]),
    ).toEqual([['a', 'b', 'c']]);
    expect(cycles([['a', 'a']])).toEqual([['a']]);
    expect(violations([local('app/core.ts', 'app/views.ts'), local('app/views.ts', 'app/core.ts')])).toEqual([
      'file cycle: app/core.ts ↔ app/views.ts',
    ]);
    expect(violations([local('i18n/a.ts', 'reports/b.ts'), local('reports/c.ts', 'i18n/d.ts')])).toEqual([
      'not in the "may import" table: i18n/a.ts → reports/b.ts',
      'folder cycle: i18n ↔ reports',
    ]);
  });

  it('lists every edge that breaks a folder rule', () => {
    const broken = [
      local('domain/a.ts', 'app/views.ts'),
      pkg('domain/b.ts', 'node:fs'),
      local('app/a.ts', 'store/plan-store.ts'),
      local('app/b.ts', 'scheduler/jobs.ts'),
      local('app/c.ts', 'channels/channel.ts'),
      local('app/d.ts', 'presentation/render.ts'),
      local('i18n/a.ts', 'app/views.ts'),
      local('channels/teams/a.ts', 'store/audit.ts'),
      local('scheduler/a.ts', 'channels/slack/send.ts'),
      local('presentation/a.ts', 'app/core.ts'),
      pkg('app/e.ts', '@prisma/client'),
      local('runtime/a.ts', 'generated/sqlite/client.ts'),
      pkg('runtime/b.ts', '@slack/bolt'),
      pkg('channels/slack/a.ts', 'botbuilder'),
      pkg('channels/terminal/a.ts', 'botframework-connector'),
    ];
    expect(violations(broken)).toEqual([
      'domain imports outside domain: domain/a.ts → app/views.ts',
      'domain imports a Node built-in (I/O): domain/b.ts → node:fs',
      'app imports store: app/a.ts → store/plan-store.ts',
      'app imports scheduler: app/b.ts → scheduler/jobs.ts',
      'app imports channels: app/c.ts → channels/channel.ts',
      'app imports presentation: app/d.ts → presentation/render.ts',
      'i18n imports app: i18n/a.ts → app/views.ts',
      'a channel imports store: channels/teams/a.ts → store/audit.ts',
      'scheduler imports a channel: scheduler/a.ts → channels/slack/send.ts',
      'presentation imports beyond views, i18n, domain: presentation/a.ts → app/core.ts',
      'Prisma outside store: app/e.ts → @prisma/client',
      'Prisma outside store: runtime/a.ts → generated/sqlite/client.ts',
      'platform SDK outside channels/slack: runtime/b.ts → @slack/bolt',
      'platform SDK outside channels/teams: channels/slack/a.ts → botbuilder',
      'platform SDK outside channels/teams: channels/terminal/a.ts → botframework-connector',
      'folder cycle: app ↔ presentation',
    ]);
  });

  it('holds every other edge between folders to the "may import" table, channels to themselves', () => {
    expect(
      violations([
        local('reports/a.ts', 'app/views.ts'),
        local('server/a.ts', 'app/core.ts'),
        local('store/a.ts', 'app/core-deps.ts'),
        local('channels/teams/a.ts', 'channels/slack/b.ts'),
        local('cli/a.ts', 'channels/slack/index.ts'),
        local('newfolder/a.ts', 'domain/b.ts'),
      ]),
    ).toEqual([
      'not in the "may import" table: reports/a.ts → app/views.ts',
      'not in the "may import" table: server/a.ts → app/core.ts',
      'not in the "may import" table: store/a.ts → app/core-deps.ts',
      'not in the "may import" table: channels/teams/a.ts → channels/slack/b.ts',
      'not in the "may import" table: cli/a.ts → channels/slack/index.ts',
      'not in the "may import" table: newfolder/a.ts → domain/b.ts',
    ]);
  });

  it('lets each folder import what it may', () => {
    const allowed = [
      local('domain/a.ts', 'domain/b.ts'),
      pkg('domain/a.ts', 'date-holidays'),
      local('app/a.ts', 'domain/b.ts'),
      local('app/a.ts', 'app/ports/stores.ts'),
      local('app/a.ts', 'i18n/index.ts'),
      local('store/a.ts', 'app/ports/stores.ts'),
      pkg('store/a.ts', '@prisma/client'),
      local('store/a.ts', 'generated/sqlite/client.ts'),
      local('scheduler/a.ts', 'app/ports/channel.ts'),
      local('scheduler/a.ts', 'store/outbox-store.ts'),
      local('channels/slack/a.ts', 'app/core.ts'),
      local('channels/slack/a.ts', 'channels/token-bucket.ts'),
      local('channels/slack/a.ts', 'server/router.ts'),
      local('cli/a.ts', 'channels/terminal/render.ts'),
      pkg('channels/slack/a.ts', '@slack/bolt'),
      pkg('channels/teams/a.ts', 'botbuilder'),
      pkg('channels/teams/a.ts', 'botframework-connector'),
      local('presentation/a.ts', 'app/views.ts'),
      local('presentation/a.ts', 'i18n/index.ts'),
      local('runtime/a.ts', 'store/stores.ts'),
      local('runtime/a.ts', 'channels/slack/index.ts'),
    ];
    expect(violations(allowed)).toEqual([]);
  });
});
