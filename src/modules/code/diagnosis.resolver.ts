import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CodeKey } from '../../domain/code-key';
import type { Context } from '../../context';
import { Diagnosis, type CodeNode } from './code.type';
import { InstructionalNote, SevenCharacterExtension } from './instructional-note.type';
import { NoteKind } from './note-kind.enum';
import { NoteLevel } from './note-level.enum';
import type { CategoryNode } from './category.type';

const INHERITED = {
  defaultValue: true,
  description: 'With false, only the notes stated on the code itself; by default also those stated on the codes above it, its block and its chapter.',
};

/** The notes of one kind that apply to the code (its own, and with `inherited` those stated above it), with their targets loaded. */
async function notesOf(code: CodeNode, kind: NoteKind, inherited: boolean, { loaders }: Context): Promise<InstructionalNote[]> {
  const rows = (await loaders.notes.load(code)).filter((row) => row.kind === kind && (inherited || row.level === NoteLevel.CODE));
  return Promise.all(
    rows.map(async (row) => {
      const codeKey = (system: string, value: string): CodeKey => ({ system: system as CodeKey['system'], code: value });
      const [targets, targetCategories, statedOnCode, statedOnCategory] = await Promise.all([
        Promise.all(row.targets.flatMap((t) => (t.code === null ? [] : [loaders.code.load(codeKey(t.system, t.code))]))),
        Promise.all(row.targets.flatMap((t) => (t.category === null ? [] : [loaders.category.load(t.category)]))),
        row.statedOnCode === null ? null : loaders.code.load(codeKey(row.statedOnSystem, row.statedOnCode)),
        row.statedOnCategory === null ? null : loaders.category.load(row.statedOnCategory),
      ]);
      const codes = targets.filter((t): t is CodeNode => t !== null);
      const categories = targetCategories.filter((c): c is CategoryNode => c !== null);
      return {
        kind: row.kind,
        text: row.text,
        targets: codes,
        targetCategories: categories,
        level: row.level,
        inherited: row.level !== NoteLevel.CODE,
        statedOnCode,
        statedOnCategory,
        target: codes[0] ?? null,
        targetCategory: categories[0] ?? null,
      };
    }),
  );
}

async function listProperty(code: CodeNode, name: string, { loaders }: Context): Promise<string[]> {
  const value = (await loaders.details.load(code))[name];
  return Array.isArray(value) ? (value as string[]) : [];
}

@Resolver(() => Diagnosis)
export class DiagnosisResolver {
  @FieldResolver(() => [InstructionalNote], { description: 'Excludes1 notes that apply: conditions never coded together with this one.' })
  excludes1(@Root() code: CodeNode, @Arg('inherited', () => Boolean, INHERITED) inherited: boolean, @Ctx() context: Context): Promise<InstructionalNote[]> {
    return notesOf(code, NoteKind.EXCLUDES1, inherited, context);
  }

  @FieldResolver(() => [InstructionalNote], { description: 'Excludes2 notes: not part of this condition, may be coded together.' })
  excludes2(@Root() code: CodeNode, @Arg('inherited', () => Boolean, INHERITED) inherited: boolean, @Ctx() context: Context): Promise<InstructionalNote[]> {
    return notesOf(code, NoteKind.EXCLUDES2, inherited, context);
  }

  @FieldResolver(() => [InstructionalNote], { description: 'Code first notes: the underlying condition to sequence before this code.' })
  codeFirst(@Root() code: CodeNode, @Arg('inherited', () => Boolean, INHERITED) inherited: boolean, @Ctx() context: Context): Promise<InstructionalNote[]> {
    return notesOf(code, NoteKind.CODE_FIRST, inherited, context);
  }

  @FieldResolver(() => [InstructionalNote], { description: 'Use additional code notes: codes to add alongside this one.' })
  useAdditional(@Root() code: CodeNode, @Arg('inherited', () => Boolean, INHERITED) inherited: boolean, @Ctx() context: Context): Promise<InstructionalNote[]> {
    return notesOf(code, NoteKind.USE_ADDITIONAL, inherited, context);
  }

  @FieldResolver(() => [InstructionalNote], { description: 'Code also notes: a second code that may be needed.' })
  codeAlso(@Root() code: CodeNode, @Arg('inherited', () => Boolean, INHERITED) inherited: boolean, @Ctx() context: Context): Promise<InstructionalNote[]> {
    return notesOf(code, NoteKind.CODE_ALSO, inherited, context);
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
