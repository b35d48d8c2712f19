/**
 * Core's one rubric folder reader: every entry it cannot use becomes a located issue, every other
 * file is read, and the synchronous (CLI) and asynchronous (main, web) drivers agree.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  packFolderRead,
  packFolderReadSync,
  type PackFolderEntry,
  type PackFolderIo,
  type PackFolderIoAsync,
  type PackFolderLinkTarget,
} from '../../../src/core/rubric/packFolderRead';
import { RUBRIC_MAX_FILE_BYTES, RUBRIC_MAX_PACK_FILES } from '../../../src/core/limits/inputLimits';
import { rubricFilesRead } from '../../../src/cli/rubricFiles';
import { nodePackFolderIoAsync } from '../../../src/main/rubrics/rubricFolders';

/** An in-memory folder tree: strings are files, objects folders, `{ link }` links, `{ error }` unreadable. */
type Node = string | { link: PackFolderLinkTarget } | { error: string } | { [name: string]: Node };

function nodeAt(tree: Node, path: string): Node | undefined {
  let node: Node | undefined = tree;
  for (const part of path.split('/').filter(Boolean).slice(1)) node = typeof node === 'object' && node !== null ? (node as Record<string, Node>)[part] : undefined;
  return node;
}

function memoryIo(tree: Node): PackFolderIo {
  const fail = (code: string) => Object.assign(new Error(code), { code });
  return {
    list(path) {
      const node = nodeAt(tree, path);
      if (node && typeof node === 'object' && 'error' in node) throw fail(node.error as string);
      if (!node || typeof node !== 'object') throw fail('ENOTDIR');
      return Object.entries(node).map(([name, child]): PackFolderEntry => ({
        name,
        kind: typeof child === 'string' ? 'file' : 'link' in child ? 'symlink' : 'directory',
      }));
    },
    linkTarget(path) {
      const node = nodeAt(tree, path);
      return node && typeof node === 'object' && 'link' in node ? (node.link as PackFolderLinkTarget) : 'missing';
    },
    read(path, maxBytes) {
      const node = nodeAt(tree, path);
      const text = typeof node === 'string' ? node : 'linked file';
      const bytes = Buffer.byteLength(text);
      return bytes > maxBytes ? { tooLargeBytes: maxBytes + 1 } : { text, bytes };
    },
  };
}

function asAsync(io: PackFolderIo): PackFolderIoAsync {
  return { list: async (p) => io.list(p), linkTarget: async (p) => io.linkTarget(p), read: async (p, m) => io.read(p, m) };
}

const tree: Node = {
  good: { 'pack.yaml': 'kind: pack', kits: { 'a.yaml': 'kind: kit' } },
  locked: { error: 'EACCES' },
  links: { 'dangling.yaml': { link: 'missing' }, 'to-folder': { link: 'directory' }, 'to-file.yaml': { link: 'file' } },
  huge: { 'pack.yaml': 'x'.repeat(RUBRIC_MAX_FILE_BYTES + 1), 'ok.yaml': 'kind: kit' },
  '.git': { config: 'x' },
  node_modules: { 'x.yaml': 'x' },
  'rubric.schema.json': '{}',
};

describe('the core rubric folder reader', () => {
  it('reads every usable file and turns each unusable entry into an issue at its path', () => {
    const result = packFolderReadSync(memoryIo(tree), '/root');
    expect(result.files.map((f) => f.path)).toEqual(['good/kits/a.yaml', 'good/pack.yaml', 'huge/ok.yaml', 'links/to-file.yaml']);
    expect(result.issues.map((i) => [i.file, i.line, i.column, i.message])).toEqual([
      ['huge/pack.yaml', 1, 1, 'the file is larger than 2 MiB, the limit for a rubric file or artifact; it was not read'],
      ['links/dangling.yaml', 1, 1, 'this link points to nothing; remove it or restore its target'],
      ['links/to-folder', 1, 1, 'this link points to a folder; rubric folders are read without following folder links'],
      ['locked/', 1, 1, 'cannot read this folder (EACCES)'],
    ]);
  });

  it('gives the same answer through the asynchronous driver', async () => {
    expect(await packFolderRead(asAsync(memoryIo(tree)), '/root')).toEqual(packFolderReadSync(memoryIo(tree), '/root'));
  });

  it('stops reading a pack past its file limit, with one issue, and still reads the other packs', () => {
    const many = Object.fromEntries(Array.from({ length: RUBRIC_MAX_PACK_FILES + 5 }, (_, i) => [`f${String(i).padStart(4, '0')}.yaml`, 'x']));
    const result = packFolderReadSync(memoryIo({ many, other: { 'pack.yaml': 'y' } }), '/root');
    expect(result.files.filter((f) => f.path.startsWith('many/'))).toHaveLength(RUBRIC_MAX_PACK_FILES);
    expect(result.files.map((f) => f.path)).toContain('other/pack.yaml');
    expect(result.issues).toEqual([expect.objectContaining({ file: 'many/f0500.yaml', message: expect.stringMatching(/more than 500 files/) })]);
  });

  it('names an unreadable root instead of answering "no packs"', () => {
    expect(packFolderReadSync(memoryIo({ error: 'EACCES' }), '/root').issues).toEqual([
      { file: '', line: 1, column: 1, path: '', message: 'cannot read this folder (EACCES)' },
    ]);
  });
});

describe('on disk, the CLI and main read a folder the same way', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('a dangling link and an oversized file are issues; the rest is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopdesk-packs-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'good'));
    writeFileSync(join(dir, 'good/pack.yaml'), 'kind: pack\n');
    mkdirSync(join(dir, 'bad'));
    symlinkSync(join(dir, 'missing.yaml'), join(dir, 'bad/dangling.yaml'));
    writeFileSync(join(dir, 'bad/big.yaml'), Buffer.alloc(RUBRIC_MAX_FILE_BYTES + 1, 'x'));

    const cli = rubricFilesRead(dir)!;
    const main = await packFolderRead(nodePackFolderIoAsync, dir);
    expect(cli.files).toEqual([{ path: 'good/pack.yaml', text: 'kind: pack\n' }]);
    expect(cli.issues.map((i) => i.file)).toEqual(['bad/big.yaml', 'bad/dangling.yaml']);
    expect({ files: main.files, issues: main.issues }).toEqual({ files: cli.files, issues: cli.issues });
  });
});
