import { useMemo, useState } from 'react';
import { interviewPeersVisible } from '../../../core/interview/interviewLifecycle';
import { reportBuild, type CandidateReport } from '../../../core/report/reportBuild';
import { useMe } from '../../db/hooks';
import { usePacks } from '../../hooks/usePacks';
import { useAppStore } from '../../stores/appStore';
import { desktopApi } from '../../platform/desktopApi';
import { href } from '../../app/router';
import { SignalBadge } from '../../components/SignalBadge';
import { useCandidatesEvidence, usePoolCalibration } from './useReportData';
import { audienceCandidateName, audienceDocumentTitle, audienceFileName, audienceOf } from '../../../core/audience/audiencePolicy';
import { BlindModeToggle } from './BlindModeToggle';
import { audienceRouteQuery, blindModeExplanation, useBlindMode } from './useAudience';
import { OverlaidProfiles } from './OverlaidProfiles';
import { CalibrationTable } from './CalibrationTable';

type SortKey = 'name' | 'level' | 'raw' | 'calibrated' | 'redFlags';

/**
 * Compare candidates of one role side by side: sortable, red-flag filter, overlaid profiles, and
 * blind mode, which replaces names and contact details with stable neutral labels.
 */
export function CommitteeScreen() {
  const packs = usePacks();
  const me = useMe();
  const [packId, setPackId] = useState<string>('');
  const pack = packs.find((p) => p.manifest.id === (packId || packs[0]?.manifest.id));
  const evidence = useCandidatesEvidence(pack, 'all', { withNotes: false });
  const calibration = usePoolCalibration(pack);
  // Until the profile's setting is read, names stay hidden rather than flash.
  const isBlind = useBlindMode() ?? true;
  const audience = audienceOf('committee', isBlind);
  const noticeShow = useAppStore((s) => s.noticeShow);
  const [sort, setSort] = useState<{ key: SortKey; isDescending: boolean }>({ key: 'calibrated', isDescending: true });
  const [isRedFlagOnly, setIsRedFlagOnly] = useState(false);

  const reports = useMemo(() => {
    if (!pack || !evidence || !calibration) return undefined;
    return evidence.candidates
      .filter((c) => evidence.interviews.some((i) => i.candidateId === c.id && (i.status === 'submitted' || i.status === 'amended')))
      .filter((c) => interviewPeersVisible(me?.id ?? null, evidence.interviews.filter((i) => i.candidateId === c.id)))
      .map((c) => reportBuild({ pack, candidateId: c.id, evidence, calibration, audience: 'committee' }));
  }, [pack, evidence, calibration, me?.id]);

  if (!pack) return <p className="page muted">{packs.length === 0 ? 'Loading rubric packs…' : 'No rubric pack.'}</p>;
  const nameOf = (r: CandidateReport) => audienceCandidateName(r.candidate, audience);
  const levelIndex = (r: CandidateReport) => (r.recommendation.level ? r.levels.findIndex((l) => l.id === r.recommendation.level) : -1);
  const shown = (reports ?? [])
    .filter((r) => !isRedFlagOnly || r.signals.redFlag.length > 0)
    .sort((a, b) => {
      const v = (r: CandidateReport): number | string => {
        switch (sort.key) {
          case 'name':
            return nameOf(r).toLowerCase();
          case 'level':
            return levelIndex(r);
          case 'raw':
            return r.score.raw ?? -1;
          case 'calibrated':
            return r.score.calibrated ?? -1;
          case 'redFlags':
            return r.signals.redFlag.length;
        }
      };
      const [x, y] = [v(a), v(b)];
      const order = x < y ? -1 : x > y ? 1 : 0;
      return sort.isDescending ? -order : order;
    });

  const header = (key: SortKey, label: string, isNumeric = false) => (
    <th className={isNumeric ? 'num' : undefined} aria-sort={sort.key === key ? (sort.isDescending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="link sort"
        onClick={() => setSort({ key, isDescending: sort.key === key ? !sort.isDescending : key !== 'name' })}
      >
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.isDescending ? ' ▾' : ' ▴') : ''}</span>
      </button>
    </th>
  );

  const exportBatch = async () => {
    if (shown.length === 0) return;
    const result = await (await desktopApi()).exportPdf({
      route: `#/print/batch?candidates=${shown.map((r) => r.candidate.id).join('.')}&${audienceRouteQuery('committee', isBlind)}`,
      fileName: audienceFileName(audienceDocumentTitle(shown.map((r) => r.candidate), audience, pack.manifest.role)),
    });
    if (result.ok) noticeShow('info', `Committee packets sent to ${result.savedTo}.`);
    else if (result.reason !== 'cancelled') noticeShow('error', result.message);
  };

  return (
    <div className="page">
      <header className="page-header">
        <h1>Committee</h1>
        {packs.length > 1 && (
          <label className="inline">
            <span className="sr-only">Role</span>
            <select value={pack.manifest.id} onChange={(e) => setPackId(e.target.value)} aria-label="Role">
              {packs.map((p) => (
                <option key={p.manifest.id + p.hash} value={p.manifest.id}>
                  {p.manifest.role}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="muted">{pack.manifest.role}</span>
        <div className="actions">
          <BlindModeToggle isBlind={isBlind} />
          <label className="checkbox">
            <input type="checkbox" checked={isRedFlagOnly} onChange={(e) => setIsRedFlagOnly(e.target.checked)} />
            Only candidates with red flags
          </label>
          <button type="button" onClick={() => void exportBatch()} disabled={shown.length === 0}>
            Export packets (PDF)
          </button>
        </div>
      </header>
      {isBlind && (
        <p className="muted small" data-testid="blind-mode-note">
          {blindModeExplanation}
        </p>
      )}
      {!reports ? (
        <p className="muted">Computing calibrated reports…</p>
      ) : reports.length === 0 ? (
        <section className="empty-state">
          <h2>Nothing to compare yet</h2>
          <p>
            Candidates appear here once at least one of their scorecards is sealed. Open the demo loop from Today to see a
            filled-in committee view.
          </p>
        </section>
      ) : (
        <>
          <table aria-label="Candidates compared">
            <thead>
              <tr>
                {header('name', 'Candidate')}
                {header('level', 'Recommended level')}
                {header('redFlags', 'Red flags', true)}
                {header('raw', 'Raw score', true)}
                {header('calibrated', 'Calibrated score', true)}
                {pack.dimensions.map((d) => (
                  <th key={d.id} className="num dim-col" title={d.title}>
                    {d.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.candidate.id}>
                  <td>
                    <a href={href('reports', r.candidate.id)}>{nameOf(r)}</a>
                    {!isBlind && <div className="muted small">target {r.candidate.targetLevelTitle}</div>}
                  </td>
                  <td>
                    {r.recommendation.levelTitle ?? 'Below lowest'}
                    {r.recommendation.committeeReview && <div className="small">review required</div>}
                  </td>
                  <td className="num">
                    {r.signals.redFlag.length > 0 ? <SignalBadge polarity="red-flag" label={String(r.signals.redFlag.length)} /> : '0'}
                  </td>
                  <td className="num">{r.score.raw?.toFixed(2) ?? '–'}</td>
                  <td className="num">{r.score.calibrated?.toFixed(2) ?? '–'}</td>
                  {r.profile.map((p) => (
                    <td key={p.dimensionId} className="num">
                      {p.calibrated === null ? '–' : p.calibrated.toFixed(1)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <section className="panel" aria-labelledby="overlay-title" style={{ marginTop: 16 }}>
            <h2 id="overlay-title">Profiles overlaid (calibrated)</h2>
            <OverlaidProfiles reports={shown} nameOf={nameOf} />
          </section>
          {calibration && evidence && (
            <CalibrationTable calibration={calibration} interviewers={evidence.interviewers} dimensions={pack.dimensions} />
          )}
        </>
      )}
    </div>
  );
}
