import { useEffect } from 'react';
import type { Route } from '../../app/router';
import { useAppStore } from '../../stores/appStore';
import { DimensionsTab } from './DimensionsTab';
import { ExercisesTab } from './ExercisesTab';
import { KitsTab } from './KitsTab';
import { LadderTable } from './LadderTable';
import { PackErrorList } from './PackErrorList';
import { Prose } from './Prose';
import { ScenarioList } from './ScenarioList';
import { SignalList } from './SignalList';
import {
  isPackTab,
  originTitles,
  packCounts,
  packHref,
  packTabs,
  packTabTitles,
  shortHash,
  type LoadedPack,
  type PackTab,
} from './packView';

function tabCounts(pack: LoadedPack): Record<PackTab, number> {
  const counts = packCounts(pack);
  return { ...counts, ladder: counts.levels };
}

/** One pack, tab by tab: `#/rubrics/<packId>[/<tab>[/<item>]]` (`route`: the one on display, from `App`). */
export function PackBrowserScreen({ route }: { route: Route }) {
  const rubrics = useAppStore((s) => s.rubrics);
  const [, packId = '', tabSegment, itemId] = route.path;
  const tab: PackTab = isPackTab(tabSegment) ? tabSegment : 'dimensions';
  const origin = route.query.get('origin');
  const candidates = rubrics?.packs.filter((p) => p.manifest.id === packId) ?? [];
  const pack = candidates.find((p) => p.origin === origin) ?? candidates[0];

  // A new tab or item starts at the top; a dimension link scrolls to that dimension.
  const packKey = pack ? `${pack.origin}:${pack.manifest.id}` : '';
  useEffect(() => {
    if (!packKey) return;
    const main = document.getElementById('main');
    if (tab === 'dimensions' && itemId) {
      const heading = document.getElementById(`dimension-${itemId}-title`);
      if (heading) {
        heading.scrollIntoView({ block: 'start' });
        heading.focus({ preventScroll: true });
        return;
      }
    }
    main?.scrollTo({ top: 0 });
  }, [packKey, tab, itemId]);

  if (!rubrics) {
    return (
      <div className="page">
        <p className="muted">Loading rubric packs…</p>
      </div>
    );
  }

  if (!pack) {
    const failed = rubrics.errors.filter((e) => e.packDir === packId);
    return (
      <div className="page">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <a href="#/rubrics">← All rubric packs</a>
        </nav>
        {failed.length > 0 ? (
          <>
            <header className="page-header">
              <h1>{packId} did not load</h1>
            </header>
            <PackErrorList errors={failed} fixHint="Fix the files listed below; the pack opens here once it loads." />
          </>
        ) : (
          <section className="empty-state">
            <h1>No pack “{packId}”</h1>
            <p>
              No loaded rubric pack has this id. <a href="#/rubrics">See all rubric packs</a>.
            </p>
          </section>
        )}
      </div>
    );
  }

  const { manifest } = pack;
  const counts = tabCounts(pack);
  return (
    <div className="page pack-browser">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href="#/rubrics">← All rubric packs</a>
      </nav>
      <header className="page-header pack-header">
        <h1>{manifest.title}</h1>
        {manifest.role !== manifest.title && <span className="muted">{manifest.role}</span>}
        <span className="badge">v{manifest.version}</span>
        <span className={`badge origin origin-${pack.origin}`}>{originTitles[pack.origin]}</span>
        <span className="mono muted" title={`SHA-256 ${pack.hash}`}>
          {shortHash(pack.hash)}
        </span>
      </header>
      <details className="pack-about">
        <summary>About this pack</summary>
        <div className="pack-about-body">
          <Prose text={manifest.summary} />
          {manifest.sources && manifest.sources.length > 0 && (
            <>
              <h2 className="section-title">Sources</h2>
              <ul>
                {manifest.sources.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      </details>
      <nav aria-label="Pack sections" className="tabs">
        {packTabs.map((t) => (
          <a key={t} href={packHref(pack, t)} aria-current={t === tab ? 'page' : undefined}>
            {packTabTitles[t]} <span className="tab-count">{counts[t]}</span>
          </a>
        ))}
      </nav>
      {tab === 'dimensions' && <DimensionsTab pack={pack} />}
      {tab === 'ladder' && <LadderTable pack={pack} />}
      {tab === 'signals' && <SignalList pack={pack} />}
      {tab === 'kits' && <KitsTab pack={pack} itemId={itemId} />}
      {tab === 'exercises' && <ExercisesTab pack={pack} itemId={itemId} />}
      {tab === 'scenarios' && <ScenarioList pack={pack} />}
    </div>
  );
}
