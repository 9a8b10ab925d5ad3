import { Arg, Ctx, FieldResolver, Mutation, ObjectType, Field, Resolver, Root } from 'type-graphql';
import { DateTimeScalar } from '../../common/date-time.scalar';
import { echo, parseCode } from '../../common/code-format';
import { CodeSystemId } from '../../domain/code-system-id';
import type { Context } from '../../context';
import { requireCurator } from '../../security/caller';
import { badUserInput, conflict, notFound } from '../../errors/errors';
import { CodeRole } from '../code-system/code-role.enum';
import type { CodeNode } from '../code/code.type';
import { findCode } from '../code/find-code.service';
import { AddPairingInput } from './curation.input';
import type { AuditEventNode, CuratedPairingNode } from './curation.repository';
import { Curation, Pairing, type CurationNode } from './pairing.type';
import { keyArgument } from '../node/key-argument';
import { AuditAction } from './audit-action.enum';
import { Node } from '../node/node.type';

@ObjectType('AuditEvent', { implements: Node, description: 'One change to a curated pairing: who, when, what.' })
export class AuditEvent {
  @Field(() => AuditAction, { description: 'What changed (until issue 18 a String of the same values).' })
  action!: AuditAction;

  @Field(() => String, { description: 'The name the write credential belongs to.' })
  actor!: string;

  @Field(() => DateTimeScalar, { description: 'ISO date-time.' })
  at!: string;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true, description: 'The rationale (ADD) or the reason (RETIRE).' })
  detail!: string | null;
}

async function codeOfRole(loaders: Context['loaders'], raw: string, role: CodeRole, argument: string): Promise<CodeNode> {
  const system = role === CodeRole.DIAGNOSIS ? CodeSystemId.ICD10CM : null;
  const parsed = parseCode(raw, system);
  if (!parsed.ok) throw badUserInput(parsed.message, { argument, value: raw.slice(0, 64) });
  const code = await findCode(loaders, raw, system);
  if (!code) throw badUserInput(`${argument} ${echo(raw)} is in no loaded release: curated pairings name codes of loaded releases`, { argument, value: raw });
  if (code.role !== role)
    throw badUserInput(`${argument} ${echo(raw)} is a ${code.role.toLowerCase()} code (${code.system}); expected a ${role.toLowerCase()} code`, {
      argument,
      value: raw,
    });
  return code;
}

@Resolver(() => Pairing)
export class CurationResolver {
  @Mutation(() => Pairing, {
    description:
      "Adds a curated pairing (needs a write credential; the credential's name is recorded as author, with the time and source, in the audit trail). " +
      'Codes must be of loaded releases, a diagnosis and a procedure. CONFLICT when the two codes already have an active curated pairing (its id is in extensions).',
  })
  async addPairing(
    @Arg('input', () => AddPairingInput) input: AddPairingInput,
    @Ctx() { caller, loaders, repositories, cache }: Context,
  ): Promise<CuratedPairingNode> {
    const author = requireCurator(caller);
    const diagnosis = await codeOfRole(loaders, input.diagnosis, CodeRole.DIAGNOSIS, 'diagnosis');
    const procedure = await codeOfRole(loaders, input.procedure, CodeRole.PROCEDURE, 'procedure');
    const result = await repositories.curation.add({
      diagnosis: { system: diagnosis.system, code: diagnosis.code },
      procedure: { system: procedure.system, code: procedure.code },
      source: input.source.trim(),
      rationale: input.rationale?.trim() || null,
      author,
    });
    if (result.created) cache?.clear('a curated pairing was added');
    if (!result.created)
      throw conflict(`${diagnosis.code} -> ${procedure.code} already has an active curated pairing (${result.id}); retire it first to replace it`, {
        existingId: result.id,
      });
    return (await repositories.curation.byIds([result.id])).get(result.id)!;
  }

  @Mutation(() => Pairing, {
    description:
      'Retires a curated pairing (needs a write credential). It stays in the graph with who retired it, when and why; it no longer justifies anything.',
  })
  async retirePairing(
    @Arg('id', () => String, { description: 'The curated pairing: its key ("curated:…", Pairing.key) or its global id (Pairing.id).' }) idOrKey: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() { caller, repositories, cache }: Context,
  ): Promise<CuratedPairingNode> {
    const actor = requireCurator(caller);
    const id = keyArgument(idOrKey, 'Pairing', 'id');
    const why = reason.trim();
    if (why.length === 0 || why.length > 2000) {
      const expected = '1 to 2,000 characters (spaces around it do not count)';
      throw badUserInput(`Invalid argument reason: ${why.length} characters; expected ${expected}`, {
        argument: 'reason',
        value: reason.slice(0, 64),
        expected,
      });
    }
    if (!id.startsWith('curated:')) {
      const expected = 'a curated pairing: its key ("curated:…") or its global id; policy pairings cannot be retired here';
      throw badUserInput(`Pairing id ${echo(idOrKey)} is not a curated pairing; expected ${expected}`, {
        argument: 'id',
        value: idOrKey.slice(0, 64),
        expected,
      });
    }
    const result = await repositories.curation.retire(id, actor, why);
    if (result.found && !result.wasRetired) cache?.clear('a curated pairing was retired');
    if (!result.found) throw notFound(`No curated pairing has id ${echo(id)}`, { argument: 'id', value: id.slice(0, 64) });
    if (result.wasRetired) throw conflict(`Curated pairing ${echo(id)} is already retired`, { argument: 'id', value: id });
    return (await repositories.curation.byIds([id])).get(id)!;
  }
}

@Resolver(() => Curation)
export class CurationFieldsResolver {
  @FieldResolver(() => [AuditEvent], { description: 'Every change, oldest first.' })
  async history(@Root() curation: CurationNode, @Ctx() { loaders }: Context): Promise<AuditEventNode[]> {
    return (await loaders.curation.load(curation.id))?.history ?? [];
  }
}
