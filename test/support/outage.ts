/** One request of the steady load: when it started (ms since the run began), how long it took, how it ended. */
export interface Sample {
  at: number;
  ms: number;
  /** OK, an error code from extensions.code, HTTP_<status> without one, or HUNG when aborted. */
  outcome: string;
}

export interface OutageReport {
  requests: number;
  /** Outcomes while Neo4j was down (from the stop to the restart), by outcome. */
  duringOutage: Record<string, number>;
  /** Outcomes over the whole run, by outcome. */
  overall: Record<string, number>;
  /** The longest request begun while Neo4j was down (stopped, not yet restarting), in ms. */
  slowestWhileDownMs: number;
  /** The longest request of the whole run (those caught in flight by the stop included), in ms. */
  slowestOverallMs: number;
  /** /health/ready statuses seen while Neo4j was down. */
  readyWhileDown: number[];
  /** ms from Neo4j's start resolving (its READY line: a cold JVM and query cache) to the end of the first successful request. */
  recoveryMs: number | null;
  /** ms from Neo4j serving again (a probe on its own driver ran the service's lookup statement) to the end of the service's first success after it; 0 when the service was first. */
  recoveryAfterServingMs: number | null;
  /** ms from the READY line to the probe's first success (Neo4j's own warm-up). */
  neo4jWarmupMs: number | null;
  stopMs: number;
  restartMs: number;
  /** Requests begun after Neo4j was back that ended before the first success: outcome and ms. */
  beforeRecovery: Array<{ outcome: string; ms: number; at: number }>;
}

export interface OutageOptions {
  /** The GraphQL endpoint (http://host:port/graphql). */
  url: string;
  stopNeo4j: () => Promise<void>;
  startNeo4j: () => Promise<void>;
  concurrency?: number;
  /** How long the load runs before the stop, and after recovery. */
  steadyMs?: number;
  /** How long Neo4j stays down before the restart begins. */
  downMs?: number;
  /** A request not answered within this is aborted and counted HUNG. */
  hangMs?: number;
  /** Runs the service's lookup statement on Neo4j through a driver of its own; resolves once it answers. */
  probe?: () => Promise<void>;
}

const QUERY = JSON.stringify({ query: '{ code(code: "E11.9") { code display billable } }' });

/** Steady load on `url` while Neo4j is stopped and started again; reports what clients saw. */
export async function runOutage(options: OutageOptions): Promise<OutageReport> {
  const began = performance.now();
  const now = () => performance.now() - began;
  const samples: Sample[] = [];
  let done = false;
  const readyUrl = options.url.replace(/\/graphql$/, '/health/ready');
  const worker = async () => {
    while (!done) {
      const at = now();
      let outcome: string;
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: QUERY,
          signal: AbortSignal.timeout(options.hangMs ?? 30_000),
        });
        const body = (await response.json().catch(() => ({}))) as { errors?: Array<{ extensions?: { code?: string } }> };
        outcome = body.errors?.length ? (body.errors[0]?.extensions?.code ?? `HTTP_${response.status}`) : response.ok ? 'OK' : `HTTP_${response.status}`;
      } catch (error) {
        outcome = error instanceof Error && error.name === 'TimeoutError' ? 'HUNG' : 'CONNECTION_FAILED';
      }
      samples.push({ at, ms: now() - at, outcome });
      if (outcome !== 'OK') await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const workers = Array.from({ length: options.concurrency ?? 8 }, worker);
  await new Promise((resolve) => setTimeout(resolve, options.steadyMs ?? 3_000));
  const stopAt = now();
  await options.stopNeo4j();
  const stoppedAt = now();
  const readyWhileDown: number[] = [];
  const downUntil = now() + (options.downMs ?? 3_000);
  while (now() < downUntil) {
    readyWhileDown.push((await fetch(readyUrl)).status);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const restartAt = now();
  await options.startNeo4j();
  const upAt = now();
  let servingAt: number | null = null;
  if (options.probe) {
    const probeDeadline = upAt + 60_000;
    while (servingAt === null && now() < probeDeadline) {
      try {
        await options.probe();
        servingAt = now();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }
  let recoveryMs: number | null = null;
  const deadline = upAt + 30_000;
  while (recoveryMs === null && now() < deadline) {
    const ok = samples.find((s) => s.at >= upAt && s.outcome === 'OK');
    if (ok) recoveryMs = ok.at + ok.ms - upAt;
    else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, options.steadyMs ?? 3_000));
  done = true;
  await Promise.all(workers);
  const count = (list: Sample[]) => list.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.outcome]: (acc[s.outcome] ?? 0) + 1 }), {});
  // Requests begun after the stop completed and before Neo4j was back.
  const down = samples.filter((s) => s.at >= stoppedAt && s.at < restartAt);
  return {
    requests: samples.length,
    duringOutage: count(down),
    overall: count(samples),
    slowestWhileDownMs: Math.round(Math.max(0, ...down.map((s) => s.ms))),
    slowestOverallMs: Math.round(Math.max(0, ...samples.map((s) => s.ms))),
    readyWhileDown,
    recoveryMs: recoveryMs === null ? null : Math.round(recoveryMs),
    recoveryAfterServingMs: recoveryMs === null || servingAt === null ? null : Math.max(0, Math.round(upAt + recoveryMs - servingAt)),
    neo4jWarmupMs: servingAt === null ? null : Math.round(servingAt - upAt),
    beforeRecovery: samples
      .filter((s) => s.at >= upAt && (recoveryMs === null || s.at + s.ms < upAt + recoveryMs))
      .slice(0, 20)
      .map((s) => ({ outcome: s.outcome, ms: Math.round(s.ms), at: Math.round(s.at - upAt) })),
    stopMs: Math.round(stoppedAt - stopAt),
    restartMs: Math.round(upAt - restartAt),
  };
}
