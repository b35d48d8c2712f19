/**
 * The exchange folders a person chose in the native folder dialog, remembered in the app's data
 * folder (`exchange-folders.json`). Main reads and writes only inside a folder on this list, so a
 * renderer naming any other path is refused: the dialog is the only way a folder gets in.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { fileWriteAtomic } from './fileStreams';

/** At most this many folders are remembered (the latest chosen win). */
const remembered = 20;

const choicesSchema = z.array(z.string().min(1).max(4096)).max(remembered);

export interface ExchangeFolderChoices {
  /** Adds a folder the person chose in the dialog. */
  allow(path: string): Promise<void>;
  /** True when `path` was chosen in the dialog, on this machine. */
  isAllowed(path: string): Promise<boolean>;
}

export function exchangeFolderChoicesCreate(file: string): ExchangeFolderChoices {
  let cache: string[] | null = null;
  async function load(): Promise<string[]> {
    if (cache) return cache;
    try {
      const parsed = choicesSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      cache = parsed.success ? parsed.data : [];
    } catch {
      cache = [];
    }
    return cache;
  }
  return {
    async allow(path) {
      const full = resolve(path);
      const next = [full, ...(await load()).filter((p) => p !== full)].slice(0, remembered);
      await mkdir(dirname(file), { recursive: true });
      await fileWriteAtomic(file, [JSON.stringify(next)]);
      cache = next;
    },
    async isAllowed(path) {
      return (await load()).includes(resolve(path));
    },
  };
}
