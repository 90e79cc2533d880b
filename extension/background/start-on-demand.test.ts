import { expect, test } from 'vitest';
import { startOnDemand } from './start-on-demand.js';

test('concurrent callers share one start; a success is kept', async () => {
  let starts = 0;
  const service = startOnDemand(async () => ({ id: ++starts }));
  const [a, b] = await Promise.all([service(), service()]);
  expect(a).toBe(b);
  expect(await service()).toBe(a);
  expect(starts).toBe(1);
});

test('a failed start reaches every waiting caller and is retried by the next one', async () => {
  let starts = 0;
  const service = startOnDemand(async () => {
    starts++;
    if (starts === 1) throw new Error('database blocked');
    return 'running';
  });
  const first = [service(), service()];
  for (const attempt of first) await expect(attempt).rejects.toThrow('database blocked');
  expect(starts).toBe(1);
  expect(await service()).toBe('running');
  expect(await service()).toBe('running');
  expect(starts).toBe(2);
});
