// A first-in, first-out limit on how many expensive reads run at once. Node interleaves concurrent
// requests unfairly (a request whose queries resolve as microtasks runs ahead of the others), so
// under load some requests wait many times longer than the median. Admitting a few at a time, in
// arrival order, keeps the slowest close to the median without lowering throughput: with SQLite
// every query runs on the one event loop anyway.

export class QueueFull extends Error {
  readonly code = 'NEWSROOM_QUEUE_FULL';

  constructor(readonly waiting: number) {
    super(`too many requests waiting (${waiting}); try again shortly`);
    this.name = 'QueueFull';
  }
}

/** By its code, so a QueueFull from another copy of this module (a test's import) is one too. */
export const isQueueFull = (error: unknown): error is QueueFull =>
  (error as { code?: unknown } | null)?.code === 'NEWSROOM_QUEUE_FULL';

export class FairQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new Error(`read queue: concurrency must be an integer >= 1, not ${concurrency}`);
    if (!Number.isInteger(maxWaiting) || maxWaiting < 0)
      throw new Error(`read queue: maxWaiting must be an integer >= 0, not ${maxWaiting}`);
  }

  /** Runs `work` when a slot is free, in arrival order; throws QueueFull when too many wait. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new QueueFull(this.waiting.length);
      await new Promise<void>((admit) => this.waiting.push(admit));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so a newcomer cannot overtake it.
      if (next) next();
      else this.running -= 1;
    }
  }

  get stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
