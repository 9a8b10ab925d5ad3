/**
 * HCPCS Level II sections by first letter, as CMS groups the alpha-numeric file. The titles of the
 * letters in the bundled sample (data/sample/categories.json) are the same words (a test checks).
 */
export const HCPCS_SECTIONS: Readonly<Record<string, string>> = {
  A: 'Transportation services, medical and surgical supplies',
  B: 'Enteral and parenteral therapy',
  C: 'Outpatient prospective payment system (temporary)',
  D: 'Dental procedures',
  E: 'Durable medical equipment',
  G: 'Procedures and professional services (temporary)',
  H: 'Alcohol and drug abuse treatment and behavioral health services',
  J: 'Drugs administered other than oral method',
  K: 'Durable medical equipment for Medicare administrative contractors (temporary)',
  L: 'Orthotic and prosthetic procedures and devices',
  M: 'Medical services and quality measures',
  P: 'Pathology and laboratory services',
  Q: 'Temporary codes',
  R: 'Diagnostic radiology services',
  S: 'Temporary national codes (non-Medicare)',
  T: 'National codes established for state Medicaid agencies',
  U: 'Coronavirus diagnostic panel and laboratory tests',
  V: 'Vision, hearing and speech-language pathology services',
};
