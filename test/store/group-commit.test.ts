/**
 * GroupCommit (src/store/group-commit.ts): PostgreSQL's submissions that arrive while a batch is in
 * flight go together in the next one; a lone one goes at once; one key never twice in a batch; a
 * failing batch is retried job by job, so only the failing job sees the error.
 */
import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/store/group-commit.ts';

interface Job {
  id: number;
  key: string;
  fail?: boolean;
}

/** A runner whose batches finish when the test says so. */
function gate() {
  const batches: number[][] = [];
  const open: (() => void)[] = [];
  const run = (jobs: Job[]) => {
    batches.push(jobs.map((j) => j.id));
    return new Promise<string[]>((resolve, reject) => {
      open.push(() =>
        jobs.some((j) => j.fail)
          ? reject(new Error(`batch ${jobs.map((j) => j.id).join(',')} failed`))
          : resolve(jobs.map((j) => `done ${j.id}`)),
      );
    });
  };
  const release = async () => {
    const next = open.shift();
    if (!next) throw new Error('no batch in flight');
    next();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { batches, run, release, inFlight: () => open.length };
}

const job = (id: number, key = `k${id}`, fail = false): Job => ({ id, key, fail });

describe('GroupCommit', () => {
  it('sends a lone job at once, and what arrives meanwhile as the next batch, in order', async () => {
    const g = gate();
    const group = new GroupCommit<Job, string>({ run: g.run, keyOf: (j) => j.key });
    const first = group.submit(job(1));
    expect(g.batches).toEqual([[1]]);
    const rest = [2, 3, 4].map((id) => group.submit(job(id)));
    expect(g.batches).toEqual([[1]]);
    await g.release();
    expect(await first).toBe('done 1');
    expect(g.batches).toEqual([[1], [2, 3, 4]]);
    await g.release();
    expect(await Promise.all(rest)).toEqual(['done 2', 'done 3', 'done 4']);
    expect(g.inFlight()).toBe(0);
  });

  it('never puts two jobs of one key in a batch, nor more than maxBatch', async () => {
    const g = gate();
    const group = new GroupCommit<Job, string>({ run: g.run, keyOf: (j) => j.key, maxBatch: 3 });
    const all = [group.submit(job(1))];
    all.push(group.submit(job(2, 'same')), group.submit(job(3, 'same')), group.submit(job(4)));
    all.push(group.submit(job(5)), group.submit(job(6)));
    await g.release();
    expect(g.batches).toEqual([[1], [2, 4, 5]]);
    await g.release();
    expect(g.batches).toEqual([[1], [2, 4, 5], [3, 6]]);
    await g.release();
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4, 5, 6].map((id) => `done ${id}`));
  });

  it('keeps up to inFlight batches running at once', async () => {
    const g = gate();
    const group = new GroupCommit<Job, string>({ run: g.run, keyOf: (j) => j.key, inFlight: 2 });
    const all = [1, 2, 3, 4].map((id) => group.submit(job(id)));
    expect(g.batches).toEqual([[1], [2]]);
    await g.release();
    expect(g.batches).toEqual([[1], [2], [3, 4]]);
    await g.release();
    await g.release();
    expect(await Promise.all(all)).toHaveLength(4);
  });

  it('runs each job of a failed batch again alone: only the failing one is refused', async () => {
    const g = gate();
    const group = new GroupCommit<Job, string>({ run: g.run, keyOf: (j) => j.key });
    const first = group.submit(job(1));
    const rest = [group.submit(job(2)), group.submit(job(3, 'k3', true)), group.submit(job(4))];
    const settled = Promise.allSettled(rest);
    await g.release();
    await first;
    await g.release(); // the batch 2, 3, 4 fails
    expect(g.batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
    await g.release();
    await g.release();
    await g.release();
    const outcomes = await settled;
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('batch 3 failed');
  });

  it('treats an answer of the wrong length as a failure of the batch', async () => {
    let calls = 0;
    const group = new GroupCommit<Job, string>({
      keyOf: (j) => j.key,
      run: async (jobs) => {
        calls++;
        return jobs.length > 1 ? ['only one'] : [`alone ${jobs[0]!.id}`];
      },
    });
    const results = await Promise.all([1, 2, 3].map((id) => group.submit(job(id))));
    expect(results).toEqual(['alone 1', 'alone 2', 'alone 3']);
    expect(calls).toBe(4); // 1 alone, then 2 and 3 together (refused), then 2 and 3 alone
  });
});
