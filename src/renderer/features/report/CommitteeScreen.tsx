import { useState } from 'react';
import { reportDimensionAbbreviations } from '../../../core/report/reportAbbreviations';
import { committeeProfileOf, type CommitteeView } from '../../../core/report/committeeRow';
import { usePacks } from '../../hooks/usePacks';
import { useCommitteeRows } from './useCommitteeRows';
import {
  audienceDocumentTitle,
  audienceFileName,
  audienceIsBlind,
  audienceOf,
} from '../../../core/audience/audiencePolicy';
import { BlindModeToggle } from './BlindModeToggle';
import { usePdfExport } from './usePdfExport';
import { audienceRouteQuery, blindModeExplanation, useBlindMode } from './useAudience';
import { OVERLAID_PROFILES_MAX, OverlaidProfiles } from './OverlaidProfiles';
import { CommitteeCalibration } from './CalibrationTable';
import { dateToday } from './dateToday';
import { CommitteeTable, committeeSorted, type CommitteeSort } from './CommitteeTable';
import { DimensionLegend } from './committeeCells';
import './report.css';

/**
 * Compare candidates of one role side by side: sortable, red-flag filter, overlaid profiles, and
 * blind mode, which replaces names and contact details with stable neutral labels.
 */
export function CommitteeScreen() {
  const packs = usePacks();
  const [packId, setPackId] = useState<string>('');
  const pack = packs.find((p) => p.manifest.id === (packId || packs[0]?.manifest.id));
  const blindSetting = useBlindMode();
  // Stored rows, computed by a worker when evidence changes: the screen reads no rating of the
  // pool, and candidates' names only when it shows them.
  const { views: reports, isRecalculating } = useCommitteeRows(pack);
  // Until the profile's setting is read, names stay hidden rather than flash.
  const isBlind = blindSetting ?? true;
  const audience = audienceOf('committee', isBlind);
  const { pdfExport, failureAlert, progressStatus, isExporting } = usePdfExport();
  const [sort, setSort] = useState<CommitteeSort>({ key: 'calibrated', isDescending: true });
  const [isRedFlagOnly, setIsRedFlagOnly] = useState(false);

  if (!pack) return <p className="page muted">{packs.length === 0 ? 'Loading rubric packs…' : 'No rubric pack.'}</p>;
  // The blind label is the row's own (`audienceBlindLabel`, computed with the rows).
  const nameOf = (r: CommitteeView) => (audienceIsBlind(audience) ? r.candidate.blindLabel : r.candidate.name);
  const shown = committeeSorted(
    (reports ?? []).filter((r) => !isRedFlagOnly || r.redFlagCount > 0),
    sort,
    nameOf,
  );
  const abbreviations = reportDimensionAbbreviations(pack.dimensions);

  const exportBatch = async () => {
    if (shown.length === 0) return;
    await pdfExport(
      {
        route: `#/print/batch?candidates=${shown.map((r) => r.candidate.id).join('.')}&${audienceRouteQuery('committee', isBlind)}`,
        fileName: audienceFileName(
          audienceDocumentTitle(
            shown.map((r) => r.candidate),
            audience,
            pack.manifest.role,
            dateToday(),
          ),
        ),
      },
      (savedTo) => `Committee packets sent to ${savedTo}.`,
      shown.length === 1 ? 'the committee packet' : `${shown.length} committee packets`,
    );
  };

  return (
    <div className="page">
      <header className="page-header">
        <h1>Committee</h1>
        {isRecalculating && (
          <p role="status" className="muted" data-testid="recalculating">
            Calibration being updated for new evidence; the figures below are from before it.
          </p>
        )}
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
          <button type="button" onClick={() => void exportBatch()} disabled={shown.length === 0 || isExporting}>
            {isExporting ? 'Exporting packets…' : 'Export packets (PDF)'}
          </button>
        </div>
      </header>
      {progressStatus}
      {failureAlert}
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
            Candidates appear here once at least one of their scorecards is sealed. Open the demo loop from Today to see
            a filled-in committee view.
          </p>
        </section>
      ) : (
        <>
          <CommitteeTable
            reports={shown}
            dimensions={pack.dimensions}
            abbreviations={abbreviations}
            sort={sort}
            onSort={setSort}
            nameOf={nameOf}
            isBlind={isBlind}
          />
          <DimensionLegend dimensions={pack.dimensions} abbreviations={abbreviations} />
          <section className="panel" aria-labelledby="overlay-title" style={{ marginTop: 16 }}>
            <h2 id="overlay-title">Profiles overlaid (calibrated)</h2>
            <OverlaidProfiles
              reports={shown.slice(0, OVERLAID_PROFILES_MAX).map((r) => ({ ...r, profile: committeeProfileOf(r) }))}
              nameOf={nameOf}
              abbreviations={abbreviations}
            />
            {shown.length > OVERLAID_PROFILES_MAX && (
              <p className="muted small">
                The first {OVERLAID_PROFILES_MAX} of {shown.length} candidates in the table's order; sort or filter the
                table to compare others.
              </p>
            )}
          </section>
          <CommitteeCalibration pack={pack} />
        </>
      )}
    </div>
  );
}
