import { describe, expect, it } from 'vitest';
import { rubricPackHash } from '../../../../src/core/rubric/hash';
import { rubricPackLoad, type RubricSourceFile } from '../../../../src/core/rubric/loader';
import { sha256Hex } from '../../../../src/core/crypto/sha256';
import { asFiles, miniEdited, miniPack } from './rubricTestKit';

function hashOf(files: RubricSourceFile[]): string {
  const result = rubricPackLoad(files);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.hash;
}

describe('rubricPackHash', () => {
  it('is SHA-256 over path NUL text NUL, files sorted by path', () => {
    const files = [
      { path: 'b.yaml', text: 'two' },
      { path: 'a.yaml', text: 'one' },
    ];
    expect(rubricPackHash(files)).toBe(sha256Hex('a.yaml\u0000one\u0000b.yaml\u0000two\u0000'));
  });

  it('does not depend on the order files are given in', () => {
    const files = asFiles(miniPack());
    expect(hashOf([...files].reverse())).toBe(hashOf(files));
  });

  it('gives a CRLF checkout (and a byte-order mark) the same hash as LF', () => {
    const lf = asFiles(miniPack());
    const crlf = lf.map((f, i) => ({ ...f, text: `${i === 0 ? '\uFEFF' : ''}${f.text.replace(/\n/g, '\r\n')}` }));
    expect(hashOf(crlf)).toBe(hashOf(lf));
  });

  it('does not change when the pack folder is renamed', () => {
    const renamed = asFiles(miniPack()).map((f) => ({ ...f, path: f.path.replace(/^mini\//, 'mini-v2/') }));
    expect(hashOf(renamed)).toBe(hashOf(asFiles(miniPack())));
  });

  it('changes with any content change: a rubric file, an artifact, even a comment', () => {
    const base = hashOf(asFiles(miniPack()));
    const edits = [
      miniEdited('mini/dimensions.yaml', 'expectations: { mid: 2, senior: 3 }', 'expectations: { mid: 2, senior: 4 }'),
      miniEdited('mini/exercises/build.log', 'step 2 FAIL', 'step 2 FAILED'),
      miniEdited('mini/pack.yaml', 'kind: pack\n', '# reviewed\nkind: pack\n'),
      miniEdited('mini/signals.yaml', 'Starts from a failing test.', 'Starts from a failing test!'),
    ];
    const hashes = edits.map(hashOf);
    for (const h of hashes) expect(h).not.toBe(base);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('changes when a file moves to another path', () => {
    const files = asFiles(miniPack()).map((f) => (f.path === 'mini/kits/pairing.yaml' ? { ...f, path: 'mini/kits/pair.yaml' } : f));
    expect(hashOf(files)).not.toBe(hashOf(asFiles(miniPack())));
  });

  it('ignores files the pack does not use (a README), so app and CLI agree on the hash', () => {
    const withReadme = [...asFiles(miniPack()), { path: 'mini/README.md', text: '# notes' }];
    expect(hashOf(withReadme)).toBe(hashOf(asFiles(miniPack())));
  });
});
