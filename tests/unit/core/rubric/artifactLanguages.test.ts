/** Artifacts in application languages: accepted by the pack format and shown with syntax colours. */
import { describe, expect, it } from 'vitest';
import { rubricPackLoad } from '../../../../src/core/rubric/loader';
import { rubricArtifactLanguages } from '../../../../src/core/rubric/schema';
import { codeHighlightLines } from '../../../../src/renderer/components/codeHighlight';
import { miniEdited, miniPack, asFiles } from './rubricTestKit';

const applicationLanguages = ['python', 'go', 'java', 'kotlin', 'typescript', 'javascript', 'ruby', 'rust', 'csharp', 'sql'];

describe('artifact languages', () => {
  it.each(applicationLanguages)('a %s artifact validates', (language) => {
    const files = miniEdited('mini/exercises/log-review.yaml', 'language: log', `language: ${language}`);
    const result = rubricPackLoad(files);
    expect(result.ok, JSON.stringify(!result.ok && result.issues)).toBe(true);
  });

  it('keeps the existing languages', () => {
    expect(rubricArtifactLanguages).toEqual(expect.arrayContaining(['hcl', 'yaml', 'log', 'json', 'shell', 'text', 'dockerfile', ...applicationLanguages]));
  });

  it('refuses an unknown language and lists the allowed ones', () => {
    const result = rubricPackLoad(miniEdited('mini/exercises/log-review.yaml', 'language: log', 'language: cobol'));
    expect(!result.ok && result.issues[0]!.message).toContain('"python", "go", "java"');
  });
});

describe('codeHighlightLines', () => {
  const python = 'def handler(event):\n    """Charge the card.\n    Twice if retried."""\n    return charge(event["amount"])  # no idempotency key';

  it('colours Python keywords, strings and comments, one HTML line per source line', () => {
    const lines = codeHighlightLines(python, 'python')!;
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('<span class="hljs-keyword">def</span>');
    expect(lines[3]).toContain('<span class="hljs-comment"># no idempotency key</span>');
  });

  it('a string spanning lines keeps its colour on every line, each line closing its own spans', () => {
    const lines = codeHighlightLines(python, 'python')!;
    expect(lines[1]).toMatch(/<span class="hljs-string">&quot;&quot;&quot;Charge the card\.<\/span>$/);
    expect(lines[2]).toMatch(/^<span class="hljs-string">\s+Twice if retried\.&quot;&quot;&quot;<\/span>/);
    for (const line of lines) expect(line.split('<span').length - 1).toBe(line.split('</span>').length - 1);
  });

  it('escapes the file: markup in an artifact is shown, never interpreted', () => {
    const [line] = codeHighlightLines('SELECT \'<img src=x onerror=alert(1)>\' FROM users;', 'sql')!;
    expect(line).not.toContain('<img');
    expect(line).toContain('&lt;img');
  });

  it('colours HCL (Terraform) blocks and strings; leaves logs and text plain', () => {
    const [line] = codeHighlightLines('resource "aws_s3_bucket" "logs" {', 'hcl')!;
    expect(line).toContain('<span class="hljs-keyword">resource</span>');
    expect(line).toContain('<span class="hljs-string">&quot;aws_s3_bucket&quot;</span>');
    expect(codeHighlightLines('ERROR boom', 'log')).toBeNull();
    expect(codeHighlightLines('plain', 'text')).toBeNull();
  });

  it('mini pack keeps loading with its log artifact', () => {
    expect(rubricPackLoad(asFiles(miniPack())).ok).toBe(true);
  });
});
