import { describe, expect, it } from 'vitest';
import { HCPCS_SECTIONS } from '../../src/import/official/hcpcs-sections';
import { readSample } from '../../src/import/sample-source';

describe('HCPCS letter sections', () => {
  it('use the same titles as the bundled sample, so loading either never flips them', () => {
    const sample = readSample().categories.filter((c) => c.system === 'HCPCS');
    expect(sample.length).toBeGreaterThan(0);
    for (const category of sample) expect(HCPCS_SECTIONS[category.code]).toBe(category.title);
  });
});
