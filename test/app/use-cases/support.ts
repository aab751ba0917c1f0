/** What the use-case tests share: a report draft that passes validation, and a typed view check. */
import { expect } from 'vitest';
import type { View } from '../../../src/app/views.ts';

/** A report draft every form accepts: in progress, 40 %, with what was done. */
export const good = {
  status: 'in_progress',
  percent: '40',
  done: 'Đã xây dựng dự thảo',
  blockers: '',
  evidenceUrl: '',
};

/** Asserts the view's kind (showing the whole view when it is another) and narrows its type. */
export function expectKind<K extends View['kind']>(view: View, kind: K): Extract<View, { kind: K }> {
  expect(view.kind, JSON.stringify(view)).toBe(kind);
  return view as Extract<View, { kind: K }>;
}
