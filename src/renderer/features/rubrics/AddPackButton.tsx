import { useState } from 'react';
import { desktopApi } from '../../platform/desktopApi';
import { useAppStore } from '../../stores/appStore';
import { packDirOf } from './packView';
import { packFilesRead } from './packFilesRead';

const batchSize = 400;

/**
 * Picks a pack folder (or a folder of packs) and adds it as a user pack. A pack already added
 * under the same folder is replaced, so files deleted from the new version do not linger.
 */
export function AddPackButton() {
  const rubricsSet = useAppStore((s) => s.rubricsSet);
  const noticeShow = useAppStore((s) => s.noticeShow);
  const [isAdding, setIsAdding] = useState(false);

  async function add(picked: File[]) {
    setIsAdding(true);
    try {
      const { files, packDirs, skipped } = await packFilesRead(picked);
      const skippedText =
        skipped.length > 0 ? ` Skipped ${skipped.map((s) => `${s.path} (${s.reason})`).join(', ')}.` : '';
      if (files.length === 0) {
        noticeShow('error', `No rubric files found in that folder.${skippedText}`);
        return;
      }
      const api = await desktopApi();
      const current = useAppStore.getState().rubrics;
      const existing = new Set([
        ...(current?.packs ?? []).filter((p) => p.origin === 'user').map(packDirOf),
        ...(current?.errors ?? []).filter((e) => e.origin === 'user').map((e) => e.packDir),
      ]);
      for (const dir of packDirs) if (existing.has(dir)) await api.removeUserRubricPack(dir);
      let report = current;
      for (let i = 0; i < files.length; i += batchSize)
        report = await api.addUserRubricFiles(files.slice(i, i + batchSize));
      if (!report) return;
      rubricsSet(report);

      const outcomes = packDirs.map((dir) => {
        const error = report.errors.find((e) => e.origin === 'user' && e.packDir === dir);
        if (error) {
          const problems = error.issues.length === 1 ? '1 problem' : `${error.issues.length} problems`;
          return {
            isLoaded: false,
            text: `The pack in ${dir}/ did not load: ${problems}, listed under “Packs that failed to load”`,
          };
        }
        const pack = report.packs.find((p) => p.origin === 'user' && packDirOf(p) === dir);
        return {
          isLoaded: true,
          text: pack ? `Added “${pack.manifest.title}” ${pack.manifest.version}` : `Added ${dir}/`,
        };
      });
      const isAllLoaded = outcomes.every((o) => o.isLoaded);
      noticeShow(
        isAllLoaded && skipped.length === 0 ? 'info' : 'error',
        `${outcomes.map((o) => o.text).join('; ')}.${skippedText}`,
      );
    } catch (error) {
      noticeShow('error', `Could not add the rubric pack: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setIsAdding(false);
    }
  }

  return (
    <label className={isAdding ? 'button primary file-button is-busy' : 'button primary file-button'}>
      {isAdding ? 'Adding…' : 'Add rubric pack…'}
      <input
        type="file"
        multiple
        className="sr-only"
        disabled={isAdding}
        aria-describedby="add-pack-help"
        ref={(input) => {
          // React has no typed prop for folder picking; the attribute is what browsers read.
          input?.setAttribute('webkitdirectory', '');
        }}
        onChange={(e) => {
          const picked = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (picked.length > 0) void add(picked);
        }}
      />
    </label>
  );
}
