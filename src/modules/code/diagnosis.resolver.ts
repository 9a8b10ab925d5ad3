import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Diagnosis, type CodeNode } from './code.type';
import { InstructionalNote, SevenCharacterExtension } from './instructional-note.type';
import { NoteKind } from './note-kind.enum';

async function notesOf(code: CodeNode, kind: NoteKind, { loaders }: Context): Promise<InstructionalNote[]> {
  const edges = (await loaders.notes.load(code)).filter((edge) => edge.kind === kind);
  // Each edge names a code or a category; only those are loaded.
  return Promise.all(
    edges.map(async (edge) => {
      const [target, category] = await Promise.all([
        edge.targetCode ? loaders.code.load({ system: edge.targetSystem as CodeNode['system'], code: edge.targetCode }) : null,
        edge.targetCategory ? loaders.category.load(edge.targetCategory) : null,
      ]);
      return { kind: edge.kind, text: edge.text, target: target as InstructionalNote['target'], targetCategory: category };
    }),
  );
}

async function listProperty(code: CodeNode, name: string, { loaders }: Context): Promise<string[]> {
  const value = (await loaders.details.load(code))[name];
  return Array.isArray(value) ? (value as string[]) : [];
}

@Resolver(() => Diagnosis)
export class DiagnosisResolver {
  @FieldResolver(() => [InstructionalNote], { description: 'Excludes1 notes: conditions never coded together with this one.' })
  excludes1(@Root() code: CodeNode, @Ctx() context: Context): Promise<InstructionalNote[]> {
    return notesOf(code, NoteKind.EXCLUDES1, context);
  }

  @FieldResolver(() => [InstructionalNote], { description: 'Excludes2 notes: not part of this condition, may be coded together.' })
  excludes2(@Root() code: CodeNode, @Ctx() context: Context): Promise<InstructionalNote[]> {
    return notesOf(code, NoteKind.EXCLUDES2, context);
  }

  @FieldResolver(() => [InstructionalNote], { description: 'Code first notes: the underlying condition to sequence before this code.' })
  codeFirst(@Root() code: CodeNode, @Ctx() context: Context): Promise<InstructionalNote[]> {
    return notesOf(code, NoteKind.CODE_FIRST, context);
  }

  @FieldResolver(() => [InstructionalNote], { description: 'Use additional code notes: codes to add alongside this one.' })
  useAdditional(@Root() code: CodeNode, @Ctx() context: Context): Promise<InstructionalNote[]> {
    return notesOf(code, NoteKind.USE_ADDITIONAL, context);
  }

  @FieldResolver(() => [InstructionalNote], { description: 'Code also notes: a second code that may be needed.' })
  codeAlso(@Root() code: CodeNode, @Ctx() context: Context): Promise<InstructionalNote[]> {
    return notesOf(code, NoteKind.CODE_ALSO, context);
  }

  @FieldResolver(() => [String], { description: 'Includes notes of the tabular list (what the code covers).' })
  includes(@Root() code: CodeNode, @Ctx() context: Context): Promise<string[]> {
    return listProperty(code, 'includes', context);
  }

  @FieldResolver(() => [String], { description: 'Inclusion terms: other conditions coded here ("Endemic goiter NOS").' })
  inclusionTerms(@Root() code: CodeNode, @Ctx() context: Context): Promise<string[]> {
    return listProperty(code, 'inclusionTerms', context);
  }

  @FieldResolver(() => [String], { description: 'Other notes of the tabular entry.' })
  tabularNotes(@Root() code: CodeNode, @Ctx() context: Context): Promise<string[]> {
    return listProperty(code, 'tabularNotes', context);
  }

  @FieldResolver(() => [SevenCharacterExtension], {
    description:
      'The 7th-character values that apply (A initial encounter, D subsequent, S sequela...), from this code or its nearest ancestor that defines them; empty when none apply.',
  })
  async sevenCharacterExtensions(@Root() code: CodeNode, @Ctx() { loaders }: Context): Promise<SevenCharacterExtension[]> {
    const found = await loaders.sevenCharacter.load(code);
    if (!found) return [];
    return found.values.map((character, i) => ({ character, text: found.texts[i] ?? '', definedOn: found.definedOn }));
  }
}
