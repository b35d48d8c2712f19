/**
 * An in-memory FileSystemDirectoryHandle with the subset of the File System Access API the
 * exchange folder uses (list, get/create, read, write via createWritable, move, remove).
 */
import type { ExchangeDirectoryHandle, ExchangeFileHandle } from '../../../src/renderer/platform/exchangeFolderAccess';

type Tree = Map<string, Tree | { text: string; lastModified: number }>;

let clock = 1_000;

export function memoryFolder(name = 'shared', tree: Tree = new Map()): ExchangeDirectoryHandle & { tree: Tree } {
  const notFound = () => new DOMException('not found', 'NotFoundError');
  const fileHandle = (parent: Tree, fileName: string): ExchangeFileHandle => ({
    kind: 'file',
    name: fileName,
    getFile: async () => {
      const node = parent.get(fileName);
      if (!node || node instanceof Map) throw notFound();
      return new File([node.text], fileName, { lastModified: node.lastModified });
    },
    createWritable: async () => {
      let text = '';
      return {
        write: async (data: string) => void (text += data),
        close: async () => void parent.set(fileName, { text, lastModified: clock++ }),
      };
    },
    move: async function (this: ExchangeFileHandle, newName: string) {
      const node = parent.get(fileName);
      if (!node) throw notFound();
      parent.delete(fileName);
      parent.set(newName, node);
    },
  });
  return {
    kind: 'directory',
    name,
    tree,
    async *values() {
      for (const [key, node] of tree) yield node instanceof Map ? memoryFolder(key, node) : fileHandle(tree, key);
    },
    getDirectoryHandle: async (dirName, options) => {
      let node = tree.get(dirName);
      if (!node && options?.create) tree.set(dirName, (node = new Map()));
      if (!(node instanceof Map)) throw notFound();
      return memoryFolder(dirName, node);
    },
    getFileHandle: async (fileName, options) => {
      const node = tree.get(fileName);
      if (!node && options?.create) tree.set(fileName, { text: '', lastModified: clock++ });
      else if (!node || node instanceof Map) throw notFound();
      return fileHandle(tree, fileName);
    },
    removeEntry: async (entryName) => void tree.delete(entryName),
  };
}

/** Puts a file straight into `<outbox>/<profileId>/` (a sync tool, or someone hostile). */
export function memoryFolderPut(folder: { tree: Tree }, profileId: string, name: string, text: string): void {
  const outbox = (folder.tree.get('outbox') as Tree | undefined) ?? new Map();
  folder.tree.set('outbox', outbox);
  const dir = (outbox.get(profileId) as Tree | undefined) ?? new Map();
  outbox.set(profileId, dir);
  dir.set(name, { text, lastModified: clock++ });
}

export function memoryFolderText(folder: { tree: Tree }, profileId: string, name: string): string {
  const node = ((folder.tree.get('outbox') as Tree).get(profileId) as Tree).get(name) as { text: string };
  return node.text;
}

export function memoryFolderNames(folder: { tree: Tree }, profileId: string): string[] {
  const dir = (folder.tree.get('outbox') as Tree | undefined)?.get(profileId) as Tree | undefined;
  return dir ? [...dir.keys()].sort() : [];
}
