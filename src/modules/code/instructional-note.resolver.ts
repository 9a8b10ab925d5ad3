import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Category, type CategoryNode } from './category.type';
import { Code, type CodeNode } from './code.type';
import { InstructionalNote } from './instructional-note.type';

async function codeTargets(note: InstructionalNote, { loaders }: Context): Promise<CodeNode[]> {
  const keys = note.edge.targets.filter((t) => t.code !== null);
  const found = await Promise.all(keys.map((t) => loaders.code.load({ system: t.system as CodeNode['system'], code: t.code! })));
  return found.filter((c): c is CodeNode => c !== null);
}

async function categoryTargets(note: InstructionalNote, { loaders }: Context): Promise<CategoryNode[]> {
  const found = await Promise.all(note.edge.targets.filter((t) => t.category !== null).map((t) => loaders.category.load(t.category!)));
  return found.filter((c): c is CategoryNode => c !== null);
}

@Resolver(() => InstructionalNote)
export class InstructionalNoteResolver {
  @FieldResolver(() => [Code], { description: 'The codes the note names, in its order; empty when it names none (or only categories).' })
  targets(@Root() note: InstructionalNote, @Ctx() context: Context): Promise<CodeNode[]> {
    return codeTargets(note, context);
  }

  @FieldResolver(() => [Category], { description: 'The blocks and chapters the note names ("(E08-E13)").' })
  targetCategories(@Root() note: InstructionalNote, @Ctx() context: Context): Promise<CategoryNode[]> {
    return categoryTargets(note, context);
  }

  @FieldResolver(() => Code, { nullable: true, deprecationReason: 'A note may name several codes: use targets. This gives the first.' })
  async target(@Root() note: InstructionalNote, @Ctx() context: Context): Promise<CodeNode | null> {
    return (await codeTargets(note, context))[0] ?? null;
  }

  @FieldResolver(() => Category, { nullable: true, deprecationReason: 'A note may name several categories: use targetCategories. This gives the first.' })
  async targetCategory(@Root() note: InstructionalNote, @Ctx() context: Context): Promise<CategoryNode | null> {
    return (await categoryTargets(note, context))[0] ?? null;
  }
}
