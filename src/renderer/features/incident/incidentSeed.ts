import { sha256Hex } from '../../../core/crypto/sha256';

/**
 * The default noise seed of an interview's run: the first 32 bits of the SHA-256 of its id, so a
 * run is reproducible from the interview alone and two candidates do not see identical noise.
 */
export function incidentSeedFor(interviewId: string): number {
  return Number.parseInt(sha256Hex(interviewId).slice(0, 8), 16) >>> 0;
}
