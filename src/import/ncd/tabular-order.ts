/** An ICD-10-CM code of the loaded release with its place in tabular order. */
export interface OrderedCode {
  /** No dot: E119. */
  code: string;
  /** Tabular order (the order file's number); only the relative order matters. */
  sequence: number;
}

/** How a listing reaches a code: named itself, under a named header, or inside a named range. */
export type MatchedVia = 'CODE' | 'CATEGORY' | 'RANGE';

export interface ListingTarget {
  code: string;
  via: MatchedVia;
  /** The release lacks the code (a code retired since the list was published). */
  retired: boolean;
}

/**
 * The ICD-10-CM codes of one release in tabular order, for expanding lab NCD entries (a code, or a
 * range LOW-HIGH meaning every code from LOW through HIGH in tabular order) to the codes they
 * reach. Tabular order is not code order (C4A comes between C43 and C44, C84Z before C849), so
 * ranges run over sequence positions; only ends the release lacks are placed by code order.
 *
 * Built once in O(n log n); each expansion costs O(log n) plus the size of its result.
 */
export class TabularOrder {
  /** Codes by sequence position. */
  private readonly codes: string[];
  private readonly position = new Map<string, number>();
  /** Per sequence position: the last position of a code whose text starts with this code (itself if none). */
  private readonly lastUnder: Int32Array;
  /** Codes sorted by text (ordinal), and each one's sequence position. */
  private readonly byText: string[];
  private readonly positionByText: Int32Array;

  /** `codes` in any order; a code listed twice is an error. */
  constructor(codes: readonly OrderedCode[]) {
    const sorted = [...codes].sort((a, b) => a.sequence - b.sequence);
    this.codes = sorted.map((c) => c.code);
    this.codes.forEach((code, index) => {
      if (this.position.has(code)) throw new Error(`TabularOrder: code ${code} is listed twice`);
      this.position.set(code, index);
    });

    this.lastUnder = Int32Array.from(this.codes, (_, index) => index);
    this.codes.forEach((code, index) => {
      for (let length = 1; length < code.length; length++) {
        const header = this.position.get(code.slice(0, length));
        if (header !== undefined && this.lastUnder[header] < index) this.lastUnder[header] = index;
      }
    });

    this.byText = [...this.codes].sort(ordinal);
    this.positionByText = Int32Array.from(this.byText, (code) => this.position.get(code)!);
  }

  has(code: string): boolean {
    return this.position.has(code);
  }

  /**
   * CODE entry: the code itself (via CODE) plus, when it is a header in this release, every code
   * under it (codes whose text starts with it and is longer) via CATEGORY, in tabular order. A code
   * absent from the release: [{code, via: 'CODE', retired: true}].
   */
  expandCode(code: string): ListingTarget[] {
    const at = this.position.get(code);
    if (at === undefined) return [{ code, via: 'CODE', retired: true }];
    const targets: ListingTarget[] = [{ code, via: 'CODE', retired: false }];
    const [from, to] = this.textRangeUnder(code);
    if (to - from > 1) {
      // byText[from] is the code itself; the rest start with it.
      const under = this.positionByText.slice(from + 1, to).sort();
      for (const index of under) targets.push({ code: this.codes[index], via: 'CATEGORY', retired: false });
    }
    return targets;
  }

  /**
   * RANGE entry: every code in tabular (sequence) order from start through end, including codes
   * under `end` (prefix), via RANGE. An end absent from the release is placed by code order
   * (start: first code whose text >= start; end: last code whose text <= end or starts with end)
   * and is itself returned as {code, via: 'RANGE', retired: true} (a retired start first, a retired
   * end last); `approximate` is true when an end had to be placed. A start that comes after the
   * end in tabular order reaches no code of the release.
   */
  expandRange(start: string, end: string): { targets: ListingTarget[]; approximate: boolean } {
    const startAt = this.position.get(start);
    const endAt = this.position.get(end);
    const first = startAt ?? this.firstAtOrAfter(start);
    const last = endAt !== undefined ? this.lastUnder[endAt] : this.lastAtOrBefore(end);

    const targets: ListingTarget[] = [];
    if (startAt === undefined) targets.push({ code: start, via: 'RANGE', retired: true });
    for (let index = first; index <= last; index++) targets.push({ code: this.codes[index], via: 'RANGE', retired: false });
    if (endAt === undefined && end !== start) targets.push({ code: end, via: 'RANGE', retired: true });
    return { targets, approximate: startAt === undefined || endAt === undefined };
  }

  /** [from, to) in byText of the code and the codes whose text starts with it. */
  private textRangeUnder(prefix: string): [number, number] {
    // Codes are letters and digits, so every code starting with `prefix` sorts below prefix + '\uffff'.
    return [lowerBound(this.byText, prefix), lowerBound(this.byText, `${prefix}\uffff`)];
  }

  /** Sequence position of the first code (by text) whose text is >= `code`; past the end when none. */
  private firstAtOrAfter(code: string): number {
    const at = lowerBound(this.byText, code);
    return at < this.byText.length ? this.positionByText[at] : this.codes.length;
  }

  /**
   * Sequence position of the last code (by text) whose text is <= `code` or starts with it: the
   * furthest in tabular order among the codes starting with it, if any; -1 when none.
   */
  private lastAtOrBefore(code: string): number {
    const [from, to] = this.textRangeUnder(code);
    if (to === from) return from > 0 ? this.positionByText[from - 1] : -1;
    let last = -1;
    for (let at = from; at < to; at++) last = Math.max(last, this.lastUnder[this.positionByText[at]]);
    return last;
  }
}

function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First index of the sorted array whose value is >= `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
