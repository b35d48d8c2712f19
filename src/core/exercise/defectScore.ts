/**
 * Artifact review scoring: found / total, and a severity-weighted score in which a critical
 * defect counts four times a low one, so finding the dangerous defects matters more than the count.
 */
import type { DefectFinding } from '../model/records';
import type { Defect, Severity } from '../rubric/schema';

export const defectSeverityWeight: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };

export interface DefectReviewSummary {
  found: number;
  total: number;
  /** Sum of found defects' weights over the sum of all weights, 0-1. */
  weightedScore: number;
  /** Unfound defects, most severe first: what the candidate missed. */
  missed: Defect[];
  bySeverity: Record<Severity, { found: number; total: number }>;
}

export function defectReviewSummary(defects: readonly Defect[], findings: readonly Pick<DefectFinding, 'defectId'>[]): DefectReviewSummary {
  const found = new Set(findings.map((f) => f.defectId));
  const bySeverity: DefectReviewSummary['bySeverity'] = {
    critical: { found: 0, total: 0 },
    high: { found: 0, total: 0 },
    medium: { found: 0, total: 0 },
    low: { found: 0, total: 0 },
  };
  let weightFound = 0;
  let weightTotal = 0;
  let foundCount = 0;
  for (const defect of defects) {
    const weight = defectSeverityWeight[defect.severity];
    weightTotal += weight;
    bySeverity[defect.severity].total += 1;
    if (found.has(defect.id)) {
      weightFound += weight;
      foundCount += 1;
      bySeverity[defect.severity].found += 1;
    }
  }
  const missed = defects
    .filter((d) => !found.has(d.id))
    .sort((a, b) => defectSeverityWeight[b.severity] - defectSeverityWeight[a.severity]);
  return {
    found: foundCount,
    total: defects.length,
    weightedScore: weightTotal === 0 ? 0 : weightFound / weightTotal,
    missed,
    bySeverity,
  };
}
