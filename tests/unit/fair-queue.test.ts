// The fair read queue: at most `concurrency` at once, admitted in arrival order, a bounded wait.
import { FairQueue, QueueFull } from '../../src/newsroom/fair-queue';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('FairQueue', () => {
  test('runs at most `concurrency` at once and admits the waiting in arrival order', async () => {
    const queue = new FairQueue(2, 10);
    const gates = Array.from({ length: 5 }, gate);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const done = gates.map((g, index) =>
      queue.run(async () => {
        started.push(index);
        running += 1;
        most = Math.max(most, running);
        await g.opened;
        running -= 1;
        return index;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1]);
    expect(queue.stats).toEqual({ running: 2, waiting: 3 });
    gates[1].open();
    await done[1];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    // A newcomer arriving now waits behind 3 and 4.
    const late = gate();
    const lateDone = queue.run(async () => {
      started.push(5);
      await late.opened;
    });
    gates[0].open();
    gates[2].open();
    gates[3].open();
    gates[4].open();
    late.open();
    await Promise.all([...done, lateDone]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(queue.stats).toEqual({ running: 0, waiting: 0 });
  });

  test('refuses with QueueFull once maxWaiting requests wait, and runs nothing for it', async () => {
    const queue = new FairQueue(1, 1);
    const hold = gate();
    const first = queue.run(() => hold.opened);
    const second = queue.run(async () => 'second');
    let ranThird = false;
    await expect(
      queue.run(async () => {
        ranThird = true;
      }),
    ).rejects.toBeInstanceOf(QueueFull);
    expect(ranThird).toBe(false);
    hold.open();
    await first;
    await expect(second).resolves.toBe('second');
  });

  test('a failing task frees its slot for the next', async () => {
    const queue = new FairQueue(1, 5);
    const failing = queue.run(async () => {
      throw new Error('boom');
    });
    const next = queue.run(async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
    expect(queue.stats).toEqual({ running: 0, waiting: 0 });
  });

  test('refuses settings that could never admit anything', () => {
    expect(() => new FairQueue(0, 10)).toThrow(/concurrency/);
    expect(() => new FairQueue(1.5, 10)).toThrow(/concurrency/);
    expect(() => new FairQueue(1, -1)).toThrow(/maxWaiting/);
  });
});
