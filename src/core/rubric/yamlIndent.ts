/**
 * Reads the indentation of a YAML file the way an author sees it — keys lined up under keys, list
 * items under list items — to explain what the parser only reports as "Sequence item without -
 * indicator" or "Nested mappings are not allowed in compact mappings", often a line early.
 *
 * It understands the block style rubric files are written in (mappings, lists, `|`/`>` text,
 * flow `[...]` values, plain text running on over several lines) and finds the first line whose
 * column does not belong to any open mapping or list. It also finds the mistake the parser accepts:
 * a list item indented past the item before it, which YAML reads as more of that item's text.
 */
import type { RubricFieldPath } from './issues';

export interface RubricIndentFinding {
  /** `indentation`: the parser failed here; `list-as-text`: the file parses, but not as meant. */
  kind: 'indentation' | 'list-as-text';
  line: number;
  column: number;
  path: RubricFieldPath;
  message: string;
}

interface Level {
  /** 0-based column of the keys of a mapping, or of the dashes of a list. */
  indent: number;
  kind: 'map' | 'seq';
  path: RubricFieldPath;
  /** The last key (mapping) or item (list) seen at this level, for "like … on line N". */
  last?: { text: string; line: number };
  count: number;
}

interface Line {
  number: number;
  indent: number;
  content: string;
}

const keyPattern = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"[\]{}&*!|>%@`,?:-][^#]*?|-[^\s#][^#]*?))\s*:(?=\s|$)(.*)$/;
const blockScalarPattern = /^[|>][-+0-9]*\s*(#.*)?$/;

function valueOf(raw: string): string {
  const value = raw.trim();
  return value.startsWith('"') || value.startsWith("'") ? value : value.replace(/(^|\s+)#.*$/, '').trim();
}

/** Brackets a flow value leaves open (quotes skipped), so a `[` spanning lines is read as one value. */
function openBrackets(value: string): number {
  let depth = 0;
  let quote = '';
  for (const ch of value) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
  }
  return depth;
}

const shown = (text: string) => `\`${text.length > 40 ? `${text.slice(0, 40)}…` : text}\``;

/** The first indentation problem in `text` (LF line ends), or undefined when every line fits. */
export function rubricYamlIndentCheck(text: string): RubricIndentFinding | undefined {
  const lines: Line[] = text.split('\n').map((raw, i) => {
    const indent = raw.length - raw.trimStart().length;
    return { number: i + 1, indent, content: raw.slice(indent).trimEnd() };
  });
  const stack: Level[] = [{ indent: 0, kind: 'map', path: [], count: 0 }];
  const top = () => stack[stack.length - 1]!;
  /** A key or item with nothing after it: the next deeper line opens its block. */
  let pending: { indent: number; path: RubricFieldPath } | null = null;
  /** A plain value that may run on over deeper lines, with the column it belongs to. */
  let openText: { indent: number; line: number; path: RubricFieldPath; isItem: boolean; dashColumn: number } | null = null;
  /** Lines belonging to a `|`/`>` text or an unclosed flow value: skipped until dedent / balance. */
  let skipDeeperThan: number | null = null;
  let bracketDepth = 0;

  const nearest = (candidates: Level[], kind: Level['kind'], indent: number): Level | undefined =>
    candidates
      .filter((l) => l.kind === kind && l.last)
      .reduce<Level | undefined>((best, l) => (!best || Math.abs(l.indent - indent) < Math.abs(best.indent - indent) ? l : best), undefined);

  /** Handles what follows a key or a dash: a nested block, a `|` text, a flow value or plain text. */
  const afterValue = (value: string, ownerIndent: number, path: RubricFieldPath, line: Line, isItem: boolean, dashColumn: number) => {
    if (value === '') pending = { indent: ownerIndent, path };
    else if (blockScalarPattern.test(value)) skipDeeperThan = ownerIndent;
    else if (openBrackets(value) > 0) bracketDepth = openBrackets(value);
    else if (!value.startsWith('"') && !value.startsWith("'")) openText = { indent: ownerIndent, line: line.number, path, isItem, dashColumn };
  };

  const onKey = (line: Line, indent: number, key: string, value: string): RubricIndentFinding | undefined => {
    const opened = pending;
    pending = null;
    if (opened && indent > opened.indent) {
      stack.push({ indent, kind: 'map', path: opened.path, count: 0 });
    } else {
      const popped: Level[] = [];
      while (stack.length > 1 && (top().indent > indent || (top().indent === indent && top().kind === 'seq'))) popped.push(stack.pop()!);
      if (top().kind !== 'map' || top().indent !== indent) {
        const like = nearest([...popped, ...stack], 'map', indent) ?? top();
        return {
          kind: 'indentation',
          line: line.number,
          column: indent + 1,
          path: [...like.path, key],
          message: `indentation: \`${key}\` is at column ${indent + 1}, expected ${like.indent + 1}${like.last ? ` (like \`${like.last.text}\` on line ${like.last.line})` : ''}`,
        };
      }
    }
    const map = top();
    map.last = { text: key, line: line.number };
    afterValue(value, indent, [...map.path, key], line, false, -1);
    return undefined;
  };

  const onItem = (line: Line, rest: string, restIndent: number): RubricIndentFinding | undefined => {
    const indent = line.indent;
    const opened = pending;
    pending = null;
    if (opened && indent >= opened.indent) {
      stack.push({ indent, kind: 'seq', path: opened.path, count: 0 });
    } else {
      const popped: Level[] = [];
      while (stack.length > 1 && top().indent > indent) popped.push(stack.pop()!);
      if (top().kind !== 'seq' || top().indent !== indent) {
        const like = nearest([...popped, ...stack], 'seq', indent);
        const item = `- ${rest}`.trim();
        return {
          kind: 'indentation',
          line: line.number,
          column: indent + 1,
          path: like ? [...like.path, like.count] : [],
          message: like
            ? `indentation: list item ${shown(item)} is at column ${indent + 1}, expected ${like.indent + 1} (like the item on line ${like.last!.line})`
            : `indentation: list item ${shown(item)} at column ${indent + 1} is not under any list; put it under the key it belongs to`,
        };
      }
    }
    const seq = top();
    const index = seq.count++;
    seq.last = { text: rest, line: line.number };
    const itemPath = [...seq.path, index];
    const key = keyPattern.exec(rest);
    if (key) {
      stack.push({ indent: restIndent, kind: 'map', path: itemPath, count: 0 });
      return onKey({ ...line, indent: restIndent }, restIndent, key[1] ?? key[2] ?? key[3]!.trim(), valueOf(key[4]!));
    }
    afterValue(valueOf(rest), indent, itemPath, line, true, indent);
    return undefined;
  };

  for (const line of lines) {
    if (line.content === '' || line.content.startsWith('#')) continue;
    if (skipDeeperThan !== null) {
      if (line.indent > skipDeeperThan) continue;
      skipDeeperThan = null;
    }
    if (bracketDepth > 0) {
      bracketDepth += openBrackets(line.content);
      continue;
    }
    if (line.indent === 0 && (line.content.startsWith('---') || line.content.startsWith('...'))) continue;
    const isItem = line.content === '-' || line.content.startsWith('- ');
    const key = isItem ? null : keyPattern.exec(line.content);

    const text = openText as { indent: number; line: number; path: RubricFieldPath; isItem: boolean; dashColumn: number } | null;
    openText = null;
    if (text && line.indent > text.indent) {
      if (isItem) {
        return {
          kind: 'list-as-text',
          line: line.number,
          column: line.indent + 1,
          path: text.path,
          message: text.isItem
            ? `${shown(line.content)} is read as more text of the item on line ${text.line}, not as a new list item: put its "-" at column ${text.dashColumn + 1}, like that item`
            : `${shown(line.content)} is read as more text of \`${String(text.path[text.path.length - 1])}\` (line ${text.line}), not as a list: start the list on the line after the key, with nothing after the colon`,
        };
      }
      if (key) {
        const map = top();
        const name = key[1] ?? key[2] ?? key[3]!.trim();
        return {
          kind: 'indentation',
          line: line.number,
          column: line.indent + 1,
          path: [...map.path, name],
          message: `indentation: \`${name}\` is at column ${line.indent + 1}, expected ${map.indent + 1}${map.last ? ` (like \`${map.last.text}\` on line ${map.last.line})` : ''}`,
        };
      }
      openText = text; // plain text running on
      continue;
    }

    if (isItem) {
      const after = line.content.slice(1);
      const rest = after.trimStart();
      const finding = onItem(line, rest, line.indent + 1 + (after.length - rest.length));
      if (finding) return finding;
    } else if (key) {
      const finding = onKey(line, line.indent, key[1] ?? key[2] ?? key[3]!.trim(), valueOf(key[4]!));
      if (finding) return finding;
    }
    // Anything else (a bare value at the top, an unusual construct) is left to the parser.
  }
  return undefined;
}
