/** `loopdesk agreement <ratings.csv>`: inter-rater agreement per dimension, as JSON. */
import { resolve } from 'node:path';
import {
  calibrateRatings,
  type DimensionAgreement,
  type RatingObservation,
} from '../../core/calibration/calibrateRatings';
import { ratingScaleParse, ratingsCsvParse, type RatingScale } from '../../core/calibration/ratingsCsv';
import { RATINGS_CSV_MAX_BYTES } from '../../core/limits/inputLimits';
import { textForDisplay } from '../../core/canonical/displayText';
import { cliParseArgs, cliReadText, type CliCommand, type CliIo } from '../io';

/** Rounds to 4 decimals for printing (−0 printed as 0). */
export function cliRound(x: number | null): number | null {
  if (x === null) return null;
  const rounded = Math.round(x * 1e4) / 1e4;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Reads and parses the ratings CSV named by the single positional argument (`--scale min..max`
 * sets the rating scale, 1..4 by default). The file is read with a byte cap counted as it arrives
 * and must be UTF-8. On a problem, reports one line on stderr and returns the exit code instead:
 * 2 for usage, 1 for an unreadable or bad file.
 */
export async function cliRatingsRead(
  command: string,
  args: string[],
  io: CliIo,
): Promise<{ ok: true; ratings: RatingObservation[] } | { ok: false; code: number }> {
  const { positional, values, unknown } = cliParseArgs(args, { values: ['scale'] });
  if (unknown.length > 0 || positional.length !== 1) {
    const problem =
      unknown[0] ??
      (positional.length === 0 ? 'needs the path of a ratings CSV' : `takes one file, got ${positional.length}`);
    io.err(
      `loopdesk ${command}: ${textForDisplay(problem)}. Usage: loopdesk ${command} <ratings.csv> [--scale min..max]`,
    );
    return { ok: false, code: 2 };
  }
  let scale: RatingScale | undefined;
  if (values['scale'] !== undefined) {
    const parsedScale = ratingScaleParse(values['scale']);
    if (!parsedScale.ok) {
      io.err(`loopdesk ${command}: ${parsedScale.message}`);
      return { ok: false, code: 2 };
    }
    scale = parsedScale.value;
  }
  const file = positional[0]!;
  const read = await cliReadText(resolve(io.cwd, file), { maxBytes: RATINGS_CSV_MAX_BYTES, shownAs: file });
  if (!read.ok) {
    io.err(`loopdesk ${command}: ${read.message}`);
    return { ok: false, code: 1 };
  }
  const parsed = ratingsCsvParse(read.value, file, scale ? { scale } : {});
  if (!parsed.ok) {
    const more =
      parsed.issues.length > 1
        ? ` (and ${parsed.issues.length - 1} more problem${parsed.issues.length > 2 ? 's' : ''})`
        : '';
    io.err(`loopdesk ${command}: ${parsed.issues[0]!.message}${more}`);
    return { ok: false, code: 1 };
  }
  return { ok: true, ratings: parsed.value };
}

function agreementJson(a: DimensionAgreement) {
  return {
    candidates: a.candidates,
    raters: a.raters,
    ratings: a.ratings,
    krippendorffAlpha: {
      nominal: cliRound(a.krippendorffAlpha.nominal.alpha),
      ordinal: cliRound(a.krippendorffAlpha.ordinal.alpha),
      interval: cliRound(a.krippendorffAlpha.interval.alpha),
    },
    icc: a.icc.ok
      ? {
          ICC1: cliRound(a.icc.value.ICC1),
          ICC2: cliRound(a.icc.value.ICC2),
          ICC3: cliRound(a.icc.value.ICC3),
          ICC1k: cliRound(a.icc.value.ICC1k),
          ICC2k: cliRound(a.icc.value.ICC2k),
          ICC3k: cliRound(a.icc.value.ICC3k),
        }
      : null,
  };
}

export const agreementCommand: CliCommand = {
  name: 'agreement',
  summary: "inter-rater agreement per dimension (Krippendorff's alpha, ICC) from a ratings CSV",
  usage: [
    'Usage: loopdesk agreement <ratings.csv> [--scale min..max]',
    '',
    'Reads a CSV with the header candidate,interviewer,dimension,rating (an empty rating = no evidence;',
    'otherwise a whole number on the scale, 1..4 unless --scale says otherwise)',
    "and prints, per dimension, Krippendorff's alpha (nominal, ordinal, interval; null when undefined)",
    'and the Shrout & Fleiss ICCs (null unless every rater rated every candidate), rounded to 4 decimals.',
  ].join('\n'),
  run: async (args, io) => {
    const read = await cliRatingsRead('agreement', args, io);
    if (!read.ok) return read.code;
    const calibration = calibrateRatings(read.ratings);
    const dimensions = Object.fromEntries(
      Object.entries(calibration.dimensions).map(([id, agreement]) => [id, agreementJson(agreement)]),
    );
    io.out(JSON.stringify({ dimensions }, null, 2));
    return 0;
  },
};
