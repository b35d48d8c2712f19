/** `loopdesk calibrate <ratings.csv> [--text]`: rater leniency offsets and calibrated candidate scores. */
import { calibrateRatings, type Calibration } from '../../core/calibration/calibrateRatings';
import { textForDisplay } from '../../core/canonical/displayText';
import type { CliCommand } from '../io';
import { cliRatingsRead, cliRound } from './agreement';

const shrinkageSourceText = { data: 'chosen by the data', option: 'as given', default: 'the default' } as const;

function calibrationJson(calibration: Calibration) {
  const raters = Object.fromEntries(
    Object.entries(calibration.raters).map(([id, r]) => [
      id,
      { offset: cliRound(r.overall.offset), se: cliRound(r.overall.se), comparisons: r.overall.n, ratings: r.ratings },
    ]),
  );
  const candidates = Object.fromEntries(
    Object.entries(calibration.candidates).map(([id, c]) => [
      id,
      { raw: cliRound(c.raw), calibrated: cliRound(c.calibrated) },
    ]),
  );
  const { shrinkage, shrinkageSource, residualSd } = calibration.model;
  return {
    raters,
    candidates,
    model: { shrinkage: cliRound(shrinkage), shrinkageSource, residualSd: cliRound(residualSd) },
  };
}

/** Columns padded to their widest cell; numbers right-aligned. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

const fixed = (x: number | null, signed = false) =>
  x === null ? '–' : `${signed && x > 0 ? '+' : ''}${(cliRound(x) ?? 0).toFixed(4)}`;

function calibrationText(calibration: Calibration): string {
  const { shrinkage, shrinkageSource, residualSd } = calibration.model;
  // Names come from the file: a terminal escape in one must not reach the terminal.
  const raters = Object.entries(calibration.raters).map(([id, r]) => [
    textForDisplay(id),
    fixed(r.overall.offset, true),
    fixed(r.overall.se),
    String(r.overall.n),
    String(r.ratings),
  ]);
  const candidates = Object.entries(calibration.candidates).map(([id, c]) => [
    textForDisplay(id),
    fixed(c.raw),
    fixed(c.calibrated),
  ]);
  return [
    `Leniency: two-way additive model, shrinkage λ = ${fixed(shrinkage)} (${shrinkageSourceText[shrinkageSource]}), residual SD ${fixed(residualSd)}`,
    '',
    ...table(['interviewer', 'offset', 'se', 'comparisons', 'ratings'], raters),
    '',
    ...table(['candidate', 'raw', 'calibrated'], candidates),
  ].join('\n');
}

export const calibrateCommand: CliCommand = {
  name: 'calibrate',
  summary: 'rater leniency offsets with standard errors and calibrated candidate scores from a ratings CSV',
  usage: [
    'Usage: loopdesk calibrate <ratings.csv> [--text] [--scale min..max]',
    '',
    'Reads a CSV with the header candidate,interviewer,dimension,rating (an empty rating = no evidence;',
    'otherwise a whole number on the scale, 1..4 unless --scale says otherwise)',
    "and prints each rater's leniency offset from a two-way additive model (candidate × dimension +",
    'interviewer, interviewer effects shrunk toward 0) with its standard error, the comparisons it rests',
    "on and their number of ratings; each candidate's raw and calibrated score (mean over rated",
    'dimensions); and the shrinkage and residual SD of the model. Rounded to 4 decimals; JSON unless',
    '--text asks for tables.',
  ].join('\n'),
  run: async (args, io) => {
    const isText = args.includes('--text');
    const read = await cliRatingsRead(
      'calibrate',
      args.filter((a) => a !== '--text'),
      io,
    );
    if (!read.ok) return read.code;
    const calibration = calibrateRatings(read.ratings);
    io.out(isText ? calibrationText(calibration) : JSON.stringify(calibrationJson(calibration), null, 2));
    return 0;
  },
};
