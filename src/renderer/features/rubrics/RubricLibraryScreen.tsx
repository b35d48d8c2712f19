import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/desktopApi';
import { desktopApi } from '../../platform/desktopApi';
import { useAppStore } from '../../stores/appStore';
import { AddPackButton } from './AddPackButton';
import { PackCard } from './PackCard';
import { PackErrorList } from './PackErrorList';
import { countText } from './packView';

/** Every loaded rubric pack and every pack that failed to load, with add and remove for user packs. */
export function RubricLibraryScreen() {
  const rubrics = useAppStore((s) => s.rubrics);
  const loadError = useAppStore((s) => s.rubricsLoadError);
  const noticeShow = useAppStore((s) => s.noticeShow);
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    let isCurrent = true;
    void desktopApi()
      .then((api) => api.getAppInfo())
      .then((info) => {
        if (isCurrent) setAppInfo(info);
      })
      .catch((error: unknown) => {
        // Without it the screen cannot say where user packs live; say why instead of hiding it.
        if (isCurrent) noticeShow('error', `Could not ask the app where user packs live: ${error instanceof Error ? error.message : String(error)}`);
      });
    return () => {
      isCurrent = false;
    };
  }, [noticeShow]);

  const isDesktop = appInfo?.host === 'desktop';
  const packs = rubrics?.packs ?? [];
  const errors = rubrics?.errors ?? [];
  const fixHint = isDesktop
    ? 'Fix the files listed below and save: the library reloads as soon as the user folder changes. Built-in packs are unaffected.'
    : 'Fix the files listed below and add the folder again; it replaces the broken copy. Other packs are unaffected.';

  return (
    <div className="page rubric-library">
      <header className="page-header">
        <h1>Rubric packs</h1>
        {rubrics && <span className="muted">{countText(packs.length, 'pack')} loaded</span>}
        <div className="actions">
          <AddPackButton />
        </div>
      </header>
      <p id="add-pack-help" className="muted library-help">
        {isDesktop && appInfo.userRubricDir ? (
          <>
            User packs live in <span className="mono">{appInfo.userRubricDir}</span> and reload when their files change.
            “Add rubric pack…” copies a pack folder there.
          </>
        ) : (
          <>
            Built-in packs come with Loopdesk. “Add rubric pack…” takes a pack folder (or a folder of packs) and keeps
            it in this browser.
          </>
        )}
      </p>

      {loadError && (
        <section className="panel load-errors" role="alert">
          <h2>Rubric packs could not be loaded</h2>
          <p className="error-text">{loadError}</p>
        </section>
      )}

      {errors.length > 0 && <PackErrorList errors={errors} fixHint={fixHint} />}

      {!rubrics && !loadError ? (
        <p className="muted">Loading rubric packs…</p>
      ) : packs.length === 0 ? (
        <section className="empty-state" aria-labelledby="no-packs-title">
          <h2 id="no-packs-title">No rubric packs loaded</h2>
          <p>
            A rubric pack is a folder of YAML files: a manifest, a level ladder, scorecard dimensions and a signal
            catalogue, optionally with interview kits, exercises and incident scenarios. Add one with “Add rubric
            pack…”.
          </p>
        </section>
      ) : (
        <ul className="pack-grid" aria-label="Loaded rubric packs">
          {packs.map((pack) => (
            <li key={`${pack.origin}:${pack.manifest.id}`}>
              <PackCard pack={pack} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
