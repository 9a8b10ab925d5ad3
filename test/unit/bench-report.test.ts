import { describe, expect, it } from 'vitest';
import { checkTargets, renderMarkdown, type BenchReport, type ContenderFigures } from '../../scripts/bench/bench-report';

const figures = (rps: number, p50Ms: number, p99Ms: number): ContenderFigures => ({
  requests: rps * 15,
  rps,
  p50Ms,
  p99Ms,
  failures: 0,
  meanResponseBytes: 100,
});

function report(service: ContenderFigures, name = 'lookup'): BenchReport {
  return {
    date: '2026-11-27T00:00:00.000Z',
    commit: 'abc1234',
    machine: '2 cores, 24 GB, Node v20',
    settings: { connections: 8, slotSeconds: 5, rounds: 3, warmupSeconds: 3 },
    rssMb: {
      service: { start: 100, peak: 180, end: 150 },
      uncached: { start: 100, peak: 320, end: 150 },
      generated: { start: 1, peak: 1, end: 1 },
      floor: { start: 1, peak: 1, end: 1 },
    },
    queries: [
      {
        name,
        title: name,
        samples: 10,
        generatedNote: 'the same',
        contenders: { service, uncached: figures(100, 10, 40), generated: figures(100, 10, 40), floor: figures(200, 5, 20) },
      },
    ],
  };
}

describe('checkTargets', () => {
  it('meets the targets at 2x the throughput, half the p99 and 1.5x the floor p50, and checks lookup against the floor', () => {
    const checks = checkTargets(report(figures(200, 7.5, 20)));
    expect(checks.map((c) => [c.target, c.reached, c.met])).toEqual([
      ['lookup: throughput a/b ≥ 2', '2.00', true],
      ['lookup: p99 a/b ≤ 0.5', '0.50', true],
      ['lookup: p50 a/c ≤ 1.5', '1.50', true],
      ['service RSS under load < 300 MB', '180 MB peak', true],
    ]);
  });

  it('marks every target the figures miss, for the cached and the uncached service apart', () => {
    const checks = checkTargets(report(figures(150, 9, 30)));
    expect(checks.filter((c) => !c.met).map((c) => c.target)).toEqual(['lookup: throughput a/b ≥ 2', 'lookup: p99 a/b ≤ 0.5', 'lookup: p50 a/c ≤ 1.5']);
    expect(checks.filter((c) => !c.metUncached).map((c) => c.target)).toEqual([
      'lookup: throughput a/b ≥ 2',
      'lookup: p99 a/b ≤ 0.5',
      'lookup: p50 a/c ≤ 1.5',
      'service RSS under load < 300 MB',
    ]);
  });

  it('checks validateClaimEdits against validateClaim of the same contender (issue 15: p50 at most 1.5x), never against (b) or (c), which have no equivalent', () => {
    const none = figures(0, 0, 0);
    const withEdits = report(figures(200, 12, 20), 'validateClaim');
    withEdits.queries.push({
      name: 'validateClaimEdits',
      title: 'validateClaimEdits',
      samples: 10,
      generatedNote: 'the service only',
      contenders: { service: figures(150, 16.8, 30), uncached: figures(80, 16, 60), generated: none, floor: none },
    });
    const checks = checkTargets(withEdits).filter((c) => c.target.startsWith('validateClaimEdits'));
    // validateClaim's p50: 12 ms cached (a), 10 ms uncached (a0): 16.8 / 12 = 1.40, 16 / 10 = 1.60.
    expect(checks.map((c) => [c.target, c.reached, c.met, c.reachedUncached, c.metUncached])).toEqual([
      ["validateClaimEdits: p50 over validateClaim's ≤ 1.5", '1.40', true, '1.60', false],
    ]);
  });

  it('compares with the floor only the queries the issue names (lookup and justifiedBy)', () => {
    expect(checkTargets(report(figures(200, 50, 20), 'search')).map((c) => c.target)).not.toContain('search: p50 a/c ≤ 1.5');
  });
});

describe('renderMarkdown', () => {
  it('writes the ratios into the table and the targets with met or missed', () => {
    const markdown = renderMarkdown(report(figures(150, 9, 30)));
    expect(markdown).toContain('| lookup | 10 | 150 | 100 | 100 | 200 | **1.50** | **1.00** |');
    expect(markdown).toContain('| lookup: p50 a/c ≤ 1.5 | 1.80 | **missed** | 2.00 | **missed** |');
    expect(markdown).toContain('| service RSS under load < 300 MB | 180 MB peak | met | 320 MB peak | **missed** |');
  });
});
