import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The longest a function, method, arrow function or constructor in `src/` may be, in lines. */
const MAX_LINES = 80;
const ROOT = join(import.meta.dirname, '..', '..');
const SOURCE = join(ROOT, 'src');
/** Generated code; the data tables (catalogs, unit lists) are object literals, not functions. */
const EXCLUDED = [join(SOURCE, 'generated')];

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (EXCLUDED.includes(path)) continue;
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts')) files.push(path);
  }
  return files;
}

function functionName(node: ts.FunctionLikeDeclaration, file: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(node)) return `${className(node) ?? '(class)'}.constructor`;
  const own = node.name?.getText(file);
  if (own) return ts.isMethodDeclaration(node) ? `${className(node) ?? '(object)'}.${own}` : own;
  const parent = node.parent;
  if (
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent)
  ) {
    return parent.name.getText(file);
  }
  return `(anonymous ${ts.SyntaxKind[node.kind]})`;
}

function className(node: ts.Node): string | undefined {
  const parent = node.parent;
  return ts.isClassLike(parent) ? parent.name?.text : undefined;
}

/** Every function-like declaration with a body longer than `max` lines, as `file:line name (n lines)`. */
function longFunctions(files: string[], max: number): string[] {
  const found: string[] = [];
  for (const path of files) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
        const last = file.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = last - first + 1;
        if (lines > max) {
          const name = functionName(node as ts.FunctionLikeDeclaration, file);
          found.push(`${relative(ROOT, path)}:${first + 1} ${name} (${lines} lines)`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

describe('function length', () => {
  it(`names every kind of function longer than ${MAX_LINES} lines, and only those`, () => {
    const fixture = join(ROOT, 'test', 'architecture', 'fixtures', 'long-function.ts.txt');
    expect(longFunctions([fixture], MAX_LINES)).toEqual([
      'test/architecture/fixtures/long-function.ts.txt:1 tooLong (82 lines)',
      'test/architecture/fixtures/long-function.ts.txt:165 arrow (82 lines)',
      'test/architecture/fixtures/long-function.ts.txt:249 Holder.constructor (82 lines)',
      'test/architecture/fixtures/long-function.ts.txt:332 Holder.method (82 lines)',
    ]);
  });

  it(`no function in src/ is longer than ${MAX_LINES} lines`, () => {
    expect(longFunctions(sourceFiles(SOURCE), MAX_LINES)).toEqual([]);
  });
});
