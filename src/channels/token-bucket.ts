/**
 * Client-side pacing for a platform's posting allowance: a token bucket that refills at `rate` per
 * second up to `burst`, and `take()` resolves (first come, first served) when a token is there. A
 * channel takes one token per message it posts, so a fan-out runs at the allowance instead of into
 * 429s, whose whole-second Retry-After costs far more than waiting a few milliseconds here.
 * `hold(ms)` empties the bucket for a while (the platform answered 429 anyway: another process, or
 * a tighter limit than configured).
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;
  private heldUntil = 0;
  private readonly waiting: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    /** Tokens per second. */
    readonly rate: number,
    /** Tokens the bucket holds: how many may go at once after a pause. */
    readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(rate > 0) || !(burst >= 1)) throw new Error(`token bucket: bad rate ${rate} or burst ${burst}`);
    this.tokens = burst;
    this.refilledAt = this.now();
  }

  /** Resolves when a token was taken; callers are served in order. */
  take(): Promise<void> {
    if (this.waiting.length === 0 && this.tryTake()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  /** No tokens until `ms` from now (a 429's Retry-After); the bucket then refills from empty. */
  hold(ms: number): void {
    const until = this.now() + ms;
    if (until <= this.heldUntil) return;
    this.heldUntil = until;
    this.tokens = 0;
    this.refilledAt = until;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.waiting.length > 0) this.schedule();
  }

  /** Callers waiting for a token (for tests and logs). */
  get queued(): number {
    return this.waiting.length;
  }

  private refill(): void {
    const now = this.now();
    if (now < this.heldUntil) return;
    if (now > this.refilledAt) {
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.rate);
      this.refilledAt = now;
    }
  }

  private tryTake(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private schedule(): void {
    if (this.timer) return;
    this.refill();
    const now = this.now();
    const wait = Math.max(this.heldUntil - now, ((1 - this.tokens) / this.rate) * 1000, 0);
    this.timer = setTimeout(() => {
      this.timer = null;
      while (this.waiting.length > 0 && this.tryTake()) this.waiting.shift()!();
      if (this.waiting.length > 0) this.schedule();
    }, Math.ceil(wait));
  }
}
