import { describe, expect, it } from 'vitest';
import {
  iccBands,
  iccInterpret,
  krippendorffAlphaBands,
  krippendorffAlphaInterpret,
} from '../../../../src/core/calibration/reliabilityBands';
import { studentTQuantile } from '../../../../src/core/calibration/studentT';

describe('reliability bands', () => {
  it('reads ICC values with Koo & Li (2016)', () => {
    expect(iccInterpret(0.49)?.id).toBe('poor');
    expect(iccInterpret(0.5)?.id).toBe('moderate');
    expect(iccInterpret(0.74)?.id).toBe('moderate');
    expect(iccInterpret(0.75)?.id).toBe('good');
    expect(iccInterpret(0.909)?.id).toBe('excellent');
    expect(iccInterpret(-0.2)?.id).toBe('poor');
    expect(iccInterpret(null)).toBeNull();
    expect(iccBands.citation).toMatch(/Koo.*Li.*2016/);
  });

  it("reads alpha with Krippendorff's (2004) .667 and .800 cut-offs", () => {
    expect(krippendorffAlphaInterpret(0.666)?.id).toBe('unreliable');
    expect(krippendorffAlphaInterpret(0.667)?.id).toBe('tentative');
    expect(krippendorffAlphaInterpret(0.799)?.id).toBe('tentative');
    expect(krippendorffAlphaInterpret(0.8)?.id).toBe('reliable');
    expect(krippendorffAlphaInterpret(1)?.id).toBe('reliable');
    expect(krippendorffAlphaInterpret(null)).toBeNull();
    expect(krippendorffAlphaBands.citation).toMatch(/Krippendorff.*2004/);
  });
});

describe("Student's t quantiles", () => {
  it('match printed tables', () => {
    expect(studentTQuantile(0.95, 1)).toBeCloseTo(6.314, 3);
    expect(studentTQuantile(0.95, 2)).toBeCloseTo(2.92, 3);
    expect(studentTQuantile(0.95, 3)).toBeCloseTo(2.353, 3);
    expect(studentTQuantile(0.95, 10)).toBeCloseTo(1.812, 3);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
    expect(studentTQuantile(0.05, 4)).toBeCloseTo(-2.132, 3);
  });
});
