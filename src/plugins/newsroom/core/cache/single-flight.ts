// Concurrent misses of one key render once: the first caller leads, the others wait for its
// result. A leader that fails (or whose result may not be shared) leaves each follower to render
// for itself, so one client's error or 503 never reaches another.

export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T | undefined>>();

  /**
   * Runs `render` for the first caller of `key`; later callers during that run get its result
   * when `shareable(result)` holds, else run `render` themselves.
   */
  async run(key: string, render: () => Promise<T>, shareable: (result: T) => boolean): Promise<T> {
    const leading = this.inFlight.get(key);
    if (leading) {
      const shared = await leading;
      if (shared !== undefined) return shared;
      return render();
    }
    let settle!: (value: T | undefined) => void;
    this.inFlight.set(key, new Promise((resolve) => (settle = resolve)));
    try {
      const result = await render();
      settle(shareable(result) ? result : undefined);
      return result;
    } catch (error) {
      settle(undefined);
      throw error;
    } finally {
      this.inFlight.delete(key);
    }
  }

  get size(): number {
    return this.inFlight.size;
  }
}
