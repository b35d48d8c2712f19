/**
 * Turns the files of a folder picked in the browser into `{ path, text }` pairs the host accepts:
 * the picked files are read through core's one rubric folder reader (the same skips and limits as
 * the desktop app and the CLI); binary and oddly named files are skipped too (and named, so the
 * user sees why), and each pack is filed under its pack id, the loader's `rubrics/<pack-id>/`
 * convention.
 */
import { packFolderRead, type PackFolderEntry, type PackFolderIoAsync } from '../../../core/rubric/packFolderRead';

export interface PickedFile {
  /** Path inside the picked folder, e.g. `my-pack/kits/review.yaml`. */
  path: string;
  text: string;
}

export interface PickedPackFiles {
  files: PickedFile[];
  /** Top-level pack folders the files are filed under. */
  packDirs: string[];
  /** Paths left out, each with the reason. */
  skipped: Array<{ path: string; reason: string }>;
}

/** Same rule as the host's payload check: plain relative paths only. */
const safePath = /^[A-Za-z0-9 _.\-/]+$/;
const packIdLine = /^id:\s*["']?([a-z][a-z0-9]*(?:-[a-z0-9]+)*)["']?\s*(?:#.*)?$/m;
const kindPackLine = /^kind:\s*["']?pack["']?\s*(?:#.*)?$/m;

function segmentsOf(path: string): string[] {
  return path.split('/').filter(Boolean);
}

function isManifestPath(path: string): boolean {
  return /(^|\/)pack\.ya?ml$/i.test(path);
}

/** The picked files as a folder tree the core reader can walk, rooted at `/picked`. */
function pickedFolderIo(picked: Map<string, File>): PackFolderIoAsync {
  const folders = new Map<string, Map<string, PackFolderEntry['kind']>>();
  const add = (folder: string, name: string, kind: PackFolderEntry['kind']) => {
    if (!folders.has(folder)) folders.set(folder, new Map());
    folders.get(folder)!.set(name, kind);
  };
  for (const path of picked.keys()) {
    const segments = segmentsOf(path);
    segments.forEach((name, i) => add(['/picked', ...segments.slice(0, i)].join('/'), name, i === segments.length - 1 ? 'file' : 'directory'));
  }
  return {
    list: async (folder) => [...(folders.get(folder) ?? [])].map(([name, kind]) => ({ name, kind })),
    linkTarget: async () => 'missing', // A browser never hands over links.
    read: async (path, maxBytes) => {
      const file = picked.get(path.slice('/picked/'.length));
      if (!file) throw Object.assign(new Error('gone'), { code: 'ENOENT' });
      // Only the first maxBytes + 1 bytes are read, whatever size the file claims.
      const head = new Uint8Array(await file.slice(0, maxBytes + 1).arrayBuffer());
      if (head.byteLength > maxBytes) return { tooLargeBytes: head.byteLength };
      return { text: new TextDecoder().decode(head), bytes: head.byteLength };
    },
  };
}

/** Reads the picked files; never throws for a bad file, it lands in `skipped` instead. */
export async function packFilesRead(picked: File[]): Promise<PickedPackFiles> {
  const skipped: PickedPackFiles['skipped'] = [];
  const usable = new Map<string, File>();
  for (const file of picked) {
    const path = (file.webkitRelativePath || file.name).replace(/\\/g, '/');
    const segments = segmentsOf(path);
    if (!safePath.test(path) || segments.includes('..')) {
      if (!segments.some((s) => s.startsWith('.'))) {
        skipped.push({ path, reason: 'use letters, digits, spaces, "-", "_" and "." in file and folder names' });
      }
      continue;
    }
    usable.set(segments.join('/'), file);
  }
  const read = await packFolderRead(pickedFolderIo(usable), '/picked');
  for (const issue of read.issues) skipped.push({ path: issue.file, reason: issue.message });
  let files: PickedFile[] = [];
  for (const file of read.files) {
    if (file.text.includes('\u0000')) skipped.push({ path: file.path, reason: 'not a text file' });
    else files.push(file);
  }

  // A folder holding several pack folders: drop its own name so each pack stands on its own.
  const manifests = files.filter((f) => isManifestPath(f.path));
  if (manifests.length > 0 && manifests.every((f) => segmentsOf(f.path).length >= 3)) {
    files = files
      .map((f) => ({ ...f, path: segmentsOf(f.path).slice(1).join('/') }))
      .filter((f) => f.path.includes('/'));
  }

  // File each pack under its id, so it can be found (and removed) by id later.
  const rename = new Map<string, string>();
  for (const f of files) {
    const segments = segmentsOf(f.path);
    if (segments.length !== 2 || !isManifestPath(f.path) || !kindPackLine.test(f.text)) continue;
    const id = packIdLine.exec(f.text)?.[1];
    if (id && id !== segments[0]) rename.set(segments[0]!, id);
  }
  files = files
    .filter((f) => f.path.includes('/'))
    .map((f) => {
      const [dir = '', ...rest] = segmentsOf(f.path);
      const target = rename.get(dir);
      return target ? { ...f, path: [target, ...rest].join('/') } : f;
    });

  const packDirs = [...new Set(files.map((f) => segmentsOf(f.path)[0] ?? ''))];
  return { files, packDirs, skipped };
}
