/** What the breaker needs of the database: one cheap round trip that fails while it is down. */
export type Probe = () => Promise<unknown>;

export interface BreakerOptions {
  /** How often the background probe asks while the circuit is open. */
  probeIntervalMs: number;
  /** Told when the circuit opens or closes (for logs and metrics). */
  onChange?: (state: 'open' | 'closed', cause?: unknown) => void;
}

/**
 * Fail fast while Neo4j is down. The first query that finds the database unreachable opens the
 * circuit; from then on queries fail at once (no request waits out the driver's connection
 * timeout) while a background probe asks every `probeIntervalMs`. The first probe that succeeds
 * closes the circuit, so the service is back within one interval of Neo4j's return.
 *
 * Not opossum: its half-open state lets a caller's request be the trial, which then waits for the
 * dead server; here no caller ever waits, the probe does.
 */
export class CircuitBreaker {
  private openSince: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private probing = false;
  private stopped = false;

  constructor(
    private readonly probe: Probe,
    private readonly options: BreakerOptions,
  ) {}

  /** True while queries are refused without trying the database. */
  get isOpen(): boolean {
    return this.openSince !== null;
  }

  /** Milliseconds the circuit has been open (0 when closed). */
  openMillis(now = Date.now()): number {
    return this.openSince === null ? 0 : now - this.openSince;
  }

  /** A query found the database unreachable: open the circuit and start probing. */
  tripped(cause: unknown): void {
    if (this.openSince !== null || this.stopped) return;
    this.openSince = Date.now();
    this.options.onChange?.('open', cause);
    this.timer = setInterval(() => void this.tryProbe(), this.options.probeIntervalMs);
    this.timer.unref();
  }

  /** Stops probing for good (the service is shutting down). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async tryProbe(): Promise<void> {
    if (this.probing || this.openSince === null) return;
    this.probing = true;
    try {
      await this.probe();
      this.close();
    } catch {
      // still down: the next interval asks again
    } finally {
      this.probing = false;
    }
  }

  private close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.openSince = null;
    this.options.onChange?.('closed');
  }
}
