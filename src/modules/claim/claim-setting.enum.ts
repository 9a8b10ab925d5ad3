import { registerEnumType } from 'type-graphql';
import { ClaimSetting } from '../../domain/claim';

registerEnumType(ClaimSetting, {
  name: 'ClaimSetting',
  description:
    "Where the claim's services were given: it decides which code set its procedures must use and which NCCI tables (PTP, MUE) apply. " +
    'Hospitals report inpatient procedures with ICD-10-PCS; physician offices and outpatient services with CPT/HCPCS.',
  valuesConfig: {
    PROFESSIONAL: {
      description: "A practitioner's claim (CMS-1500 / 837P): CPT/HCPCS procedures, the practitioner PTP edits (ccipra) and the practitioner services MUEs.",
    },
    OUTPATIENT_HOSPITAL: {
      description: 'A hospital outpatient claim: CPT/HCPCS procedures, the hospital outpatient PTP edits (ccioph) and the outpatient hospital services MUEs.',
    },
    INPATIENT_FACILITY: { description: 'A hospital inpatient claim: procedures in ICD-10-PCS. NCCI PTP edits and MUEs do not apply.' },
    DME_SUPPLIER: { description: "A DME supplier's claim: HCPCS codes and the DME supplier services MUEs (no PTP table is read for it)." },
  },
});

// Declared in src/domain (no framework there); registered here.
export { ClaimSetting };
