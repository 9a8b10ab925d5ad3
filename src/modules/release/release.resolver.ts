import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { releaseId } from '../../common/graph-ids';
import type { Context } from '../../context';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { CodeSystem } from '../code-system/code-system.type';
import { Code, type CodeNode } from '../code/code.type';
import type { DateChoice } from '../../domain/date-rule';
import { defaultDate } from './date-rule.service';
import { DefaultDate } from './date-rule.type';
import { Release, Revision, type ReleaseNode } from './release.type';

async function releasesById(ids: string[], { loaders }: Context): Promise<ReleaseNode[]> {
  const found = await loaders.release.loadMany(ids);
  return found.filter((r): r is ReleaseNode => r !== null && !(r instanceof Error));
}

@Resolver(() => Release)
export class ReleaseResolver {
  @FieldResolver(() => CodeSystemId, { description: 'Its system as the CodeSystemId enum, as Code.systemId.' })
  systemId(@Root() release: { system: CodeSystemId }): CodeSystemId {
    return release.system;
  }

  @Query(() => Release, { nullable: true, description: 'One complete release ("ICD10CM", "2026"), or null when it is not loaded.' })
  release(
    @Arg('system', () => CodeSystemId) system: CodeSystemId,
    @Arg('version', () => String, { description: 'Fiscal year ("2026") or quarter ("2025-10").' }) version: string,
    @Ctx() { loaders }: Context,
  ): Promise<ReleaseNode | null> {
    return loaders.release.load(releaseId(system, version.trim()));
  }

  @Query(() => DefaultDate, {
    description:
      'The date used where a date of service or asOf is left out (validateClaim, checkPairing, justifiedBy, justifies, coverageArticles), with the window it comes from: a date picker can start there.',
  })
  defaultDate(@Ctx() context: Context): Promise<DateChoice> {
    return defaultDate(context);
  }
}

@Resolver(() => CodeSystem)
export class CodeSystemReleasesResolver {
  @FieldResolver(() => [Release], { description: 'Its complete releases, newest first.' })
  async releases(@Root() system: CodeSystem, @Ctx() context: Context): Promise<ReleaseNode[]> {
    return releasesById(await context.loaders.systemReleases.load(system.id), context);
  }
}

@Resolver(() => Code)
export class CodeReleasesResolver {
  @FieldResolver(() => [Release], { description: 'The complete releases this code is valid in, oldest first.' })
  async validIn(@Root() code: CodeNode, @Ctx() context: Context): Promise<ReleaseNode[]> {
    return releasesById((await context.loaders.codeReleases.load(code)).validIn, context);
  }

  @FieldResolver(() => Release, { nullable: true, description: 'The release whose addenda added this code; null when no loaded addenda list it as new.' })
  async addedIn(@Root() code: CodeNode, @Ctx() context: Context): Promise<ReleaseNode | null> {
    const [first] = await releasesById((await context.loaders.codeReleases.load(code)).addedIn, context);
    return first ?? null;
  }

  @FieldResolver(() => [Revision], { description: 'Title revisions recorded by the loaded addenda, oldest first.' })
  async revisions(@Root() code: CodeNode, @Ctx() context: Context): Promise<Revision[]> {
    const { revisions } = await context.loaders.codeReleases.load(code);
    const releases = await releasesById(
      revisions.map((r) => r.release),
      context,
    );
    const byId = new Map(releases.map((r) => [r.id, r]));
    return revisions.flatMap((r) => {
      const release = byId.get(r.release);
      return release ? [{ release, from: r.from, to: r.to }] : [];
    });
  }
}
