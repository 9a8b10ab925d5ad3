/** Ids of Category and Release nodes, shared by the importer and the resolvers that look them up. */

export function categoryId(system: string, code: string): string {
  return `${system}:${code}`;
}

export function releaseId(system: string, version: string): string {
  return `${system}:${version}`;
}
