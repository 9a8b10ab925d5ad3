import type { NcciSetting } from './ptp.parser';

/** A CMS claim-edit file recognized by its published name. */
export type CmsFile =
  { kind: 'ptp'; setting: NcciSetting; version: string; part: number } | { kind: 'mue'; setting: NcciSetting; version: string } | { kind: 'mcdArticles' };

const PTP = /^(ccipra|ccioph)-v(\d{2})(\d)r(\d+)-f(\d+)\.(txt|xlsx|zip)$/i;
const MUE = /^MCR_MUE_(Practitioner|OutpatientHospital|DMESupplier)Services_Eff_(\d{2})-(\d{2})-(\d{4})\.(csv|xlsx|zip)$/i;
const MUE_ZIP = /^medicare-ncci-(\d{4})-q([1-4])-(practitioner|outpatient-hospital|dme-supplier)-services-mue-table\.zip$/i;
const MCD = /^current_article(_csv)?\.zip$/i;

const MUE_SETTING: Record<string, NcciSetting> = { practitioner: 'PRACTITIONER', outpatienthospital: 'OUTPATIENT_HOSPITAL', dmesupplier: 'DME_SUPPLIER' };

/**
 * What a file is, by its CMS name: `ccipra-v321r0-f1.txt` (practitioner PTP, version 32.1 revision
 * 0, part 1; also .xlsx or its .zip), `ccioph-…` (hospital outpatient PTP),
 * `MCR_MUE_PractitionerServices_Eff_01-01-2026.csv` (and the outpatient hospital and DME supplier
 * tables; .xlsx; CMS's zips of them), `current_article.zip` (the Medicare Coverage Database
 * current-article download). Null for any other name.
 */
export function recognizeCms(fileName: string): CmsFile | null {
  const ptp = PTP.exec(fileName);
  if (ptp) {
    return {
      kind: 'ptp',
      setting: ptp[1].toLowerCase() === 'ccipra' ? 'PRACTITIONER' : 'OUTPATIENT_HOSPITAL',
      version: `${Number(ptp[2])}.${ptp[3]}r${ptp[4]}`,
      part: Number(ptp[5]),
    };
  }
  const mue = MUE.exec(fileName);
  if (mue) return { kind: 'mue', setting: MUE_SETTING[mue[1].toLowerCase()], version: `${mue[4]}-${mue[2]}-${mue[3]}` };
  const mueZip = MUE_ZIP.exec(fileName);
  if (mueZip) return { kind: 'mue', setting: MUE_SETTING[mueZip[3].toLowerCase().replace('-', '')], version: `${mueZip[1]}Q${mueZip[2]}` };
  return MCD.test(fileName) ? { kind: 'mcdArticles' } : null;
}
