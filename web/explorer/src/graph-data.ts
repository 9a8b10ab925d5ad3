import { gql } from './graphql';
import { GROUP_CAP, groupByPolicy, neighbourhood, type Elements, type PairingGroup } from './neighbourhood';
import { CODE, JUSTIFIED_BY_PAGE, JUSTIFIES_PAGE } from './queries';
import type { CodeDetail, Connection, PairingNode, PairingStatus } from './types';

export async function fetchCode(code: string, system: string | null): Promise<CodeDetail | null> {
  const data = await gql<{ code: CodeDetail | null }>(CODE, { code, system });
  return data.code;
}

export async function fetchPairingPage(
  direction: 'justifiedBy' | 'justifies',
  code: { code: string; systemId: string },
  options: { policy?: string | null; status?: PairingStatus[] | null; first: number; after?: string | null },
): Promise<Connection<PairingNode>> {
  if (direction === 'justifiedBy') {
    const data = await gql<{ code: { justifiedBy: Connection<PairingNode> } | null }>(JUSTIFIED_BY_PAGE, {
      code: code.code,
      system: code.systemId,
      policy: options.policy ?? null,
      status: options.status ?? null,
      first: options.first,
      after: options.after ?? null,
    });
    return data.code!.justifiedBy;
  }
  const data = await gql<{ code: { justifies: Connection<PairingNode> } | null }>(JUSTIFIES_PAGE, {
    code: code.code,
    system: code.systemId,
    status: options.status ?? null,
    first: options.first,
    after: options.after ?? null,
  });
  return data.code!.justifies;
}

/** The elements of a code's neighbourhood: a procedure's justifying diagnoses one group per policy (and curated), a diagnosis's pairings grouped by policy. */
export async function fetchNeighbourhood(detail: CodeDetail): Promise<Elements> {
  if (detail.__typename === 'Procedure') {
    const wanted: Array<{ policy: { key: string; title: string } | null; status: PairingStatus[] | null }> = [
      ...(detail.policies ?? []).map((p) => ({ policy: { key: p.key, title: p.title }, status: null })),
      { policy: null, status: ['CURATED'] },
    ];
    const groups: PairingGroup[] = await Promise.all(
      wanted.map(async (w) => {
        const page = await fetchPairingPage('justifiedBy', detail, { policy: w.policy?.key, status: w.status, first: GROUP_CAP });
        return { ...w, totalCount: page.totalCount, endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage, nodes: page.nodes };
      }),
    );
    return neighbourhood(detail, groups);
  }
  const page = await fetchPairingPage('justifies', detail, { first: GROUP_CAP * 2 });
  return neighbourhood(detail, groupByPolicy(page.nodes), { totalCount: page.totalCount, shown: page.nodes.length, endCursor: page.pageInfo.endCursor });
}
