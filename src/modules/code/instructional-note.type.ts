import { Field, ObjectType } from 'type-graphql';
import { Category, type CategoryNode } from './category.type';
import { Code, type CodeNode } from './code.type';
import { NoteKind } from './note-kind.enum';
import { NoteLevel } from './note-level.enum';

/** One code or category a note names, by key; the field resolvers load them. */
export interface NoteTargetKey {
  system: string;
  code: string | null;
  category: string | null;
}

/** One note that applies to a code, as code/notes returns it. */
export interface NoteRow {
  kind: NoteKind;
  text: string;
  level: NoteLevel;
  statedOnSystem: string;
  /** The code that states it (the code itself or one above it); null when a category states it. */
  statedOnCode: string | null;
  /** The block or chapter that states it, by category id ("ICD10CM:E08-E13"). */
  statedOnCategory: string | null;
  /** In tabular order; empty for a note that names no code. */
  targets: NoteTargetKey[];
}

@ObjectType({
  description:
    'An instructional note of the tabular list as it applies to a code: its kind, its full text, the codes and categories it names (none for a note that names no code) and where it is stated (a note applies to every code below where it is stated).',
})
export class InstructionalNote {
  @Field(() => NoteKind)
  kind!: NoteKind;

  @Field(() => String, { description: 'The note as written in the tabular list ("type 1 diabetes mellitus (E10.-)").' })
  text!: string;

  @Field(() => [Code], { description: 'The codes the note names, in tabular order; empty when it names none or only categories.' })
  targets!: CodeNode[];

  @Field(() => [Category], { description: 'The blocks or chapters the note names ("(E08-E13)").' })
  targetCategories!: CategoryNode[];

  @Field(() => NoteLevel, { description: 'Where the note is stated: the code, a code above it, its block or its chapter.' })
  level!: NoteLevel;

  @Field(() => Boolean, { description: 'True when the note is stated above the code (on a code above it, its block or its chapter).' })
  inherited!: boolean;

  @Field(() => Code, { nullable: true, description: 'The code that states the note (this code or one above it); null when a block or chapter states it.' })
  statedOnCode!: CodeNode | null;

  @Field(() => Category, { nullable: true, description: 'The block or chapter that states the note; null when a code states it.' })
  statedOnCategory!: CategoryNode | null;

  @Field(() => Code, {
    nullable: true,
    deprecationReason: 'A note names zero, one or several codes: use targets. This is the first of them.',
  })
  target!: CodeNode | null;

  @Field(() => Category, { nullable: true, deprecationReason: 'A note may name several categories: use targetCategories. This is the first of them.' })
  targetCategory!: CategoryNode | null;
}

@ObjectType({ description: 'One value of the 7th character (A: initial encounter).' })
export class SevenCharacterExtension {
  @Field(() => String)
  character!: string;

  @Field(() => String)
  text!: string;

  @Field(() => String, { description: 'The code whose tabular entry defines it (S52 for S52.521A).' })
  definedOn!: string;
}
