// The import's progress line: bytes read of the total (the readers' onBytes), items committed (runImport's
// onProgress), their rate and the time left. Redrawn in place on a terminal; elsewhere (a log, a pipe) one line every
// few seconds, so that a cron job's log stays readable.

import { formatBytes } from '../modules/imports/bytes.js';

export interface ProgressSink {
  /** A terminal: the line is redrawn in place. */
  tty: boolean;
  write(text: string): void;
}

/** Standard error, as the CLI's default. */
export const stderrSink = (): ProgressSink => ({
  tty: Boolean(process.stderr.isTTY),
  write: (text) => process.stderr.write(text),
});

const count = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

export const formatCount = (n: number) => count.format(n);

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (ms < 10_000) return `${decimal.format(ms / 1000)}\u00a0s`;
  if (s < 60) return `${s}\u00a0s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}\u00a0min ${String(s % 60).padStart(2, '0')}\u00a0s`;
  return `${Math.floor(m / 60)}\u00a0h ${String(m % 60).padStart(2, '0')}\u00a0min`;
}

export interface ProgressState {
  bytes: number;
  totalBytes: number;
  items: number;
  /** Items committed by this process (a resumed run's earlier ones excluded from the rate). */
  itemsHere: number;
  elapsedMs: number;
}

/** « 12,3 Mo / 45,6 Mo (27 %) · 1 234 éléments · 850 él./s · reste ~ 38 s » */
export function progressLine(p: ProgressState): string {
  const share = p.totalBytes > 0 ? Math.min(100, Math.floor((p.bytes / p.totalBytes) * 100)) : 100;
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.itemsHere / seconds : 0;
  const byteRate = seconds > 0 ? p.bytes / seconds : 0;
  const eta = byteRate > 0 && p.bytes > 0 ? ((p.totalBytes - p.bytes) / byteRate) * 1000 : null;
  return [
    `${formatBytes(p.bytes)} / ${formatBytes(p.totalBytes)} (${share}\u00a0%)`,
    `${formatCount(p.items)} éléments`,
    `${formatCount(rate)} él./s`,
    `reste ~\u00a0${eta === null ? '?' : formatDuration(eta)}`,
  ].join(' · ');
}

export interface Progress {
  bytes(n: number): void;
  items(done: number): void;
  /** Ends the line drawn in place (before the summary or an error). */
  end(): void;
}

export function createProgress(
  sink: ProgressSink,
  /** startItems: a resumed run's cursor, left out of the rate. */
  options: { totalBytes: number; everySeconds: number; startItems?: number; now?: () => number },
): Progress {
  const now = options.now ?? Date.now;
  const start = now();
  // Redrawing a terminal more than ten times a second is only noise.
  const interval = sink.tty ? 100 : options.everySeconds * 1000;
  const startItems = options.startItems ?? 0;
  let state: ProgressState = {
    bytes: 0,
    totalBytes: options.totalBytes,
    items: startItems,
    itemsHere: 0,
    elapsedMs: 0,
  };
  let shown = Number.NEGATIVE_INFINITY;
  let drawn = false;
  const draw = (force: boolean) => {
    const t = now();
    if (!force && t - shown < interval) return;
    shown = t;
    state = { ...state, elapsedMs: t - start };
    const line = progressLine(state);
    if (sink.tty) {
      sink.write(`\r${line}\x1b[K`);
      drawn = true;
    } else sink.write(`${line}\n`);
  };
  return {
    bytes(n) {
      state.bytes = n;
      // Off a terminal, a line is written when a batch is committed, so that it states committed items.
      if (sink.tty) draw(false);
    },
    items(done) {
      state.items = done;
      state.itemsHere = done - startItems;
      draw(false);
    },
    end() {
      if (drawn) sink.write('\n');
      drawn = false;
    },
  };
}
