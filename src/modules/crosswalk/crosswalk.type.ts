import { Field, Int, ObjectType } from 'type-graphql';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { Code, type CodeNode } from '../code/code.type';

@ObjectType({
  description: 'One entry of a GEM file (General Equivalence Mappings, CMS/CDC, FY2018): a source code, a target code and every flag of the entry.',
})
export class CodeMapping {
  @Field(() => Code, { description: 'The code mapped from.' })
  source!: CodeNode;

  @Field(() => Code, { nullable: true, description: 'The code mapped to; null for a "no map" entry.' })
  target!: CodeNode | null;

  @Field(() => CodeSystemId, { description: 'The source system of the GEM file.' })
  from!: CodeSystemId;

  @Field(() => CodeSystemId, { description: 'The target system of the GEM file.' })
  to!: CodeSystemId;

  @Field(() => Boolean, { description: 'Approximate flag: the entry is not an identical match.' })
  approximate!: boolean;

  @Field(() => Boolean, {
    description:
      'No map flag as the file writes it: the GEM names no target code for the source (29 PCS entries name none with this flag 0; target is null for them too).',
  })
  noMap!: boolean;

  @Field(() => Boolean, { description: 'Combination flag: the source needs several target codes together (one from each choice list of its scenario).' })
  combination!: boolean;

  @Field(() => Int, { description: 'Scenario: the variation of the source meaning this entry belongs to (0 when not a combination).' })
  scenario!: number;

  @Field(() => Int, { description: 'Choice list: which list of the scenario the target is an option of (0 when not a combination).' })
  choiceList!: number;

  @Field(() => String, { description: 'The 5-digit flag field as the file writes it: approximate, no map, combination, scenario, choice list ("10112").' })
  flags!: string;

  @Field(() => String, { description: 'The flags in words.' })
  meaning!: string;

  @Field(() => String, { description: 'The GEM file the entry comes from, as imported (2018_I9gem.txt).' })
  sourceFile!: string;

  @Field(() => String, { description: 'The GEM release year (2018: the last one CMS/CDC published).' })
  gemVersion!: string;
}

@ObjectType({ description: 'One choice list of a combination scenario: pick one of its options.' })
export class MappingChoiceList {
  @Field(() => Int)
  choiceList!: number;

  @Field(() => [CodeMapping])
  options!: CodeMapping[];
}

@ObjectType({ description: 'One scenario of a combination entry: one code from each of its choice lists, together, stand for the source code.' })
export class MappingScenario {
  @Field(() => Int)
  scenario!: number;

  @Field(() => [MappingChoiceList])
  choiceLists!: MappingChoiceList[];

  @Field(() => String, { description: 'The scenario in words.' })
  meaning!: string;
}

@ObjectType({ description: 'What the GEM of one direction says about one code: its candidate codes, their flags, and the combination scenarios.' })
export class Translation {
  @Field(() => Code, { description: 'The code translated (it may be a retired reference: the GEMs are FY2018).' })
  code!: CodeNode;

  @Field(() => CodeSystemId)
  from!: CodeSystemId;

  @Field(() => CodeSystemId)
  to!: CodeSystemId;

  @Field(() => [CodeMapping], { description: 'Every entry of the GEM for the code, in scenario and choice-list order, then code order.' })
  candidates!: CodeMapping[];

  @Field(() => [Code], { description: 'The distinct target codes of the entries (none for "no map").' })
  targets!: CodeNode[];

  @Field(() => Boolean, { description: 'The GEM says the code has no map in the target system (its entries name no target code).' })
  noMap!: boolean;

  @Field(() => Boolean, { description: 'Every entry is a combination: the code needs one target from each choice list of a scenario.' })
  combination!: boolean;

  @Field(() => [MappingScenario], { description: 'For combination entries: the scenarios, each with its choice lists (one code from each). Empty otherwise.' })
  scenarios!: MappingScenario[];

  @Field(() => String, { description: 'The answer in words.' })
  summary!: string;
}
