import { describe, expect, it } from 'vitest';
import { bounded, maxRenders, maxWaitingRenders, rendersRunning } from './files.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('render limit', () => {
  it('never runs more renders than the limit, even when a request comes in while a slot is handed over', async () => {
    let live = 0;
    let peak = 0;
    const gates: (() => void)[] = [];
    const job = () =>
      bounded(async () => {
        live++;
        peak = Math.max(peak, live);
        await new Promise<void>((resolve) => gates.push(resolve));
        live--;
      });
    const jobs = Array.from({ length: maxRenders + 1 }, job);
    await tick();
    expect(live).toBe(maxRenders);
    gates.shift()?.();
    // New requests at every microtask while the first render ends and hands its slot to the waiter.
    for (let i = 0; i < 5; i++) {
      await Promise.resolve();
      jobs.push(job());
    }
    while (jobs.length > 0 && (gates.length > 0 || live > 0)) {
      await tick();
      gates.shift()?.();
    }
    await Promise.all(jobs);
    expect(peak).toBe(maxRenders);
    expect(rendersRunning()).toBe(0);
  });

  it('answers « unavailable » (503) at once when the queue is full, and takes requests again afterwards', async () => {
    const gates: (() => void)[] = [];
    const job = () => bounded(() => new Promise<void>((resolve) => gates.push(resolve)));
    const jobs = Array.from({ length: maxRenders + maxWaitingRenders }, job);
    await expect(job()).rejects.toMatchObject({ kind: 'unavailable' });
    while (gates.length > 0 || rendersRunning() > 0) {
      gates.shift()?.();
      await tick();
    }
    await Promise.all(jobs);
    await expect(bounded(async () => 'ok')).resolves.toBe('ok');
    expect(rendersRunning()).toBe(0);
  });
});
