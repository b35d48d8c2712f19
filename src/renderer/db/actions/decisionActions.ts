/** The committee's decision: recorded apart from the mechanical recommendation, and audited. */
import { decisionSchema, type Decision, type DecisionOutcome } from '../../../core/model/records';
import type { DecisionEvidence } from '../../../core/audience/decisionEvidence';
import type { AppDb } from '../appDb';
import { auditWrite } from './auditActions';
import { profileCurrent } from './profileActions';

export async function decisionRecord(
  db: AppDb,
  input: {
    candidateId: string;
    loopId: string;
    outcome: DecisionOutcome;
    level: string | null;
    rationale: string;
    decidedBy: string;
    reportInputsHash: string;
    /** What the report showed (see `decisionEvidenceOf`), so the decision can tell when it changes. */
    evidence?: DecisionEvidence;
  },
  now: number,
): Promise<Decision> {
  const recorder = await profileCurrent(db);
  const decision = decisionSchema.parse({
    id: crypto.randomUUID(),
    candidateId: input.candidateId,
    loopId: input.loopId,
    outcome: input.outcome,
    level: input.outcome === 'hire' ? input.level : null,
    rationale: input.rationale,
    decidedBy: input.decidedBy,
    decidedAt: now,
    ...(recorder ? { recordedById: recorder.id } : {}),
    ...(input.evidence ? { evidence: input.evidence } : {}),
  });
  await db.transaction('rw', db.decisions, db.audit, async () => {
    await db.decisions.add(decision);
    await auditWrite(db, {
      at: now,
      actor: input.decidedBy,
      action: 'decision.recorded',
      subject: decision.id,
      details: { outcome: decision.outcome, level: decision.level, reportInputsHash: input.reportInputsHash },
    });
  });
  return decision;
}
