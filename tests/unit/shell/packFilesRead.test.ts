/**
 * Web mode reads a picked folder through the same core reader and limits as the desktop app and
 * the CLI: an oversized file is named with the same reason, hidden files are skipped, and every
 * other file is kept.
 */
import { describe, expect, it } from 'vitest';
import { packFilesRead } from '../../../src/renderer/features/rubrics/packFilesRead';
import { RUBRIC_MAX_FILE_BYTES } from '../../../src/core/limits/inputLimits';

function picked(path: string, content: string | Uint8Array<ArrayBuffer>): File {
  const file = new File([content], path.split('/').pop()!);
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}

describe('reading a folder picked in the browser', () => {
  it('keeps usable files, names oversized and odd ones, skips hidden ones', async () => {
    const result = await packFilesRead([
      picked('my-pack/pack.yaml', 'kind: pack\nid: my-pack\n'),
      picked('my-pack/kits/a.yaml', 'kind: kit\n'),
      picked('my-pack/.draft.yaml', 'hidden'),
      picked('my-pack/big.yaml', new Uint8Array(RUBRIC_MAX_FILE_BYTES + 1)),
      picked('my-pack/we!rd.yaml', 'x'),
      picked('my-pack/binary.yaml', 'a\u0000b'),
    ]);
    expect(result.files.map((f) => f.path)).toEqual(['my-pack/kits/a.yaml', 'my-pack/pack.yaml']);
    expect(result.packDirs).toEqual(['my-pack']);
    expect(result.skipped).toEqual([
      { path: 'my-pack/we!rd.yaml', reason: 'use letters, digits, spaces, "-", "_" and "." in file and folder names' },
      { path: 'my-pack/big.yaml', reason: 'the file is larger than 2 MiB, the limit for a rubric file or artifact; it was not read' },
      { path: 'my-pack/binary.yaml', reason: 'not a text file' },
    ]);
  });

  it('files each pack of a folder of packs under its id', async () => {
    const result = await packFilesRead([
      picked('packs/one/pack.yaml', 'kind: pack\nid: first-pack\n'),
      picked('packs/two/pack.yaml', 'kind: pack\nid: two\n'),
    ]);
    expect(result.files.map((f) => f.path).sort()).toEqual(['first-pack/pack.yaml', 'two/pack.yaml']);
  });
});
