import type { PracticeScore } from '../../../core/practice/practiceScore';

/**
 * One practice run: an interviewer scoring a pack's practice case (SPEC: practice mode). Stored in
 * its own table, never read by reports, bundles, backups or calibration, and never audited (the
 * audit log travels in bundles, and its head drives the pool statistics).
 */
export interface PracticeRunRow {
  id: string;
  interviewerId: string;
  packId: string;
  caseId: string;
  startedAt: number;
  /** Null while the run is open; set once when it is sealed and compared with the key. */
  sealedAt: number | null;
  /** Rating per dimension id; null = "no evidence"; a dimension not in the record is unrated. */
  ratings: Record<string, number | null>;
  /** Signal ids the interviewer tagged. */
  signalIds: string[];
  notes: string;
  /** The kit section being read (the transcript shown); absent = the kit's first section. */
  sectionId?: string;
  /**
   * The comparison with the expert key as it was when the run was sealed: what the interviewer
   * saw, kept even if a later pack version revises the key or drops the case.
   */
  score?: PracticeScore;
}
