/**
 * Prometheus metrics served at /metrics. One registry per bot process; counters are incremented by
 * the parts that do the work (outbox sender, HTTP server, report use case), gauges that need the
 * database are collected when Prometheus scrapes.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();

  constructor() {
    // Node's process metrics (memory, CPU, event-loop lag, GC, handles), read at scrape time.
    collectDefaultMetrics({ register: this.registry });
  }

  readonly messagesSent = new Counter({
    name: 'da06_messages_sent_total',
    help: 'Messages delivered, per channel',
    labelNames: ['channel'],
    registers: [this.registry],
  });

  readonly messagesFailed = new Counter({
    name: 'da06_messages_failed_total',
    help: 'Message deliveries that failed, per channel and reason code',
    labelNames: ['channel', 'code'],
    registers: [this.registry],
  });

  readonly reportSubmissions = new Counter({
    name: 'da06_report_submissions_total',
    help: 'Status reports stored (first submissions and edits)',
    labelNames: ['platform'],
    registers: [this.registry],
  });

  readonly requestDuration = new Histogram({
    name: 'da06_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly schedulerLag = new Gauge({
    name: 'da06_scheduler_lag_seconds',
    help: 'How late the last scheduler tick ran compared with its due time',
    registers: [this.registry],
  });

  /** Outbox depth and age, read from the database at scrape time. */
  watchOutbox(read: () => Promise<{ pending: number; failed: number; oldestPendingSeconds: number }>): void {
    const depth = new Gauge({
      name: 'da06_outbox_messages',
      help: 'Outbox rows by status',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        const state = await read();
        this.set({ status: 'pending' }, state.pending);
        this.set({ status: 'failed' }, state.failed);
      },
    });
    const age = new Gauge({
      name: 'da06_outbox_oldest_pending_seconds',
      help: 'Age of the oldest pending outbox row',
      registers: [this.registry],
      async collect() {
        this.set((await read()).oldestPendingSeconds);
      },
    });
    void depth;
    void age;
  }
}
