/**
 * Syntax colours for artifacts, with highlight.js (core plus the languages a pack can name, so the
 * bundle carries nothing else). The result is one HTML string per line, every line closing the
 * spans it opened and the next reopening them, so a string or comment spanning lines keeps its
 * colour while each line stays its own list item with its number and defect mark.
 *
 * highlight.js escapes the text and emits only `<span class="hljs-…">`: no inline styles (the CSP
 * forbids them) and nothing from the file is ever interpreted as markup.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import csharp from 'highlight.js/lib/languages/csharp';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import python from 'highlight.js/lib/languages/python';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';
import type { HLJSApi, Language } from 'highlight.js';

/** HCL (Terraform) is not among highlight.js's languages; blocks, strings, numbers and comments are enough to read it. */
function hcl(api: HLJSApi): Language {
  return {
    name: 'HCL',
    keywords: {
      keyword: 'resource data variable output module provider locals terraform backend for in if dynamic content',
      literal: 'true false null',
    },
    contains: [
      api.HASH_COMMENT_MODE,
      api.C_LINE_COMMENT_MODE,
      api.C_BLOCK_COMMENT_MODE,
      { className: 'string', begin: /<<-?\s*([A-Z]+)/, end: /^\s*[A-Z]+\s*$/ },
      { className: 'string', begin: /"/, end: /"/, contains: [api.BACKSLASH_ESCAPE, { className: 'subst', begin: /\$\{/, end: /\}/ }] },
      api.NUMBER_MODE,
      { className: 'attr', begin: /^\s*[A-Za-z_][\w-]*(?=\s*=)/ },
    ],
  };
}

const grammars: Record<string, [name: string, grammar: (api: HLJSApi) => Language]> = {
  hcl: ['hcl', hcl],
  yaml: ['yaml', yaml],
  json: ['json', json],
  shell: ['bash', bash],
  dockerfile: ['dockerfile', dockerfile],
  python: ['python', python],
  go: ['go', go],
  java: ['java', java],
  kotlin: ['kotlin', kotlin],
  typescript: ['typescript', typescript],
  javascript: ['javascript', javascript],
  ruby: ['ruby', ruby],
  rust: ['rust', rust],
  csharp: ['csharp', csharp],
  sql: ['sql', sql],
};
for (const [name, grammar] of Object.values(grammars)) hljs.registerLanguage(name, grammar);

/** Above this, a file is shown without colours: highlighting it would stall the screen. */
const MAX_HIGHLIGHT_CHARS = 200_000;

/** Splits highlighted HTML at newlines, closing open spans at each line end and reopening them after. */
function linesOfHtml(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let current = '';
  for (const token of html.match(/<span[^>]*>|<\/span>|\n|[^<\n]+/g) ?? []) {
    if (token === '\n') {
      lines.push(current + '</span>'.repeat(open.length));
      current = open.join('');
    } else {
      if (token.startsWith('<span')) open.push(token);
      else if (token === '</span>') open.pop();
      current += token;
    }
  }
  lines.push(current);
  return lines;
}

/**
 * The lines of `text` (already split at newlines, no trailing newline) as highlighted HTML, or
 * null when the language is shown plain (text, log, unknown) or the file is too large.
 */
export function codeHighlightLines(text: string, language: string): string[] | null {
  const grammar = grammars[language];
  if (!grammar || text.length > MAX_HIGHLIGHT_CHARS) return null;
  return linesOfHtml(hljs.highlight(text, { language: grammar[0], ignoreIllegals: true }).value);
}
