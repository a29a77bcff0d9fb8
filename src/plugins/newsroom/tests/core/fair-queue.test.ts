// The fair read queue: at most `concurrency` at once, each client in arrival order and the clients
// in turn, a bounded wait for each client and for all.
import { FairQueue, QueueFull } from '#core/fair-queue';

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

  test('two clients waiting take turns: 100 of one and 1 of another alternate, each in its own order', async () => {
    const queue = new FairQueue(1, 200, 200);
    const hold = gate();
    const started: string[] = [];
    const holding = queue.run('flooder', () => hold.opened);
    const work = (name: string) => async () => {
      started.push(name);
    };
    const flood = Array.from({ length: 100 }, (_, index) => queue.run('flooder', work(`f${index}`)));
    const other = [queue.run('other', work('o0'))];
    expect(queue.stats).toEqual({ running: 1, waiting: 101 });
    expect(queue.waitingFor('flooder')).toBe(100);
    hold.open();
    await holding;
    await other[0];
    expect(started.slice(0, 2)).toEqual(['f0', 'o0']);
    // The other client's next read, sent once the last is answered, waits for one flooder read, not 98.
    const startedBefore = started.length;
    other.push(queue.run('other', work('o1')));
    await Promise.all([...flood, ...other]);
    expect(started.indexOf('o1') - startedBefore).toBeLessThanOrEqual(1);
    expect(started.filter((name) => name.startsWith('f'))).toEqual(flood.map((_, index) => `f${index}`));
    expect(queue.stats).toEqual({ running: 0, waiting: 0 });
  });

  test('round robin over three clients with work waiting', async () => {
    const queue = new FairQueue(1, 20, 5);
    const hold = gate();
    const started: string[] = [];
    const holding = queue.run('a', () => hold.opened);
    const runs = ['a1', 'a2', 'a3', 'b1', 'b2', 'c1'].map((name) =>
      queue.run(name[0], async () => {
        started.push(name);
      }),
    );
    hold.open();
    await Promise.all([holding, ...runs]);
    expect(started).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
  });

  test('a flooding client gets QueueFull beyond its share while another client still gets in', async () => {
    const queue = new FairQueue(1, 10, 3);
    const hold = gate();
    const holding = queue.run('flooder', () => hold.opened);
    const admitted = Array.from({ length: 3 }, () => queue.run('flooder', async () => 'flood'));
    let ranRefused = false;
    const refused = queue.run('flooder', async () => {
      ranRefused = true;
    });
    // Refused at once, not queued: a queued request would still be pending after this turn.
    const outcome = await Promise.race([
      refused.then(
        () => 'served',
        (error: unknown) => error,
      ),
      new Promise((resolve) => setImmediate(() => resolve('still waiting'))),
    ]);
    expect(outcome).toBeInstanceOf(QueueFull);
    expect(outcome).toMatchObject({ scope: 'client', waiting: 3 });
    expect((outcome as Error).message).toMatch(/your requests/);
    const victim = queue.run('victim', async () => 'victim');
    expect(queue.stats).toEqual({ running: 1, waiting: 4 });
    expect(queue.waitingFor('victim')).toBe(1);
    hold.open();
    await holding;
    await expect(victim).resolves.toBe('victim');
    await expect(Promise.all(admitted)).resolves.toEqual(['flood', 'flood', 'flood']);
    expect(ranRefused).toBe(false);
  });

  test('the total bound still holds across clients', async () => {
    const queue = new FairQueue(1, 2, 2);
    const hold = gate();
    const holding = queue.run('a', () => hold.opened);
    const waiting = [queue.run('a', async () => 'a'), queue.run('b', async () => 'b')];
    const refused = queue.run('c', async () => 'c');
    await expect(refused).rejects.toBeInstanceOf(QueueFull);
    await expect(refused).rejects.toMatchObject({ scope: 'all', waiting: 2 });
    hold.open();
    await holding;
    await expect(Promise.all(waiting)).resolves.toEqual(['a', 'b']);
  });

  test('the per-client share defaults to a quarter of maxWaiting, at least 4', () => {
    expect(new FairQueue(1, 1000).maxWaitingPerClient).toBe(250);
    expect(new FairQueue(1, 30).maxWaitingPerClient).toBe(8);
    expect(new FairQueue(1, 10).maxWaitingPerClient).toBe(4);
    expect(new FairQueue(1, 0).maxWaitingPerClient).toBe(4);
  });

  test('refuses a per-client share that is not a whole number of requests, naming the setting', () => {
    expect(() => new FairQueue(1, 10, -1)).toThrow(/maxWaitingPerClient must be an integer >= 0, not -1/);
    expect(() => new FairQueue(1, 10, 2.5)).toThrow(/maxWaitingPerClient/);
    expect(() => new FairQueue(1, 10, Number.NaN)).toThrow(/maxWaitingPerClient/);
    expect(() => new FairQueue(1, 10, '4' as unknown as number)).toThrow(/maxWaitingPerClient/);
  });
});
