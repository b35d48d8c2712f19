/**
 * Parses one YAML file of a rubric pack and keeps the node positions, so every later problem — a
 * YAML syntax error, a schema error, a broken cross-reference — can name its line and column.
 */
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { rubricFieldPathText, type RubricFieldPath, type RubricIssue } from './issues';
import { rubricYamlIndentCheck } from './yamlIndent';

/**
 * How many alias expansions one file may contain. Rubric files rarely need aliases at all; a low
 * ceiling turns a "billion laughs" file into an issue instead of an out-of-memory crash.
 */
export const RUBRIC_MAX_ALIAS_COUNT = 100;

/** A parsed YAML file: its plain value plus a way back from a field path to a line and column. */
export interface RubricYamlFile {
  file: string;
  /** The plain JavaScript value; when `issues` is non-empty, a best-effort partial value (or undefined). */
  value: unknown;
  /** Position of the node at `path`; for a path that does not exist, of its deepest existing parent. */
  locate: (path: RubricFieldPath) => { line: number; column: number };
  /** Position of the key of the entry `key` in the mapping at `path` (or of the mapping itself). */
  locateKey: (path: RubricFieldPath, key: string) => { line: number; column: number };
  /** YAML syntax problems; when non-empty, `value` is not to be trusted. */
  issues: RubricIssue[];
}

const yamlMessages: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'this key appears twice in the same mapping; keep one of them',
  TAB_AS_INDENT: 'tabs are not allowed for indentation in YAML; indent with spaces',
  MULTIPLE_DOCS: 'a rubric file holds one YAML document; remove the "---" separator or split the file',
};

/** Normalises what editors on different platforms add: a byte-order mark and CRLF line ends. */
export function rubricTextNormalize(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

function firstAliasOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/** Parses `text` (already normalised) as the YAML file `file`. Never throws. */
export function rubricYamlParse(file: string, text: string): RubricYamlFile {
  const doc = parseDocument(text, {
    uniqueKeys: true,
    prettyErrors: false,
    merge: false,
    strict: true,
    // Errors become issues; warnings must not be printed to the console ('silent' would also
    // drop the "more than one document" error).
    logLevel: 'error',
  });
  const at = positionFinder(text);
  // After the first syntax error the parser's later complaints are mostly echoes of it; an author
  // fixes one thing at a time. Duplicate keys are independent of each other, so all of them stay.
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const firstSyntax = errors.find((e) => e.code !== 'DUPLICATE_KEY');
  const reported = errors.filter((e) => e === firstSyntax || (e.code === 'DUPLICATE_KEY' && (!firstSyntax || e.pos[0] < firstSyntax.pos[0])));
  // The parser's own words for an indentation slip are cryptic and often a line early; when the
  // layout reading explains the first syntax error, it is reported instead.
  const indent = rubricYamlIndentCheck(text);
  const firstSyntaxLine = firstSyntax ? at(firstSyntax.pos[0]).line : undefined;
  const explainsSyntax = indent?.kind === 'indentation' && firstSyntaxLine !== undefined && indent.line <= firstSyntaxLine + 1;
  const issues: RubricIssue[] = reported.filter((error) => !(explainsSyntax && error === firstSyntax)).map((error) => {
    const key = error.code === 'DUPLICATE_KEY' ? keyTextAt(text, error.pos[0]) : '';
    return {
      file,
      ...at(error.pos[0]),
      path: '',
      message: yamlMessages[error.code]
        ? `${key ? `duplicate key "${key}": ` : ''}${yamlMessages[error.code]}`
        : `YAML syntax: ${error.message.replace(/\s+/g, ' ').trim()}`,
    };
  });

  if (indent && (explainsSyntax || (indent.kind === 'list-as-text' && !firstSyntax))) {
    issues.push({ file, line: indent.line, column: indent.column, path: rubricFieldPathText(indent.path), message: indent.message });
    issues.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  // Computed even after syntax errors: the partial value still tells which kind the file meant to be.
  let value: unknown;
  {
    try {
      value = doc.toJS({ maxAliasCount: RUBRIC_MAX_ALIAS_COUNT });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const aliasOffset = firstAliasOffset(doc);
      issues.push({
        file,
        ...at(aliasOffset ?? 0),
        path: '',
        message: /alias count/i.test(message)
          ? `YAML aliases expand to too many nodes (more than ${RUBRIC_MAX_ALIAS_COUNT}); write the content out instead of nesting aliases`
          : `YAML: ${message}`,
      });
      value = undefined;
    }
  }

  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);

  /** The deepest node along `path` and the path actually walked to it. */
  const walk = (path: RubricFieldPath): { node: YamlNode | null; depth: number } => {
    let node = resolve(doc.contents) as YamlNode | null;
    let depth = 0;
    for (const segment of path) {
      if (!node) break;
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (pair) next = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof segment === 'number') {
        next = node.items[segment];
      }
      next = resolve(next);
      if (!isNode(next)) break;
      node = next;
      depth++;
    }
    return { node, depth };
  };

  const nodeStart = (node: YamlNode | null) => at(node?.range?.[0] ?? 0);

  return {
    file,
    value,
    issues,
    locate: (path) => nodeStart(walk(path).node),
    locateKey: (path, key) => {
      const { node, depth } = walk(path);
      if (depth === path.length && isCollection(node) && isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
        if (pair && isNode(pair.key)) return nodeStart(pair.key);
      }
      return nodeStart(node);
    },
  };
}

/**
 * 1-based line and column of a character offset, counted from the text itself (the parser's own
 * line counter loses track inside the region it failed to parse).
 */
function positionFinder(text: string): (offset: number) => { line: number; column: number } {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - lineStarts[low]! + 1 };
  };
}

function keyTextAt(text: string, offset: number): string {
  const match = /^["']?([^"':\n]{1,80})/.exec(text.slice(offset));
  return match ? match[1]!.trim() : '';
}

/** Builds an issue at `path` of a parsed file. */
export function rubricIssueAt(yaml: RubricYamlFile, path: RubricFieldPath, message: string): RubricIssue {
  return { file: yaml.file, ...yaml.locate(path), path: rubricFieldPathText(path), message };
}
