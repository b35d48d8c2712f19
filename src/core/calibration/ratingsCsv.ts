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
 * (any order, case-insensitive); extra columns are ignored. Blank lines are skipped.
 */
import type { RatingObservation } from './calibrateRatings';

export interface RatingsCsvIssue {
  /** 1-based line where the offending row starts. */
  line: number;
  /** Header name of the offending column, when one is to blame. */
  column: string | null;
  /** `file:line: what is wrong`, ready to print. */
  message: string;
}

export type RatingsCsvResult = { ok: true; value: RatingObservation[] } | { ok: false; issues: RatingsCsvIssue[] };

const requiredColumns = ['candidate', 'interviewer', 'dimension', 'rating'] as const;
const numberPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
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
export function ratingsCsvParse(text: string, fileName = 'ratings.csv'): RatingsCsvResult {
  const issues: RatingsCsvIssue[] = [];
  const report = (line: number, column: string | null, message: string) => {
    if (issues.length < maxIssues) issues.push({ line, column, message: `${fileName}:${line}: ${message}` });
  };

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
    if (name in columnOf) report(header.line, name, `column "${name}" appears twice in the header`);
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
        report(line, column, `${column} is empty`);
        isValid = false;
      }
    }
    let score: number | null = null;
    if (ratingText !== '') {
      score = numberPattern.test(ratingText) ? Number(ratingText) : NaN;
      if (!Number.isFinite(score)) {
        report(line, 'rating', `rating "${ratingText}" is not a number`);
        isValid = false;
      }
    }
    if (!isValid) continue;
    const key = `${candidateId}\u0000${interviewerId}\u0000${dimensionId}`;
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      report(
        line,
        null,
        `${interviewerId} already rated ${candidateId} on ${dimensionId} on line ${firstLine}; keep one of the two rows`,
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
