import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Diagnosis, type CodeNode } from './code.type';
import { InstructionalNote } from './instructional-note.type';
import { NoteKind } from './note-kind.enum';

async function notesOf(code: CodeNode, kind: NoteKind, { loaders }: Context): Promise<InstructionalNote[]> {
  const edges = (await loaders.notes.load(code)).filter((edge) => edge.kind === kind);
  const targets = await loaders.code.loadMany(edges.map((e) => ({ system: e.targetSystem as CodeNode['system'], code: e.targetCode })));
  return edges.map((edge, i) => {
    const target = targets[i];
    if (target instanceof Error) throw target;
    return { kind: edge.kind, text: edge.text, target: (target ?? null) as InstructionalNote['target'] };
  });
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
}
