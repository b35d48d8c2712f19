/** `loopdesk calibrate <ratings.csv>`: rater leniency offsets and calibrated candidate scores, as JSON. */
import { calibrateRatings } from '../../core/calibration/calibrateRatings';
import type { CliCommand } from '../io';
import { cliRatingsRead, cliRound } from './agreement';

export const calibrateCommand: CliCommand = {
  name: 'calibrate',
  summary: 'rater leniency offsets and calibrated candidate scores from a ratings CSV',
  usage: [
    'Usage: loopdesk calibrate <ratings.csv>',
    '',
    'Reads a CSV with the header candidate,interviewer,dimension,rating (an empty rating = no evidence)',
    "and prints each rater's overall leniency offset (shrunk by n/(n+5)) with their number of ratings,",
    "and each candidate's raw and calibrated score (mean over rated dimensions), rounded to 4 decimals.",
  ].join('\n'),
  run: async (args, io) => {
    const read = await cliRatingsRead('calibrate', args, io);
    if (!read.ok) return read.code;
    const calibration = calibrateRatings(read.ratings);
    const raters = Object.fromEntries(
      Object.entries(calibration.raters).map(([id, r]) => [
        id,
        { offset: cliRound(r.overall.offset), ratings: r.ratings },
      ]),
    );
    const candidates = Object.fromEntries(
      Object.entries(calibration.candidates).map(([id, c]) => [
        id,
        { raw: cliRound(c.raw), calibrated: cliRound(c.calibrated) },
      ]),
    );
    io.out(JSON.stringify({ raters, candidates }, null, 2));
    return 0;
  },
};
