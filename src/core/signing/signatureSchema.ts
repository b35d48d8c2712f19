/**
 * The shape of a bundle's `signature` envelope, apart from the signing code so the bundle schema
 * can name it without importing what signs.
 */
import { z } from 'zod';

const hexSchema = (bytes: number) =>
  z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `must be ${bytes} bytes as lower-case hex`);

/** Who signed: a Loopdesk profile (and the interviewer it is, if any), with its public key. */
export const bundleSignerSchema = z.strictObject({
  /** The signing profile's stable id (one key pair per profile). */
  profileId: z.string().min(1).max(100),
  /** The interviewer record this profile acts as, when it is one. */
  interviewerId: z.string().min(1).max(100).nullable(),
  /** The name shown to people who import the bundle. */
  name: z.string().trim().min(1).max(200),
  /** Raw 32-byte Ed25519 public key, hex. */
  publicKey: hexSchema(32),
});
export type BundleSigner = z.infer<typeof bundleSignerSchema>;

export const bundleSignatureSchema = z.strictObject({
  alg: z.literal('Ed25519'),
  signer: bundleSignerSchema,
  /** 64-byte Ed25519 signature, hex. */
  value: hexSchema(64),
});
export type BundleSignature = z.infer<typeof bundleSignatureSchema>;
