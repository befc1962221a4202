/**
 * A small bounded queue for image work. Decoding and resizing are CPU- and memory-heavy (a
 * 60-megapixel photo decodes to ~180 MB), so at most `workers` jobs run at once and at most
 * `queue` wait; beyond that a caller is told to come back later (503 + Retry-After) rather than
 * letting uploads pile up in memory and starve the public site.
 */
import { ServiceUnavailableError } from '../errors.js';
import { msg } from '../i18n/api-messages.js';

export class ImageQueue {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** The most jobs ever running at once, and how many have started: tests and metrics read them. */
  peakActive = 0;
  started = 0;

  constructor(
    readonly workers: number,
    readonly queue: number,
  ) {}

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** True when a new job would be refused: callers check before reading a large upload. */
  get full(): boolean {
    return this.active >= this.workers && this.waiting.length >= this.queue;
  }

  /** Throws the 503 a caller gets when every worker and queue place is taken. */
  assertRoom(): void {
    if (this.full) throw new ServiceUnavailableError(msg('media.busy'), 5);
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.active >= this.workers) {
      this.assertRoom();
      // The slot is handed over by the finishing job (active stays counted), so a newcomer can
      // never overtake a waiting job and the limit holds at every moment.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    this.peakActive = Math.max(this.peakActive, this.active);
    this.started++;
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
