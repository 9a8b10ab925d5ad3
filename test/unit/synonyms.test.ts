import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findSynonyms, parseSynonyms, SYNONYMS_FILE, synonyms } from '../../src/modules/search/synonyms';

describe('the synonyms file (issue 17)', () => {
  const table = synonyms();

  it('holds a few hundred entries, each with a source note', () => {
    expect(table.size).toBeGreaterThanOrEqual(300);
    expect([...table.values()].every((e) => e.source.length > 0 && e.expansions.length > 0)).toBe(true);
  });

  it('has the abbreviations and lay words the issue names', () => {
    const expected: Record<string, string> = {
      copd: 'chronic obstructive pulmonary disease',
      uti: 'urinary tract infection',
      chf: 'congestive heart failure',
      afib: 'atrial fibrillation',
      gerd: 'gastro esophageal reflux disease',
      mi: 'acute myocardial infarction',
      htn: 'hypertension',
      dm2: 'type 2 diabetes mellitus',
      ckd: 'chronic kidney disease',
      uri: 'acute upper respiratory infection',
      bph: 'benign prostatic hyperplasia',
      dvt: 'deep vein thrombosis',
      pe: 'pulmonary embolism',
      cabg: 'coronary artery bypass',
      'heart attack': 'acute myocardial infarction',
      'high blood pressure': 'hypertension',
      broken: 'fracture',
      'strep throat': 'streptococcal pharyngitis',
    };
    for (const [term, expansion] of Object.entries(expected)) expect(table.get(term)?.expansions[0]?.join(' '), term).toBe(expansion);
  });

  it('reads the data lines of the file as written: three tab-separated fields each', () => {
    const dataLines = readFileSync(SYNONYMS_FILE, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
      .slice(1);
    expect(dataLines.every((l) => l.split('\t').length === 3)).toBe(true);
  });

  it('refuses a line without a source note, naming the line', () => {
    expect(() => parseSynonyms('term\texpansions\tsource\ncopd\tchronic obstructive pulmonary disease\t\n', 'x.tsv')).toThrow(
      'x.tsv line 2: expected a source note',
    );
    expect(() => parseSynonyms('copd\tx\ty\n', 'x.tsv')).toThrow(/expected the header/);
  });

  it('finds the longest term first, left to right', () => {
    const found = findSynonyms(['high', 'blood', 'pressure', 'and', 'copd']);
    expect(found.map((m) => m.entry.term)).toEqual(['high blood pressure', 'copd']);
  });
});
