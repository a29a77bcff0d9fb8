// A limit on how many expensive reads run at once, fair between clients. Node interleaves
// concurrent requests unfairly (a request whose queries resolve as microtasks runs ahead of the
// others), so under load some requests wait many times longer than the median. Admitting a few at
// a time keeps the slowest close to the median without lowering throughput: with SQLite every
// query runs on the one event loop anyway. Each client waits in its own line and the lines take
// turns, so one client sending many requests delays the others by one turn, not by all of its own.

export class QueueFull extends Error {
  readonly code = 'NEWSROOM_QUEUE_FULL';

  /** `waiting`: how many wait in the line that is full (the client's own, or everyone's). */
  constructor(
    readonly waiting: number,
    readonly scope: 'client' | 'all' = 'all',
  ) {
    super(
      scope === 'client'
        ? `too many of your requests are waiting (${waiting}); wait for their answers before sending more`
        : `too many requests waiting (${waiting}); try again shortly`,
    );
    this.name = 'QueueFull';
  }
}

/** By its code, so a QueueFull from another copy of this module (a test's import) is one too. */
export const isQueueFull = (error: unknown): error is QueueFull =>
  (error as { code?: unknown } | null)?.code === 'NEWSROOM_QUEUE_FULL';

// The line of `run(work)` without a client: work no client asked for (a test's, a job's) shares it
// and is bounded by maxWaiting only; a symbol, so no client's key can be it.
const UNATTRIBUTED: unique symbol = Symbol('unattributed');
type LineKey = string | typeof UNATTRIBUTED;

// A quarter of the queue: four clients must flood at once to fill it for everyone, while one
// address shared by many readers (an office, a proxy) keeps room; at least 4 for small queues.
export const defaultMaxWaitingPerClient = (maxWaiting: number): number => Math.max(4, Math.ceil(maxWaiting / 4));

export class FairQueue {
  private running = 0;
  private waitingCount = 0;
  // Each waiting client's line, in turn order: the next admitted is the first line's first request.
  private readonly lines = new Map<LineKey, Array<() => void>>();
  readonly maxWaitingPerClient: number;

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
    maxWaitingPerClient: number = defaultMaxWaitingPerClient(maxWaiting),
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new Error(`read queue: concurrency must be an integer >= 1, not ${concurrency}`);
    if (!Number.isInteger(maxWaiting) || maxWaiting < 0)
      throw new Error(`read queue: maxWaiting must be an integer >= 0, not ${maxWaiting}`);
    if (!Number.isInteger(maxWaitingPerClient) || maxWaitingPerClient < 0)
      throw new Error(`read queue: maxWaitingPerClient must be an integer >= 0, not ${maxWaitingPerClient}`);
    this.maxWaitingPerClient = maxWaitingPerClient;
  }

  /**
   * Runs `work` when a slot is free: each client's requests in arrival order, the clients in turn.
   * Throws QueueFull when this client, or everyone together, has too many waiting. Without a
   * client key the work waits in one shared line that only maxWaiting bounds.
   */
  run<T>(work: () => Promise<T>): Promise<T>;
  run<T>(clientKey: string, work: () => Promise<T>): Promise<T>;
  async run<T>(clientKeyOrWork: string | (() => Promise<T>), maybeWork?: () => Promise<T>): Promise<T> {
    const [clientKey, work]: [LineKey, () => Promise<T>] =
      typeof clientKeyOrWork === 'function' ? [UNATTRIBUTED, clientKeyOrWork] : [clientKeyOrWork, maybeWork!];
    if (this.running >= this.concurrency) {
      const line = this.lines.get(clientKey);
      const own = line?.length ?? 0;
      if (clientKey !== UNATTRIBUTED && own >= this.maxWaitingPerClient) throw new QueueFull(own, 'client');
      if (this.waitingCount >= this.maxWaiting) throw new QueueFull(this.waitingCount);
      await new Promise<void>((admit) => {
        if (line) line.push(admit);
        else this.lines.set(clientKey, [admit]);
        this.waitingCount += 1;
      });
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in turn, so a newcomer cannot overtake it.
      const next = this.takeNextInTurn();
      if (next) next();
      else this.running -= 1;
    }
  }

  // The first line's first request; a line with more waiting goes to the back of the turn order.
  private takeNextInTurn(): (() => void) | undefined {
    const first = this.lines.entries().next();
    if (first.done) return undefined;
    const [clientKey, line] = first.value;
    const next = line.shift()!;
    this.lines.delete(clientKey);
    if (line.length > 0) this.lines.set(clientKey, line);
    this.waitingCount -= 1;
    return next;
  }

  get stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waitingCount };
  }

  /** How many of this client's requests wait for a turn. */
  waitingFor(clientKey: string): number {
    return this.lines.get(clientKey)?.length ?? 0;
  }
}
