import cliProgress from 'cli-progress';

/**
 * One progress bar per import step (rows written, rate, ETA) on a terminal; on anything else (CI
 * logs, pipes) one line per finished step instead of redrawn bars.
 */
export function createProgress() {
  const tty = process.stderr.isTTY;
  const multibar = tty
    ? new cliProgress.MultiBar(
        {
          format: '{step} |{bar}| {value}/{total} rows | {rate} rows/s | {duration_formatted}',
          hideCursor: true,
          clearOnComplete: false,
          stopOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const bars = new Map<string, { bar: cliProgress.SingleBar | null; began: number; total: number }>();
  let stopped = false;
  return {
    update(step: string, done: number, total: number): void {
      let entry = bars.get(step);
      if (!entry || entry.total !== total) {
        entry?.bar?.stop();
        entry = { bar: multibar?.create(total, 0, { step: step.padEnd(18), rate: 0 }) ?? null, began: performance.now(), total };
        bars.set(step, entry);
      }
      const seconds = (performance.now() - entry.began) / 1000;
      const rate = seconds > 0 ? Math.round(done / seconds) : 0;
      entry.bar?.update(done, { step: step.padEnd(18), rate });
      if (!multibar && done === total) console.log(`${step.padEnd(20)} ${String(total).padStart(7)} rows  ${seconds.toFixed(1)} s  ${rate} rows/s`);
    },
    log(line: string): void {
      if (multibar) multibar.log(`${line}\n`);
      else console.log(line);
    },
    stop(): void {
      if (stopped) return;
      stopped = true;
      multibar?.stop();
    },
  };
}
