import type { CodeSystem } from './code-system.type';
import type { Organization } from './organization.type';
import { CodeRole } from './code-role.enum';
import { SystemRelation } from './system-relation.enum';
import { SystemScope } from './system-scope.enum';
import type { ComparisonAspect, SystemComparison } from './system-comparison.type';

export interface SystemFacts {
  system: CodeSystem;
  maintainers: Organization[];
  adapts: string | null;
}

function aspect(name: string, a: string, b: string): ComparisonAspect {
  return { aspect: name, a, b, same: a === b };
}

function relationOf(a: SystemFacts, b: SystemFacts): SystemRelation {
  if (a.system.id === b.system.id) return SystemRelation.SAME;
  if (a.adapts === b.system.id || b.adapts === a.system.id) return SystemRelation.ADAPTATION;
  if (a.system.role !== b.system.role) return SystemRelation.COMPLEMENTARY;
  return SystemRelation.SAME_ROLE;
}

function summaryOf(relation: SystemRelation, a: CodeSystem, b: CodeSystem): string {
  switch (relation) {
    case SystemRelation.SAME:
      return `${a.shortName} compared with itself.`;
    case SystemRelation.ADAPTATION: {
      const [child, parent] = a.scope === SystemScope.US_ONLY ? [a, b] : [b, a];
      return `No. ${child.shortName} is the US adaptation of ${parent.shortName}: same structure and many shared categories, but ${child.shortName} adds detail, is maintained separately and is the one US claims use.`;
    }
    case SystemRelation.COMPLEMENTARY: {
      const [procedure, diagnosis] = a.role === CodeRole.PROCEDURE ? [a, b] : [b, a];
      return `No. They answer different questions and are used together: ${procedure.shortName} says what was done ("${procedure.questionAnswered}"), ${diagnosis.shortName} says why ("${diagnosis.questionAnswered}"). A claim line pairs a ${procedure.shortName} code with the ${diagnosis.shortName} codes that justify it.`;
    }
    case SystemRelation.SAME_ROLE:
      return `No. Both answer "${a.questionAnswered}", but ${a.shortName} is for ${a.setting.toLowerCase()} and ${b.shortName} for ${b.setting.toLowerCase()}; they are maintained separately and their codes do not overlap.`;
  }
}

/** The side-by-side comparison of two systems, as data. Pure: everything comes in `a` and `b`. */
export function compareSystems(a: SystemFacts, b: SystemFacts): SystemComparison {
  const relation = relationOf(a, b);
  const names = (orgs: Organization[]) => orgs.map((org) => org.abbreviation).join(', ') || 'unknown';
  return {
    a: a.system,
    b: b.system,
    sameSystem: relation === SystemRelation.SAME,
    relation,
    summary: summaryOf(relation, a.system, b.system),
    aspects: [
      aspect('Purpose', a.system.purpose, b.system.purpose),
      aspect('Question answered', a.system.questionAnswered, b.system.questionAnswered),
      aspect('Maintained by', names(a.maintainers), names(b.maintainers)),
      aspect('Format', a.system.format, b.system.format),
      aspect('Example code', a.system.exampleCode, b.system.exampleCode),
      aspect('Primary use', a.system.primaryUse, b.system.primaryUse),
      aspect('Setting', a.system.setting, b.system.setting),
      aspect('Update cadence', a.system.updateCadence, b.system.updateCadence),
      aspect('Scope', a.system.scope, b.system.scope),
    ],
  };
}
