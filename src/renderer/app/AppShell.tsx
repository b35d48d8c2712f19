import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useRoute } from './router';
import { useAppStore } from '../stores/appStore';
import { desktopApi } from '../platform/desktopApi';
import { NoticeArea } from '../components/NoticeArea';
import { useStartupJobs } from './useStartupJobs';
import { useUnloadGuard } from './useUnloadGuard';
import { DemoBanner } from './DemoBanner';
import { afterFirstPaint } from './afterFirstPaint';

// Background upkeep loads after the first screen has painted: none of it is needed to paint Today.
const ShellUpkeep = lazy(() => import('./ShellUpkeep').then((m) => ({ default: m.ShellUpkeep })));

const navItems: Array<{ to: string; label: string; match: string }> = [
  { to: '#/today', label: 'Today', match: 'today' },
  { to: '#/candidates', label: 'Candidates', match: 'candidates' },
  { to: '#/due', label: 'Scorecards due', match: 'due' },
  { to: '#/committee', label: 'Committee', match: 'committee' },
  { to: '#/analytics', label: 'Analytics', match: 'analytics' },
  { to: '#/practice', label: 'Practice', match: 'practice' },
  { to: '#/rubrics', label: 'Rubrics', match: 'rubrics' },
  { to: '#/data', label: 'Data', match: 'data' },
];

/** Navigation rail + the current screen. Loads rubric packs once and reloads when the host says so. */
export function AppShell({ children }: { children: ReactNode }) {
  const route = useRoute();
  const rubricsReload = useAppStore((s) => s.rubricsReload);
  useStartupJobs();
  useUnloadGuard();
  const [isPainted, setIsPainted] = useState(false);
  useEffect(() => void afterFirstPaint().then(() => setIsPainted(true)), []);

  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let isClosed = false;
    // The packs come through the platform's code (on the web, a large chunk): after the first paint.
    void afterFirstPaint().then(() => {
      if (isClosed) return;
      void rubricsReload();
      void desktopApi().then((api) => {
        unsubscribe = isClosed ? undefined : api.onRubricsChanged(() => void rubricsReload());
      });
    });
    return () => {
      isClosed = true;
      unsubscribe?.();
    };
  }, [rubricsReload]);

  const section = route.path[0] ?? 'today';
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="rail" aria-label="Main">
        <div className="brand" aria-hidden="true">
          Loopdesk
        </div>
        <ul>
          {navItems.map((item) => (
            <li key={item.match}>
              <a href={item.to} aria-current={section === item.match ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <DemoBanner />
        {children}
      </main>
      <NoticeArea />
      {isPainted && (
        <Suspense fallback={null}>
          <ShellUpkeep />
        </Suspense>
      )}
    </div>
  );
}
