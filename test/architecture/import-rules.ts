/**
 * The import rules of docs/ARCHITECTURE.md, checked on the real source by imports.test.ts. The graph is
 * read with the TypeScript compiler API: static `import` / `export … from` (type-only included),
 * `import x = require()`, dynamic `import()` and `import('…')` types.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** One import: `from` a file under `src/` (posix, relative to `src/`) to a file there or a package. */
export interface Edge {
  from: string;
  /** `src/`-relative path of a local file, or the bare package name (`@prisma/client`, `node:fs`). */
  to: string;
  local: boolean;
}

/** The module specifiers one source text imports. */
export function importsOf(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      found.push(node.moduleReference.expression.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The package a bare specifier names: `@slack/bolt/dist/x` → `@slack/bolt`, `zod/v4` → `zod`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Every import edge of the `.ts` files under `srcDir`, skipping the folders in `exclude`. */
export function readGraph(srcDir: string, exclude: string[] = ['generated']): Edge[] {
  const edges: Edge[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(srcDir, path).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!exclude.includes(rel)) walk(path);
      } else if (entry.name.endsWith('.ts')) {
        for (const specifier of importsOf(path, readFileSync(path, 'utf8'))) {
          if (specifier.startsWith('.')) {
            const target = relative(srcDir, resolve(dirname(path), specifier))
              .split(sep)
              .join('/');
            edges.push({ from: rel, to: target, local: true });
          } else {
            edges.push({ from: rel, to: packageOf(specifier), local: false });
          }
        }
      }
    }
  };
  walk(srcDir);
  return edges;
}

/** The top-level folder of a `src/`-relative path (`app/use-cases/x.ts` → `app`); files at the root → `.`. */
export function folderOf(path: string): string {
  const first = posix.normalize(path).split('/');
  return first.length > 1 ? (first[0] ?? '.') : '.';
}

/** Strongly connected components with more than one node (or a self-loop): each is a cycle. */
export function cycles(edges: Array<[string, string]>): string[][] {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) {
    if (!next.has(a)) next.set(a, []);
    if (!next.has(b)) next.set(b, []);
    next.get(a)!.push(b);
  }
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    order.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!order.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, order.get(w)!));
      }
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (next.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) found.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!order.has(v)) connect(v);
  return found;
}

/** The platform SDKs and the one channel folder each may be imported from. */
const SDKS: Array<{ matches: (pkg: string) => boolean; channel: string }> = [
  { matches: (pkg) => pkg.startsWith('@slack/'), channel: 'channels/slack' },
  {
    matches: (pkg) => pkg.startsWith('botbuilder') || pkg.startsWith('botframework-'),
    channel: 'channels/teams',
  },
];

/** Folders `app` must never import. */
const APP_MUST_NOT = ['channels', 'scheduler', 'runtime', 'cli', 'server', 'store', 'presentation'];

/**
 * The composition root: the one file outside `store` allowed to name the Prisma client's types, if any
 * ever needs to. Today none does, so the list is empty.
 */
export const PRISMA_OUTSIDE_STORE: string[] = [];

const isPrisma = (e: Edge) =>
  (!e.local && e.to.startsWith('@prisma/')) ||
  (e.local && (e.to === 'generated' || e.to.startsWith('generated/')));

const within = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/**
 * The "may import" column of docs/ARCHITECTURE.md: for each top-level folder of `src/`, the folders
 * of ours (or files, for `app/ports` and `app/views.ts`) its files may import besides their own.
 * A folder not listed here (a new one) may import nothing of ours until it is added, with the table.
 */
export const MAY_IMPORT: Record<string, string[]> = {
  domain: [],
  config: ['i18n'],
  i18n: ['domain'],
  reports: ['domain', 'i18n'],
  app: ['domain', 'i18n', 'reports'],
  presentation: ['app/views.ts', 'i18n', 'domain'],
  store: ['app/ports', 'domain', 'generated'],
  files: ['app/ports'],
  server: ['app/ports', 'domain', 'presentation'],
  scheduler: ['app', 'store', 'domain', 'i18n', 'config'],
  channels: ['app', 'presentation', 'domain', 'i18n', 'reports', 'config', 'server'],
  // The web dashboard (issue 18) is an adapter: the core's use cases and views, words; never the store.
  web: ['app', 'domain', 'presentation', 'i18n'],
  runtime: [
    'app',
    'channels',
    'scheduler',
    'store',
    'server',
    'web',
    'presentation',
    'domain',
    'i18n',
    'reports',
    'config',
    'files',
  ],
  cli: [
    'runtime',
    'app',
    'channels/terminal',
    'presentation',
    'scheduler',
    'store',
    'reports',
    'i18n',
    'domain',
    'config',
    'files',
  ],
};

/** A channel's own folder: `channels/slack/x.ts` → `channels/slack`; files at `channels/` → `channels`. */
function channelOf(path: string): string {
  const parts = path.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : 'channels';
}

function allowedByTable(e: Edge): boolean {
  const from = folderOf(e.from);
  const to = folderOf(e.to);
  if (from === to) {
    // Within channels: a channel imports itself and the shared files at `channels/`, not another channel.
    if (from !== 'channels') return true;
    const target = channelOf(e.to);
    return target === 'channels' || target === channelOf(e.from);
  }
  return (MAY_IMPORT[from] ?? []).some((allowed) => within(e.to, allowed));
}

/** Every broken rule, one line per offending edge or cycle; empty when the graph follows the rules. */
export function violations(edges: Edge[]): string[] {
  const problems: string[] = [];
  const edge = (e: Edge) => `${e.from} → ${e.to}`;
  for (const e of edges) {
    const named = problems.length;
    const from = folderOf(e.from);
    const to = e.local ? folderOf(e.to) : null;
    if (from === 'domain' && e.local && to !== 'domain')
      problems.push(`domain imports outside domain: ${edge(e)}`);
    if (from === 'domain' && !e.local && e.to.startsWith('node:'))
      problems.push(`domain imports a Node built-in (I/O): ${edge(e)}`);
    if (from === 'app' && to !== null && APP_MUST_NOT.includes(to))
      problems.push(`app imports ${to}: ${edge(e)}`);
    if (from === 'i18n' && to === 'app') problems.push(`i18n imports app: ${edge(e)}`);
    if (within(e.from, 'channels') && to === 'store') problems.push(`a channel imports store: ${edge(e)}`);
    if (from === 'scheduler' && e.local && within(e.to, 'channels'))
      problems.push(`scheduler imports a channel: ${edge(e)}`);
    if (
      from === 'presentation' &&
      to !== null &&
      !['presentation', 'i18n', 'domain'].includes(to) &&
      e.to !== 'app/views.ts'
    )
      problems.push(`presentation imports beyond views, i18n, domain: ${edge(e)}`);
    if (isPrisma(e) && from !== 'store' && from !== 'generated' && !PRISMA_OUTSIDE_STORE.includes(e.from))
      problems.push(`Prisma outside store: ${edge(e)}`);
    if (!e.local) {
      for (const sdk of SDKS) {
        if (sdk.matches(e.to) && !within(e.from, sdk.channel))
          problems.push(`platform SDK outside ${sdk.channel}: ${edge(e)}`);
      }
    }
    // Any other edge between our folders must be in the table (said once: a named rule says it better).
    if (e.local && problems.length === named && !allowedByTable(e))
      problems.push(`not in the "may import" table: ${edge(e)}`);
  }
  const local = edges.filter((e) => e.local);
  for (const cycle of cycles(local.map((e) => [e.from, e.to])))
    problems.push(`file cycle: ${cycle.join(' ↔ ')}`);
  const folderEdges = local
    .map((e): [string, string] => [folderOf(e.from), folderOf(e.to)])
    .filter(([a, b]) => a !== b);
  for (const cycle of cycles(folderEdges)) problems.push(`folder cycle: ${cycle.join(' ↔ ')}`);
  return problems;
}
