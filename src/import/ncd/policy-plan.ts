import { canonicalCode, normalizeCode } from '../../common/code-format';
import { CodeSystemId } from '../../domain/code-system-id';
import type { CodeRow, ListingRow, PolicyGovernsRow, PolicyNodeRow } from '../import-rows';
import { countUnresolved, type Unresolved } from '../official/addenda-record';
import type { PolicyRecord } from './ncd-policies';
import type { TabularOrder } from './tabular-order';
import { codeKeyString } from '../../domain/code-key';

/** The system of a procedure code a policy lists: CPT (80061, 0001U) or HCPCS Level II (G0103). */
export function procedureSystem(code: string): CodeSystemId | null {
  return [CodeSystemId.CPT, CodeSystemId.HCPCS].find((system) => normalizeCode(system, code) === code) ?? null;
}

/** What the graph already holds for a procedure code a policy names. */
export interface CodePresence {
  present: boolean;
  /** A complete release of the code's system is loaded. */
  systemLoaded: boolean;
}

/** Everything a policy import writes, as rows for cypher/import/policy-*.cypher. */
export interface PolicyPlan {
  policies: PolicyNodeRow[];
  /** Codes to create when absent: placeholders and retired references. */
  referenceCodes: CodeRow[];
  governs: PolicyGovernsRow[];
  /** Per policy id: its listing rows. */
  listings: Map<string, ListingRow[]>;
  /** Per policy id: the "code#key" and "system|code" strings a prune keeps. */
  keep: Map<string, { listings: string[]; governs: string[] }>;
}

export interface PlanSource {
  /** Publisher organization id. */
  publisher: string;
  /** The list's version ("2022Q2") and file names. */
  version: string;
  sourceFiles: string[];
  /** 'official' for a CMS list, 'sample' for the bundled excerpt (which must not replace a full list). */
  origin: 'official' | 'sample';
}

const key = (system: string, code: string) => codeKeyString({ system, code });

/**
 * Turns the NCD policies into graph rows: entries expand against the loaded ICD-10-CM codes in
 * tabular order (a header also reaches the codes under it); codes the release lacks are kept as
 * retired references; CPT codes the graph lacks (no licensed descriptors) and codes of a system
 * with no loaded release become placeholders. Every such case is counted in `unresolved`.
 */
export function planPolicies(
  policies: readonly PolicyRecord[],
  order: TabularOrder,
  procedures: ReadonlyMap<string, CodePresence>,
  source: PlanSource,
  unresolved: Unresolved,
): PolicyPlan {
  const plan: PolicyPlan = { policies: [], referenceCodes: [], governs: [], listings: new Map(), keep: new Map() };
  const referenced = new Set<string>();
  const retiredDiagnoses = new Set<string>();
  let approximateRanges = 0;
  let emptyRanges = 0;

  for (const policy of policies) {
    const rows = [...policy.procedures, ...policy.entries];
    const starts = rows
      .map((r) => r.effectiveFrom)
      .filter((d): d is string => d !== null)
      .sort();
    const ends = rows.map((r) => r.effectiveTo);
    plan.policies.push({
      id: policy.id,
      publisher: source.publisher,
      props: {
        title: policy.title,
        kind: 'NCD',
        origin: source.origin,
        version: source.version,
        sourceFiles: source.sourceFiles,
        defaultStatus: policy.defaultStatus,
        defaultListedAs: policy.defaultStatus ? '@@@@@@@' : null,
        defaultEffectiveFrom: policy.defaultEffectiveFrom,
        defaultEffectiveTo: policy.defaultEffectiveTo,
        // The list gives dates per row: the policy's are the earliest start and, once every row
        // has ended, the latest end.
        effectiveFrom: starts[0] ?? null,
        effectiveTo: ends.length > 0 && ends.every((d) => d !== null) ? [...ends].sort().at(-1)! : null,
      },
    });
    const keep = { listings: [] as string[], governs: [] as string[] };
    plan.keep.set(policy.id, keep);

    for (const row of policy.procedures) {
      const system = procedureSystem(row.code);
      if (!system) throw new Error(`NCD ${policy.id} procedure ${JSON.stringify(row.code)} passed the parser but is neither CPT nor HCPCS`);
      const k = key(system, row.code);
      const presence = procedures.get(k) ?? { present: false, systemLoaded: false };
      if (!presence.present && !referenced.has(k)) {
        referenced.add(k);
        // CPT is never known to be complete here (the sample holds a few codes, a licensed file may
        // hold some), so an absent CPT code is a placeholder, never retired.
        if (presence.systemLoaded && system !== CodeSystemId.CPT) {
          countUnresolved(unresolved, `policy procedure codes absent from the loaded ${system} release (kept as retired references)`);
          plan.referenceCodes.push(
            retiredRow(system, row.code, 'PROCEDURE', `${system} ${row.code}: not in the loaded ${system} release; named by NCD ${policy.id} ${policy.title}`),
          );
        } else {
          countUnresolved(
            unresolved,
            `policy procedure codes the graph lacks, written as placeholders (${system}: no licensed descriptors or no release loaded)`,
          );
          plan.referenceCodes.push(placeholderRow(system, row.code, policy));
        }
      }
      plan.governs.push({ policy: policy.id, system, code: row.code, effectiveFrom: row.effectiveFrom, effectiveTo: row.effectiveTo });
      keep.governs.push(k);
    }

    const listings: ListingRow[] = [];
    const seen = new Set<string>();
    for (const entry of policy.entries) {
      const { targets, approximate } =
        entry.kind === 'RANGE' ? order.expandRange(entry.start, entry.end) : { targets: order.expandCode(entry.start), approximate: false };
      if (approximate) approximateRanges++;
      if (entry.kind === 'RANGE' && targets.length === 0) emptyRanges++;
      const entryKey = `${entry.listedAs}|${entry.effectiveFrom ?? ''}|${entry.effectiveTo ?? ''}|${entry.status}`;
      for (const target of targets) {
        const code = canonicalCode(CodeSystemId.ICD10CM, target.code);
        const edge = `${code}#${entryKey}`;
        if (seen.has(edge)) continue;
        seen.add(edge);
        if (target.retired && !retiredDiagnoses.has(code)) {
          retiredDiagnoses.add(code);
          plan.referenceCodes.push(
            retiredRow(CodeSystemId.ICD10CM, code, 'DIAGNOSIS', `${code}: not in the loaded ICD-10-CM release; named by an NCD lab list entry`),
          );
        }
        listings.push({
          system: CodeSystemId.ICD10CM,
          code,
          key: entryKey,
          props: {
            status: entry.status,
            listedAs: entry.listedAs,
            via: target.via,
            effectiveFrom: entry.effectiveFrom,
            effectiveTo: entry.effectiveTo,
            retired: target.retired,
          },
        });
        keep.listings.push(edge);
      }
    }
    plan.listings.set(policy.id, listings);
  }
  countUnresolved(unresolved, 'diagnosis codes policies list that the loaded ICD-10-CM release lacks (kept as retired references)', retiredDiagnoses.size);
  countUnresolved(unresolved, 'policy ranges with an end the loaded ICD-10-CM release lacks (placed by code order)', approximateRanges);
  countUnresolved(unresolved, 'policy ranges that reach no code of the loaded release (start after end in tabular order)', emptyRanges);
  return plan;
}

function placeholderRow(system: CodeSystemId, code: string, policy: PolicyRecord): CodeRow {
  return {
    system,
    code,
    labels: ['Procedure', system, 'Published'],
    props: {
      display: `${system} ${code}: ${system === CodeSystemId.CPT ? 'descriptor not loaded (licensed by the AMA)' : 'no release of this system loaded'}; governed by NCD ${policy.id} ${policy.title}`,
      shortDisplay: null,
      billable: true,
      kind: 'CODE',
      role: 'PROCEDURE',
      placeholder: true,
    },
  };
}

export function retiredRow(system: CodeSystemId, code: string, role: 'DIAGNOSIS' | 'PROCEDURE', display: string): CodeRow {
  return { system, code, labels: ['Retired'], props: { display, shortDisplay: null, billable: false, kind: 'CODE', role, retired: true } };
}
