import { describe, expect, it } from 'vitest';
import { formatBytes } from '../modules/imports/bytes.js';
import { createProgress, formatDuration, progressLine } from './import-progress.js';

/** A sink that records what is written, and a clock the test moves. */
function fake(tty: boolean) {
  const written: string[] = [];
  let t = 0;
  return {
    written,
    tick: (ms: number) => {
      t += ms;
    },
    sink: { tty, write: (text: string) => written.push(text) },
    now: () => t,
  };
}

describe('import progress', () => {
  it('states bytes, share, items, rate and time left, in French', () => {
    const line = progressLine({
      bytes: 512 * 1024,
      totalBytes: 2 * 1024 * 1024,
      items: 12_000,
      itemsHere: 10_000,
      elapsedMs: 4000,
    });
    expect(line).toBe(
      '512\u00a0ko / 2\u00a0Mo (25\u00a0%) · 12\u202f000 éléments · 2\u202f500 él./s · reste ~\u00a012\u00a0s',
    );
    expect(formatBytes(3.5 * 1024 ** 3)).toBe('3,5\u00a0Go');
    expect(formatDuration(3_725_000)).toBe('1\u00a0h 02\u00a0min');
    expect(formatDuration(95_000)).toBe('1\u00a0min 35\u00a0s');
  });

  it('off a terminal, writes whole lines at committed batches, at most one per interval', () => {
    const f = fake(false);
    const p = createProgress(f.sink, { totalBytes: 1000, everySeconds: 5, startItems: 100, now: f.now });
    p.bytes(100);
    expect(f.written).toEqual([]);
    f.tick(1000);
    p.items(150);
    f.tick(1000);
    p.items(200);
    f.tick(4000);
    p.bytes(600);
    p.items(250);
    p.end();
    expect(f.written).toHaveLength(2);
    expect(f.written[0]).toMatch(
      /^100\u00a0o \/ 1\u202f000\u00a0o \(10\u00a0%\) · 150 éléments · 50 él\.\/s · reste ~\u00a09\u00a0s\n$/,
    );
    // The rate counts only this process's items (a resumed run's cursor was 100).
    expect(f.written[1]).toMatch(/· 250 éléments · 25 él\.\/s · /);
  });

  it('on a terminal, redraws one line in place as bytes are read, and ends it', () => {
    const f = fake(true);
    const p = createProgress(f.sink, { totalBytes: 1000, everySeconds: 5, now: f.now });
    p.bytes(10);
    p.bytes(20);
    f.tick(150);
    p.bytes(30);
    p.end();
    expect(f.written).toHaveLength(3);
    expect(f.written[0]?.startsWith('\r10\u00a0o ')).toBe(true);
    expect(f.written[0]?.endsWith('\u001b[K')).toBe(true);
    expect(f.written[1]).toMatch(/^\r30\u00a0o /);
    expect(f.written[2]).toBe('\n');
  });
});
