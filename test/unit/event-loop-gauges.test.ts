import { describe, expect, it } from 'vitest';
import { createMetrics, watchEventLoop } from '../../src/observability/metrics';

const gauge = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('event-loop gauges (issue 13)', () => {
  it('report a block in both gauges, and the recent one forgets it after the scrape that reported it', async () => {
    const metrics = createMetrics();
    const watch = watchEventLoop(metrics);
    try {
      await pause(50);
      const busyUntil = performance.now() + 250;
      while (performance.now() < busyUntil) {
        // block the event loop for 250 ms
      }
      await pause(50);
      const first = await metrics.registry.metrics();
      expect(gauge(first, 'codeset_event_loop_delay_recent_max_seconds')).toBeGreaterThanOrEqual(0.2);
      expect(gauge(first, 'codeset_event_loop_delay_max_seconds')).toBeGreaterThanOrEqual(0.2);
      await pause(50);
      const second = await metrics.registry.metrics();
      expect(gauge(second, 'codeset_event_loop_delay_recent_max_seconds')).toBeLessThan(gauge(first, 'codeset_event_loop_delay_recent_max_seconds'));
      expect(gauge(second, 'codeset_event_loop_delay_max_seconds')).toBeGreaterThanOrEqual(0.2);
    } finally {
      watch.disable();
    }
  });
});
