// Timing: sequential requests over one keep-alive connection (Node's fetch, undici), after a few warm-ups.
import Fastify from 'fastify';

export interface Stats {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? Number.NaN;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    mean: sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Times `call` `runs` times after `warmups` untimed calls; returns milliseconds and the last result. */
export async function timeCalls<T>(call: () => Promise<T>, warmups: number, runs: number) {
  let last: T | undefined;
  for (let i = 0; i < warmups; i++) last = await call();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await call();
    samples.push(performance.now() - start);
  }
  return { samples, last: last as T };
}

/** A GET whose whole body is read and parsed, failing on any status but 200: what a client of the API waits for. */
export async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${body.slice(0, 300)}`);
  return JSON.parse(body);
}

/** The reference route: a separate minimal Fastify instance answering `{}`, measured like the search route. */
export async function startBareFastify() {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({}));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => app.close() };
}
