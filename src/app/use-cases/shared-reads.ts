/**
 * One page's reads made once: the dashboard's overview asks the same questions of the stores from
 * several use cases (the summary, its deadline buckets, twelve months of the heat map): the plan's
 * tasks, the unit history (once per month rolled up), the first `done` months, the first plan year.
 * `sharingReads(deps)` answers each distinct call once for the lifetime of the returned deps —
 * one request — and forwards everything else. Nothing outlives the request, so nothing can be stale
 * after another replica's write (issue 20's rule holds for the dashboard too).
 *
 * The answers are shared between the callers: they are read, never changed (as `summarize` already
 * shared the task list between the summary and its buckets).
 */
import type { CoreDeps } from '../core-deps.ts';

const SHARING = Symbol('sharingReads');

/** The reads worth sharing: asked by several use cases of one page with the same arguments. */
const SHARED = {
  plans: ['listTasks', 'firstYear'],
  units: ['history'],
  reports: ['doneBefore'],
} as const satisfies { [K in keyof CoreDeps]?: readonly string[] };

export function sharingReads(deps: CoreDeps): CoreDeps {
  if ((deps as { [SHARING]?: true })[SHARING]) return deps;
  const shared = { ...deps, [SHARING]: true } as CoreDeps;
  for (const [store, methods] of Object.entries(SHARED) as [keyof typeof SHARED, readonly string[]][]) {
    shared[store] = onceEach(deps[store], methods) as never;
  }
  return shared;
}

/** `store` with `methods` answering each distinct argument list once (by its JSON). */
function onceEach<T extends object>(store: T, methods: readonly string[]): T {
  const wrapped = Object.create(store) as T;
  for (const name of methods) {
    const method = (store as Record<string, (...args: unknown[]) => Promise<unknown>>)[name]!;
    const answers = new Map<string, Promise<unknown>>();
    Object.defineProperty(wrapped, name, {
      value: (...args: unknown[]) => {
        const key = JSON.stringify(args);
        let answer = answers.get(key);
        if (!answer) {
          answer = method.apply(store, args);
          answers.set(key, answer);
          // A failed read is not kept: the next caller asks again.
          answer.catch(() => answers.delete(key));
        }
        return answer;
      },
    });
  }
  return wrapped;
}
