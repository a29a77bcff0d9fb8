// Many concurrent readers of one value share its reads, but no reader gets the result of a read
// that began before it asked: a caller that arrives while a read runs joins the next read, which
// starts as soon as the running one ends. So at most two reads are outstanding however many
// callers there are, and each caller sees everything committed before it asked.

export class FreshRead<T> {
  private running?: Promise<T>;
  private queued?: Promise<T>;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.running) return this.start();
    if (!this.queued) {
      const settled = this.running.then(
        () => undefined,
        () => undefined,
      );
      this.queued = settled.then(() => {
        this.queued = undefined;
        return this.start();
      });
    }
    return this.queued;
  }

  private start(): Promise<T> {
    const reading = this.read().finally(() => {
      if (this.running === reading) this.running = undefined;
    });
    this.running = reading;
    return reading;
  }
}
