/**
 * The one rule for a date a caller leaves out (issue 18): the date of service of a claim or a
 * pairing check, and the `asOf` of pairing lists and coverage articles.
 *
 * The window is where the latest complete release of every claim code set loaded is in force at
 * once (the latest start to the earliest end). Today is used when it lies in that window; a today
 * past the window gives its last day, one before it its first day. When the releases have no common
 * window, ICD-10-CM's latest release (every claim has a diagnosis) gives it alone. With no release
 * loaded, today.
 */

/** A complete release and the dates it is in force (effectiveTo null: open-ended). */
export interface ReleaseWindow {
  system: string;
  release: string;
  version: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export interface DateChoice {
  /** The date used, YYYY-MM-DD. */
  date: string;
  /** The window the rule read (null ends: open), or null when no release has dates. */
  windowFrom: string | null;
  windowTo: string | null;
  /** Why this date, in words. */
  rule: string;
}

/** The latest release of each system (windows come newest first per system, as release/windows gives them). */
export function latestPerSystem(windows: readonly ReleaseWindow[]): ReleaseWindow[] {
  const seen = new Map<string, ReleaseWindow>();
  for (const w of windows) {
    const held = seen.get(w.system);
    if (!held || (w.effectiveFrom ?? '') > (held.effectiveFrom ?? '')) seen.set(w.system, w);
  }
  return [...seen.values()].sort((a, b) => a.system.localeCompare(b.system));
}

function describe(releases: readonly ReleaseWindow[]): string {
  return releases.map((r) => `${r.system} ${r.version}`).join(', ');
}

export function chooseDate(windows: readonly ReleaseWindow[], today: string): DateChoice {
  let releases = latestPerSystem(windows).filter((r) => r.effectiveFrom !== null);
  if (releases.length === 0) return { date: today, windowFrom: null, windowTo: null, rule: 'today: no loaded release has dates' };
  const common = (rs: readonly ReleaseWindow[]) => {
    const from = rs.map((r) => r.effectiveFrom!).reduce((a, b) => (b > a ? b : a));
    const ends = rs.map((r) => r.effectiveTo).filter((d): d is string => d !== null);
    const to = ends.length === 0 ? null : ends.reduce((a, b) => (b < a ? b : a));
    return { from, to };
  };
  let { from, to } = common(releases);
  if (to !== null && from > to) {
    const cm = releases.find((r) => r.system === 'ICD10CM');
    releases = [cm ?? releases.reduce((a, b) => (b.effectiveFrom! > a.effectiveFrom! ? b : a))];
    ({ from, to } = common(releases));
  }
  const window = `${from} to ${to ?? 'open'} (${describe(releases)})`;
  if (today < from)
    return { date: from, windowFrom: from, windowTo: to, rule: `the first day of the loaded releases' window ${window}: today (${today}) is before it` };
  if (to !== null && today > to)
    return { date: to, windowFrom: from, windowTo: to, rule: `the last day of the loaded releases' window ${window}: today (${today}) is past it` };
  return { date: today, windowFrom: from, windowTo: to, rule: `today: it lies in the loaded releases' window ${window}` };
}

/** Whether `date` lies in the window of at least one of `windows`. */
export function inSomeWindow(windows: readonly ReleaseWindow[], date: string): boolean {
  return windows.some((w) => (w.effectiveFrom === null || w.effectiveFrom <= date) && (w.effectiveTo === null || w.effectiveTo >= date));
}
