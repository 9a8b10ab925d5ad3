import { registerEnumType } from 'type-graphql';
import { CodeSystemId } from '../../domain/code-system-id';

registerEnumType(CodeSystemId, {
  name: 'CodeSystemId',
  description: 'A code system in the graph.',
  valuesConfig: {
    CPT: { description: 'Current Procedural Terminology (AMA): what service or procedure was done.' },
    ICD10CM: { description: 'ICD-10-CM (CDC/NCHS): diagnoses, why the service was needed.' },
    ICD10PCS: { description: 'ICD-10-PCS (CMS): hospital inpatient procedures.' },
    HCPCS: { description: 'HCPCS Level II (CMS): supplies, drugs and services not in CPT.' },
    ICD10: { description: 'WHO ICD-10, the international classification that ICD-10-CM adapts.' },
    ICD9CM: { description: 'ICD-9-CM Volumes 1-2 (diagnoses), the US system before ICD-10-CM: codes from the GEMs, which publish no titles.' },
    ICD9CM_PROC: {
      description: 'ICD-9-CM Volume 3 (inpatient procedures), the US system before ICD-10-PCS: codes from the GEMs, which publish no titles.',
    },
  },
});

export { CodeSystemId };
