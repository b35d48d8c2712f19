/**
 * Reads rubric packs from disk (built-in folder + the user's folder) through core's one folder
 * reader and loader, with `fs/promises` so the main process never blocks on a slow disk.
 */
import { mkdir, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { rubricPacksLoad } from '../../core/rubric/loader';
import { packFolderRead, type PackFolderIoAsync, type PackFolderText } from '../../core/rubric/packFolderRead';
import type { RubricIssue } from '../../core/rubric/issues';
import type { RubricLoadReport, RubricPackError } from '../../shared/desktopApi';

/** Reads at most `maxBytes + 1` bytes: the size is counted as bytes arrive, never taken from stat. */
async function readBounded(path: string, maxBytes: number): Promise<PackFolderText> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    let filled = 0;
    for (let n = -1; n !== 0 && filled < buffer.length; filled += n) {
      ({ bytesRead: n } = await file.read(buffer, filled, buffer.length - filled, null));
    }
    if (filled > maxBytes) return { tooLargeBytes: filled };
    return { text: buffer.subarray(0, filled).toString('utf8'), bytes: filled };
  } finally {
    await file.close();
  }
}

/** Node's `fs/promises` as the core reader's I/O. */
export const nodePackFolderIoAsync: PackFolderIoAsync = {
  list: async (path) =>
    (await readdir(path, { withFileTypes: true })).map((e) => ({
      name: e.name,
      kind: e.isDirectory() ? 'directory' : e.isFile() ? 'file' : e.isSymbolicLink() ? 'symlink' : 'other',
    })),
  linkTarget: async (path) => {
    try {
      const target = await stat(path);
      return target.isFile() ? 'file' : target.isDirectory() ? 'directory' : 'other';
    } catch {
      return 'missing';
    }
  },
  read: readBounded,
};

type Origin = RubricPackError['origin'];

/**
 * Loads one rubrics root. A pack folder with an entry that could not be read is reported, with
 * every issue located, instead of loaded half-read; every other pack loads.
 */
async function rubricRootLoad(root: string, origin: Origin): Promise<Pick<RubricLoadReport, 'packs' | 'errors'>> {
  const read = await packFolderRead(nodePackFolderIoAsync, root);
  const readIssues = new Map<string, RubricIssue[]>();
  for (const issue of read.issues) {
    const packDir = issue.file.split('/')[0] || '.';
    readIssues.set(packDir, [...(readIssues.get(packDir) ?? []), issue]);
  }
  const loaded = rubricPacksLoad(read.files);
  const errors = new Map<string, RubricIssue[]>(readIssues);
  for (const error of loaded.errors) errors.set(error.packDir, [...(errors.get(error.packDir) ?? []), ...error.issues]);
  const isHalfRead = (packId: string) => readIssues.has(loaded.packDirs[packId] ?? '');
  return {
    packs: loaded.packs.filter((p) => !isHalfRead(p.manifest.id)).map((p) => ({ ...p, origin })),
    errors: [...errors].map(([packDir, issues]) => ({ packDir, origin, issues })),
  };
}

export async function rubricReportLoad(builtInDir: string, userDir: string | null, now: number): Promise<RubricLoadReport> {
  const [builtIn, user] = await Promise.all([
    rubricRootLoad(builtInDir, 'built-in'),
    userDir ? rubricRootLoad(userDir, 'user') : { packs: [], errors: [] },
  ]);
  return { packs: [...builtIn.packs, ...user.packs], errors: [...builtIn.errors, ...user.errors], loadedAt: now };
}

/** Writes files chosen by the user into the user rubric folder (paths already validated). */
export async function rubricUserFilesWrite(userDir: string, files: Array<{ path: string; text: string }>): Promise<void> {
  for (const file of files) {
    const target = join(userDir, ...file.path.split('/'));
    if (!target.startsWith(userDir + sep)) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.text, 'utf8');
  }
}

export async function rubricUserPackRemove(userDir: string, packDir: string): Promise<void> {
  const target = join(userDir, packDir);
  if (!target.startsWith(userDir + sep)) return;
  await rm(target, { recursive: true, force: true });
}
