import { sha256Hex } from '../../../core/crypto/sha256';

/**
 * Blind mode: a stable neutral label per candidate ("Candidate K7Q"), derived from the id so the
 * same person keeps the same label across screens without revealing order of entry.
 */
export function blindLabel(candidateId: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const hex = sha256Hex(`loopdesk-blind:${candidateId}`);
  let out = '';
  for (let i = 0; i < 3; i++) out += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
  return `Candidate ${out}`;
}
