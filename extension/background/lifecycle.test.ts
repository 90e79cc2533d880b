import { expect, test } from 'vitest';
import { startNow, startOnDemand, type Service } from './lifecycle.js';

/** A start that fails while `failing` is true, counting its attempts. */
class FlakyStart<T> {
  failing = true;
  attempts = 0;
  constructor(private readonly value: () => T) {}
  readonly start = async (): Promise<T> => {
    this.attempts++;
    await Promise.resolve(); // a real start awaits storage
    if (this.failing) throw new Error('database blocked');
    return this.value();
  };
}

test('concurrent callers share one start; a success is kept', async () => {
  let starts = 0;
  const service = startOnDemand(async () => ({ id: ++starts }));
  const [a, b] = await Promise.all([service(), service()]);
  expect(a).toBe(b);
  expect(await service()).toBe(a);
  expect(starts).toBe(1);
});

test('a failed start reaches every waiting caller and is retried by the next one', async () => {
  const flaky = new FlakyStart(() => 'running');
  const service = startOnDemand(flaky.start);
  const first = [service(), service()];
  for (const attempt of first) await expect(attempt).rejects.toThrow('database blocked');
  expect(flaky.attempts).toBe(1);
  flaky.failing = false;
  expect(await service()).toBe('running');
  expect(await service()).toBe('running');
  expect(flaky.attempts).toBe(2);
});

test('a dependent service starts once its dependency, which failed first, has started', async () => {
  const chain = new FlakyStart(() => ({ name: 'chain' }));
  const chainService = startOnDemand(chain.start);
  let built = 0;
  const dependent = (dependency: Service<{ name: string }>) => startOnDemand(async () => ({ on: await dependency(), id: ++built }));
  const wallet = dependent(chainService);
  const names = dependent(chainService);
  await expect(wallet()).rejects.toThrow('database blocked');
  await expect(names()).rejects.toThrow('database blocked');
  expect(built).toBe(0);
  chain.failing = false;
  const [w1, w2, n] = await Promise.all([wallet(), wallet(), names()]);
  expect(w1).toBe(w2);
  expect(w1.on).toBe(n.on); // one chain service under both
  expect(await wallet()).toBe(w1);
  expect(chain.attempts).toBe(3);
  expect(built).toBe(2);
});

test('startNow starts at once; a failure is left for the next caller to retry', async () => {
  const flaky = new FlakyStart(() => 'running');
  const service = startNow('test', startOnDemand(flaky.start));
  expect(flaky.attempts).toBe(1);
  await new Promise((r) => setTimeout(r, 0));
  flaky.failing = false;
  expect(await service()).toBe('running');
  expect(flaky.attempts).toBe(2);
});
