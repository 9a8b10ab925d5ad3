import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CodeSystemResolver } from './modules/code-system/code-system.resolver';
import { OrganizationResolver } from './modules/code-system/organization.resolver';
import { CategoryResolver } from './modules/code/category.resolver';
import { CodeResolver } from './modules/code/code.resolver';
import { Diagnosis, Procedure } from './modules/code/code.type';
import { DiagnosisResolver } from './modules/code/diagnosis.resolver';
import { ProcedureResolver } from './modules/code/procedure.resolver';
import { ModifierResolver } from './modules/modifier/modifier.resolver';
import { CodeReleasesResolver, CodeSystemReleasesResolver, ReleaseResolver } from './modules/release/release.resolver';
import { SearchResolver } from './modules/search/search.resolver';
import { CurationFieldsResolver, CurationResolver } from './modules/pairing/curation.resolver';
import { PairingAnalyticsResolver } from './modules/pairing/pairing-analytics.resolver';
import { PairingCheckResolver } from './modules/pairing/pairing-check.resolver';
import { PairingFieldsResolver } from './modules/pairing/pairing-fields.resolver';
import { DiagnosisPairingResolver, ProcedurePairingResolver } from './modules/pairing/pairing.resolver';
import { PolicyResolver } from './modules/pairing/policy.resolver';
import { ArticleDiagnosisGroupResolver, CoverageArticleFieldsResolver, ProcedureCoverageArticlesResolver } from './modules/policy/coverage-article.resolver';
import { ClaimResolver } from './modules/claim/claim.resolver';
import { ProcedureEditsResolver } from './modules/claim/claim-edit.resolver';
import { CrosswalkResolver } from './modules/crosswalk/crosswalk.resolver';
import { NodeResolver } from './modules/node/node.resolver';
import { ChapterCountFieldsResolver, ProcedureJustificationFieldsResolver, ProcedureOverlapFieldsResolver } from './modules/pairing/analytics-fields.resolver';

/** The executable schema, built from the type-graphql classes once at start. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      CodeSystemResolver,
      OrganizationResolver,
      CodeResolver,
      DiagnosisResolver,
      ProcedureResolver,
      ProcedureCoverageArticlesResolver,
      CoverageArticleFieldsResolver,
      ArticleDiagnosisGroupResolver,
      CategoryResolver,
      ReleaseResolver,
      CodeSystemReleasesResolver,
      CodeReleasesResolver,
      SearchResolver,
      ModifierResolver,
      ProcedurePairingResolver,
      DiagnosisPairingResolver,
      PairingFieldsResolver,
      PolicyResolver,
      PairingCheckResolver,
      PairingAnalyticsResolver,
      CurationResolver,
      CurationFieldsResolver,
      ClaimResolver,
      ProcedureEditsResolver,
      CrosswalkResolver,
      NodeResolver,
      ProcedureJustificationFieldsResolver,
      ChapterCountFieldsResolver,
      ProcedureOverlapFieldsResolver,
    ],
    orphanedTypes: [Diagnosis, Procedure],
    validate: { forbidUnknownValues: false },
  });
}

/** The SDL checked in at schema/schema.graphql: sorted, so it only changes when the schema does. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
