/**
 * Every input limit Loopdesk enforces, in one place. Main, the CLI, web mode and the renderer's
 * workers import these; nothing else may spell a limit as a literal.
 *
 * Byte limits are counted as bytes arrive (never trusted from `stat`, which says 0 for
 * `/dev/zero` and pipes). Text limits are JavaScript string lengths (UTF-16 code units).
 */

const MiB = 1024 * 1024;

/** One rubric YAML file or artifact file. */
export const RUBRIC_MAX_FILE_BYTES = 2 * MiB;
/** All files of one rubric pack together. */
export const RUBRIC_MAX_PACK_BYTES = 20 * MiB;
/** Files in one rubric pack folder (YAML and artifacts). */
export const RUBRIC_MAX_PACK_FILES = 500;

/** One bundle file (`*.loopdesk`): big enough for a backup of 25,000 interviews. */
export const BUNDLE_MAX_BYTES = 500 * 1000 * 1000;
/**
 * One file in the exchange folder (a sealed interview, amendment, decision or tombstone): an
 * interview with its versions and evidence fits many times over. Readers (web and desktop) and the
 * desktop writer refuse anything larger.
 */
export const EXCHANGE_FILE_MAX_BYTES = 20 * MiB;
/** Deepest nesting of arrays/objects in a bundle (the document's own brackets are level 1). */
export const BUNDLE_MAX_DEPTH = 32;
/** Deepest nesting of arrays/objects accepted in other JSON input (version snapshots, CLI JSON). */
export const JSON_MAX_DEPTH = 64;

/** A ratings CSV given to `loopdesk agreement` / `calibrate`. */
export const RATINGS_CSV_MAX_BYTES = 50 * MiB;

/** A practice run given to `loopdesk practice` (a rating per dimension and the signals tagged). */
export const PRACTICE_RUN_MAX_BYTES = 1 * MiB;

/** An interviewer's key takeaways, written at submit beside the overall recommendation. */
export const KEY_TAKEAWAYS_MAX_LENGTH = 2000;

/** Human-readable size for a refusal message: "2 MiB", "500 MB". */
export function limitText(bytes: number): string {
  if (bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes % 1_000_000 === 0) return `${bytes / 1_000_000} MB`;
  return `${bytes} bytes`;
}
