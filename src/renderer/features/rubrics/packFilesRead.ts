/**
 * Turns the files of a folder picked in the browser into `{ path, text }` pairs the host accepts:
 * hidden, binary, huge and oddly named files are skipped (and named, so the user sees why), and
 * each pack is filed under its pack id, the loader's `rubrics/<pack-id>/` convention.
 */

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

const maxFileBytes = 1_000_000;
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

/** Reads the picked files; never throws for a bad file, it lands in `skipped` instead. */
export async function packFilesRead(picked: File[]): Promise<PickedPackFiles> {
  const skipped: PickedPackFiles['skipped'] = [];
  let files: PickedFile[] = [];
  for (const file of picked) {
    const path = (file.webkitRelativePath || file.name).replace(/\\/g, '/');
    const segments = segmentsOf(path);
    if (segments.some((s) => s.startsWith('.') || s === 'node_modules') || segments.at(-1) === 'rubric.schema.json')
      continue;
    if (!safePath.test(path) || segments.includes('..')) {
      skipped.push({ path, reason: 'use letters, digits, spaces, "-", "_" and "." in file and folder names' });
      continue;
    }
    if (file.size > maxFileBytes) {
      skipped.push({ path, reason: 'larger than 1 MB' });
      continue;
    }
    const text = await file.text();
    if (text.includes('\u0000')) {
      skipped.push({ path, reason: 'not a text file' });
      continue;
    }
    files.push({ path: segments.join('/'), text });
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
