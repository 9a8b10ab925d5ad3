import { Field, InterfaceType, ObjectType } from 'type-graphql';
import { CodeKind } from './code-kind.enum';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { CodeRole } from '../code-system/code-role.enum';
import { Node } from '../node/node.type';

/** A code as the repositories return it; the GraphQL types below describe its public fields. */
export interface CodeNode {
  system: CodeSystemId;
  code: string;
  /** Null for a code no loaded file titles: ICD-9-CM codes, known only from the GEMs (which publish no titles). */
  display: string | null;
  shortDisplay: string | null;
  billable: boolean;
  kind: CodeKind;
  role: CodeRole;
  /** Set on codes no loaded release holds, kept because a policy names them. */
  retired?: boolean;
  /** True when `display` is CPT descriptor text from a licensed AMA file: shown only to licensed callers. */
  licensedDescriptor?: boolean | null;
}

/** The words shown for a code no loaded file titles (ICD-9-CM from the GEMs): never an invented title. */
export function untitledDisplay(code: Pick<CodeNode, 'system' | 'code'>): string {
  return `${code.system} ${code.code}: no title (the GEMs, the only files that bring ${code.system} codes, publish none)`;
}

/** What a caller sees as the title: licensed CPT descriptor text only with a licensed credential, else a placeholder. */
export function visibleDisplay(code: Pick<CodeNode, 'system' | 'code' | 'display' | 'licensedDescriptor'>, licensed: boolean): string {
  if (code.display === null || code.display === undefined) return untitledDisplay(code);
  if (code.licensedDescriptor !== true || licensed) return code.display;
  return `${code.system} ${code.code}: descriptor licensed by the AMA, shown only to callers with a licensed credential`;
}

@InterfaceType('Code', {
  implements: Node,
  description:
    'A code of any system. Diagnoses (ICD-10-CM, ICD-10, ICD-9-CM) and procedures (CPT, HCPCS, ICD-10-PCS, ICD-9-CM Volume 3) are told apart by __typename.',
  resolveType: (value: CodeNode) => (value.role === CodeRole.DIAGNOSIS ? 'Diagnosis' : 'Procedure'),
})
export abstract class Code {
  @Field(() => String, { description: 'Canonical form: upper case, with the dot for ICD-10-CM (E11.9).' })
  code!: string;

  @Field(() => CodeSystemId)
  systemId!: CodeSystemId;

  @Field(() => String, {
    description:
      "Long title. CPT codes show the project's own plain words unless a licensed descriptor file was loaded; licensed descriptor text is shown only to callers whose API key is marked licensed (others get a placeholder naming the code). " +
      'ICD-9-CM codes have no title (the GEMs publish none): their display says so, and hasTitle is false.',
  })
  display!: string;

  @Field(() => String, { nullable: true, description: 'Short title, where the release has one.' })
  shortDisplay!: string | null;

  @Field(() => Boolean, {
    description: 'False when no file the graph loaded publishes a title for the code (ICD-9-CM codes, known only from the GEMs): display then says so.',
  })
  hasTitle!: boolean;

  @Field(() => Boolean, { description: 'True when the code can be reported on a claim (a leaf); false for headers.' })
  billable!: boolean;

  @Field(() => CodeKind)
  kind!: CodeKind;

  @Field(() => CodeRole)
  role!: CodeRole;

  @Field(() => Boolean, {
    description:
      'True for a retired reference: a code no loaded release holds, kept because a policy names it (the NCD lab list is older than the release). Only pairings lead to one.',
  })
  retired!: boolean;
}

@ObjectType({ implements: [Code, Node], description: 'A diagnosis code (ICD-10-CM, ICD-10, ICD-9-CM): why a service was needed.' })
export class Diagnosis extends Code {}

@ObjectType({
  implements: [Code, Node],
  description: 'A procedure, service or supply code (CPT, HCPCS Level II, ICD-10-PCS, ICD-9-CM Volume 3): what was done.',
})
export class Procedure extends Code {}
