import { registerEnumType } from 'type-graphql';
import { MueAdjudication, NcciSetting, PtpModifierIndicator } from '../../domain/ncci';

registerEnumType(NcciSetting, {
  name: 'NcciSetting',
  description: 'The setting of a CMS NCCI table, as its file name says.',
  valuesConfig: {
    PRACTITIONER: { description: 'Practitioner PTP edits (ccipra-…) or practitioner services MUEs.' },
    OUTPATIENT_HOSPITAL: { description: 'Hospital outpatient PTP edits (ccioph-…) or outpatient hospital services MUEs.' },
    DME_SUPPLIER: { description: 'DME supplier services MUEs.' },
  },
});

registerEnumType(PtpModifierIndicator, {
  name: 'PtpModifierIndicator',
  description: 'The modifier indicator of an NCCI procedure-to-procedure edit.',
  valuesConfig: {
    NOT_ALLOWED: { description: '0: the two codes are never paid together on the same date; no modifier bypasses the edit.' },
    ALLOWED: { description: '1: the column 2 code is denied unless a clinically appropriate NCCI-associated modifier is reported.' },
    NOT_APPLICABLE: { description: '9: the edit does not apply (deleted retroactively).' },
  },
});

registerEnumType(MueAdjudication, {
  name: 'MueAdjudication',
  description: 'The adjudication indicator of a medically unlikely edit (MAI).',
  valuesConfig: {
    LINE: { description: '1: line edit, the units of each claim line are checked on their own.' },
    DATE_OF_SERVICE_POLICY: { description: '2: date of service edit (policy): the units of the code on all lines of the date are added up.' },
    DATE_OF_SERVICE_CLINICAL: { description: '3: date of service edit (clinical): the units of the code on all lines of the date are added up.' },
  },
});

// Declared in src/domain (no framework there); registered here.
export { MueAdjudication, NcciSetting, PtpModifierIndicator };
