/**
 * One practice run: an interviewer scoring a pack's practice case (SPEC: practice mode). Stored in
 * its own table, never read by reports, bundles, backups or calibration.
 */
export interface PracticeRunRow {
  id: string;
  interviewerId: string;
  packId: string;
  caseId: string;
  startedAt: number;
  /** Null while the run is open; set once when it is sealed and compared with the key. */
  sealedAt: number | null;
  /** Rating per dimension id; null = "no evidence". */
  ratings: Record<string, number | null>;
  /** Signal ids the interviewer tagged. */
  signalIds: string[];
  notes: string;
}
