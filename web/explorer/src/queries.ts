const CODE_REF = 'code systemId display billable retired';
const NOTE = `kind text level inherited targets { ${CODE_REF} } targetCategories { key kind code title } statedOnCode { ${CODE_REF} } statedOnCategory { key kind code title }`;

export const SEARCH = `query ExplorerSearch($text: String!) {
  search(text: $text, first: 10) { totalCount nodes { __typename ${CODE_REF} } }
}`;

export const CODE = `query ExplorerCode($code: String!, $system: CodeSystemId) {
  code(code: $code, system: $system) {
    __typename ${CODE_REF} kind shortDisplay
    system { systemId shortName name maintainedBy { key abbreviation name } }
    parent { ${CODE_REF} }
    ancestors { ${CODE_REF} }
    categories { key kind code title }
    children { ${CODE_REF} }
    ... on Diagnosis {
      excludes1 { ${NOTE} } excludes2 { ${NOTE} } codeFirst { ${NOTE} }
      useAdditional { ${NOTE} } codeAlso { ${NOTE} }
    }
    ... on Procedure { policies { key title defaultStatus } }
  }
}`;

const PAIRING = `status listedAs matchedVia policy { key title } diagnosis { ${CODE_REF} } procedure { ${CODE_REF} }`;

/** One page of a procedure's justifying diagnoses, for one policy (or curated pairings when policy is null). */
export const JUSTIFIED_BY_PAGE = `query ExplorerJustifiedBy($code: String!, $system: CodeSystemId, $policy: String, $status: [PairingStatus!], $first: Int!, $after: String) {
  code(code: $code, system: $system) {
    ... on Procedure {
      justifiedBy(policy: $policy, status: $status, first: $first, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } nodes { ${PAIRING} }
      }
    }
  }
}`;

/** One page of what a diagnosis justifies. */
export const JUSTIFIES_PAGE = `query ExplorerJustifies($code: String!, $system: CodeSystemId, $status: [PairingStatus!], $first: Int!, $after: String) {
  code(code: $code, system: $system) {
    ... on Diagnosis {
      justifies(status: $status, first: $first, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } nodes { ${PAIRING} }
      }
    }
  }
}`;

/** The pairing panel of a procedure: totals per status, chapter counts and the CSV link for one status. */
export const PROCEDURE_PAIRINGS = `query ExplorerProcedurePairings($code: String!, $system: CodeSystemId, $status: [PairingStatus!]) {
  code(code: $code, system: $system) {
    ... on Procedure {
      covered: justifiedBy(status: [COVERED], first: 1) { totalCount }
      curated: justifiedBy(status: [CURATED], first: 1) { totalCount }
      denied: justifiedBy(status: [DENIED], first: 1) { totalCount }
      notNecessary: justifiedBy(status: [NOT_MEDICALLY_NECESSARY], first: 1) { totalCount }
      justifyingChapters(status: $status) { diagnosesCount chapter { key code title } }
      list: justifiedBy(status: $status, first: 25) { totalCount nodes { ${PAIRING} } }
      justifiedByCsv(status: $status)
    }
  }
}`;

export const DIAGNOSIS_PAIRINGS = `query ExplorerDiagnosisPairings($code: String!, $system: CodeSystemId, $status: [PairingStatus!]) {
  code(code: $code, system: $system) {
    ... on Diagnosis {
      covered: justifies(status: [COVERED], first: 1) { totalCount }
      curated: justifies(status: [CURATED], first: 1) { totalCount }
      denied: justifies(status: [DENIED], first: 1) { totalCount }
      notNecessary: justifies(status: [NOT_MEDICALLY_NECESSARY], first: 1) { totalCount }
      list: justifies(status: $status, first: 100) { totalCount nodes { ${PAIRING} } }
      justifiesCsv(status: $status)
    }
  }
}`;

export const VALIDATE_CLAIM = `query ExplorerValidateClaim($claim: ClaimInput!) {
  validateClaim(claim: $claim) {
    outcome summary dateOfService
    findings { code severity message }
    lines { line procedure diagnoses outcome summary findings { code severity message } }
  }
}`;
