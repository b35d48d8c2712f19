/**
 * The ratings CSV: one rating per row, long format, for importing a panel's ratings from a
 * spreadsheet and for `loopdesk agreement` / `loopdesk calibrate`.
 *
 *   candidate,interviewer,dimension,rating
 *   c-001,alice,incident-leadership,3
 *   c-001,bob,incident-leadership,        ← empty rating = "no evidence"
 *
 * RFC 4180 quoting (fields in double quotes may hold commas, line breaks and "" for a quote),
 * CRLF or LF line ends, an optional UTF-8 byte-order mark. Columns are found by their header name
 * (any order, case-insensitive); extra columns are ignored. Blank lines are skipped. A rating is a
 * whole number on the scale (1-4 unless told otherwise); anything else is refused with its line and
 * column, since one stray 1e200 or 2.5 silently skews every statistic computed from the file.
 * Text quoted from the file in a message has its control characters escaped.
 */
import { textForDisplay } from '../canonical/displayText';
import type { RatingObservation } from './calibrateRatings';

/** The rating scale: whole numbers from `min` to `max`. */
export interface RatingScale {
  min: number;
  max: number;
}

/** The anchored 1-4 scale every Loopdesk dimension is rated on. */
export const ratingScaleDefault: RatingScale = { min: 1, max: 4 };

/** Reads `min..max` (e.g. `1..10`), as `--scale` takes it. */
export function ratingScaleParse(text: string): { ok: true; value: RatingScale } | { ok: false; message: string } {
  const match = /^(-?\d{1,6})\.\.(-?\d{1,6})$/.exec(text.trim());
  const min = match ? Number(match[1]) : NaN;
  const max = match ? Number(match[2]) : NaN;
  if (!match || min >= max) {
    return { ok: false, message: `scale "${textForDisplay(text)}" is not min..max with min below max, e.g. 1..4` };
  }
  return { ok: true, value: { min, max } };
}

const scaleText = (scale: RatingScale) => `${scale.min}-${scale.max}`;

export interface RatingsCsvIssue {
  /** 1-based line where the offending row starts. */
  line: number;
  /** Header name of the offending column, when one is to blame. */
  column: string | null;
  /** 1-based position of that column in the row, when one is to blame. */
  columnNumber?: number;
  /** `file:line: what is wrong` (`file:line:column:` when a field is to blame), ready to print. */
  message: string;
}

export type RatingsCsvResult = { ok: true; value: RatingObservation[] } | { ok: false; issues: RatingsCsvIssue[] };

const requiredColumns = ['candidate', 'interviewer', 'dimension', 'rating'] as const;
const numberPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const wholePattern = /^[+-]?\d{1,9}$/;
const maxIssues = 50;

interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parses a ratings CSV into observations (`score: null` for an empty rating). Every problem comes
 * back as an issue naming the line and column, e.g. `ratings.csv:14: rating "abc" is not a number`
 * (at most 50 issues). A repeated candidate × interviewer × dimension is an error, since one of the
 * two rows is almost certainly a mistake.
 */
export function ratingsCsvParse(
  text: string,
  fileName = 'ratings.csv',
  options: { scale?: RatingScale } = {},
): RatingsCsvResult {
  const scale = options.scale ?? ratingScaleDefault;
  const shownFile = textForDisplay(fileName);
  const issues: RatingsCsvIssue[] = [];
  const report = (line: number, column: string | null, message: string, columnNumber?: number) => {
    if (issues.length >= maxIssues) return;
    const where = columnNumber === undefined ? `${line}` : `${line}:${columnNumber}`;
    issues.push({
      line,
      column,
      ...(columnNumber === undefined ? {} : { columnNumber }),
      message: `${shownFile}:${where}: ${message}`,
    });
  };
  const show = (value: string) => textForDisplay(value);

  const records = csvRecords(text.startsWith('\uFEFF') ? text.slice(1) : text, report);
  const header = records[0];
  if (!header) {
    report(1, null, `the file is empty; expected a header "${requiredColumns.join(',')}"`);
    return { ok: false, issues };
  }
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const columnOf: Record<string, number> = {};
  names.forEach((name, i) => {
    if (!(requiredColumns as readonly string[]).includes(name)) return;
    if (name in columnOf) report(header.line, name, `column "${name}" appears twice in the header`, i + 1);
    else columnOf[name] = i;
  });
  const missing = requiredColumns.filter((name) => !(name in columnOf));
  if (missing.length > 0) {
    report(
      header.line,
      null,
      `the header lacks ${missing.map((m) => `"${m}"`).join(', ')}; expected columns ${requiredColumns.join(',')} (in any order)`,
    );
  }
  if (issues.length > 0) return { ok: false, issues };

  const value: RatingObservation[] = [];
  const seen = new Map<string, number>();
  const [ci, ii, di, ri] = requiredColumns.map((name) => columnOf[name]!) as [number, number, number, number];
  for (let r = 1; r < records.length; r++) {
    const { line, fields } = records[r]!;
    if (fields.length !== names.length) {
      report(line, null, `expected ${names.length} fields as in the header, found ${fields.length}`);
      continue;
    }
    const candidateId = fields[ci]!.trim();
    const interviewerId = fields[ii]!.trim();
    const dimensionId = fields[di]!.trim();
    const ratingText = fields[ri]!.trim();
    let isValid = true;
    for (const [column, id] of [
      ['candidate', candidateId],
      ['interviewer', interviewerId],
      ['dimension', dimensionId],
    ] as const) {
      if (id === '') {
        report(line, column, `${column} is empty`, columnOf[column]! + 1);
        isValid = false;
      }
    }
    let score: number | null = null;
    if (ratingText !== '') {
      const problem = !numberPattern.test(ratingText)
        ? 'is not a number'
        : !wholePattern.test(ratingText)
          ? `is not a whole number on the scale ${scaleText(scale)}`
          : Number(ratingText) < scale.min || Number(ratingText) > scale.max
            ? `is outside the scale ${scaleText(scale)}`
            : null;
      if (problem) {
        report(line, 'rating', `rating "${show(ratingText)}" ${problem}`, ri + 1);
        isValid = false;
      } else score = Number(ratingText);
    }
    if (!isValid) continue;
    const key = `${candidateId}\u0000${interviewerId}\u0000${dimensionId}`;
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      report(
        line,
        null,
        `${show(interviewerId)} already rated ${show(candidateId)} on ${show(dimensionId)} on line ${firstLine}; keep one of the two rows`,
      );
      continue;
    }
    seen.set(key, line);
    value.push({ candidateId, interviewerId, dimensionId, score });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/** Splits RFC 4180 text into records, each with the line it starts on; skips blank lines. */
function csvRecords(text: string, report: (line: number, column: string | null, message: string) => void): CsvRecord[] {
  const QUOTE = 34;
  const COMMA = 44;
  const LF = 10;
  const CR = 13;
  const records: CsvRecord[] = [];
  const length = text.length;
  const isFieldEnd = (at: number) => {
    if (at >= length) return true;
    const code = text.charCodeAt(at);
    return code === COMMA || code === LF || code === CR;
  };
  let line = 1;
  let i = 0;
  while (i < length) {
    const startLine = line;
    const fields: string[] = [];
    let isBad = false;
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        // Quoted field: runs to the next quote not followed by another one.
        const quoteLine = line;
        let from = i + 1;
        field = '';
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) {
            report(quoteLine, null, 'a quoted field is never closed (missing ")');
            return records;
          }
          field += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            field += '"';
            from = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) line++;
        if (!isFieldEnd(i)) {
          if (!isBad) {
            report(
              line,
              null,
              'unexpected text after a closing quote; quote the whole field and double inner quotes ("")',
            );
          }
          isBad = true;
          while (!isFieldEnd(i)) i++;
        }
      } else {
        const start = i;
        while (!isFieldEnd(i)) i++;
        field = text.slice(start, i);
        if (field.includes('"')) {
          if (!isBad) {
            report(
              line,
              null,
              'a field contains a quote but does not start with one; quote the whole field and double inner quotes ("")',
            );
          }
          isBad = true;
        }
      }
      fields.push(field);
      if (i < length && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }
    // End of record: CRLF, LF, lone CR, or end of text.
    if (text.charCodeAt(i) === CR) i++;
    if (text.charCodeAt(i) === LF) i++;
    line++;
    const isBlank = fields.length === 1 && fields[0]!.trim() === '';
    if (!isBad && !isBlank) records.push({ line: startLine, fields });
  }
  return records;
}
