/**
 * Group commit for PostgreSQL's hot write (ADR 24, addendum 4): jobs that arrive while a batch is in
 * flight wait for it and then go together, as one statement, one round trip and one commit — the
 * counterpart of SqliteDirect.write's one transaction per turn of the event loop (ADR 6). A lone job
 * goes at once: nothing waits for a timer, so an idle bot answers as fast as before, and a busy one
 * sends fewer, larger statements instead of queueing them on the pool's connections and on the
 * report rows' locks.
 *
 * Two jobs with the same key never share a batch (a request delivered twice stays two statements,
 * the second one finding the first one's claim). When a batch of several fails, each of its jobs runs
 * again alone, so an error reaches only the job that causes it.
 */

export interface GroupCommitOptions<J, R> {
  /** Runs one batch; answers one result per job, in the jobs' order. */
  run: (jobs: J[]) => Promise<R[]>;
  /** Jobs with equal keys go in different batches. */
  keyOf: (job: J) => string;
  /** Batches in flight at once (1: each batch waits for the one before it). */
  inFlight?: number;
  /** Jobs in a batch at most. */
  maxBatch?: number;
}

interface Waiting<J, R> {
  job: J;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<J, R> {
  private queue: Waiting<J, R>[] = [];
  private running = 0;
  private readonly inFlight: number;
  private readonly maxBatch: number;

  constructor(private readonly options: GroupCommitOptions<J, R>) {
    this.inFlight = options.inFlight ?? 1;
    this.maxBatch = options.maxBatch ?? 200;
  }

  /** The job's result, once the batch it went in has committed. */
  submit(job: J): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.inFlight && this.queue.length > 0) {
      const batch = this.take();
      this.running++;
      void this.send(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /** The next batch: queued jobs in order, up to maxBatch, a key's later jobs left for the next one. */
  private take(): Waiting<J, R>[] {
    const batch: Waiting<J, R>[] = [];
    const keys = new Set<string>();
    const left: Waiting<J, R>[] = [];
    for (const waiting of this.queue) {
      const key = this.options.keyOf(waiting.job);
      if (batch.length < this.maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(waiting);
      } else left.push(waiting);
    }
    this.queue = left;
    return batch;
  }

  private async send(batch: Waiting<J, R>[]): Promise<void> {
    try {
      const results = await this.options.run(batch.map((w) => w.job));
      if (results.length !== batch.length)
        throw new Error(`group commit: ${results.length} results for ${batch.length} jobs`);
      for (const [i, waiting] of batch.entries()) waiting.resolve(results[i]!);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // Which job failed is not known: each one again, alone (its own statement and commit).
      await Promise.all(batch.map((waiting) => this.send([waiting])));
    }
  }
}
