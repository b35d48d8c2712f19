import type { CandidateReport } from '../../../core/report/reportBuild';
import { reportDimensionAbbreviations } from '../../../core/report/reportAbbreviations';
import { recommendationHeadline } from './RecommendationPanel';
import { OVERLAID_PROFILES_MAX, OverlaidProfiles } from './OverlaidProfiles';
import { DimensionLegend, OverallCell } from './committeeCells';
import { ReliabilitySection } from './ReliabilitySection';
import './report.css';

const fmt = (v: number | null, digits = 2) => (v === null ? '–' : v.toFixed(digits));

/**
 * The first page of a batch committee packet: every candidate side by side (level, decision,
 * interviewers' overall, red flags, scores, each dimension), their profiles overlaid, and the
 * pool's reliability once — it is the same for every candidate, so no section repeats it.
 */
export function BatchComparisonPage({ reports }: { reports: CandidateReport[] }) {
  const first = reports[0];
  if (!first) return null;
  const dimensions = first.profile.map((p) => ({ id: p.dimensionId, title: p.title }));
  const abbreviations = reportDimensionAbbreviations(dimensions);
  const overlaid = reports.slice(0, OVERLAID_PROFILES_MAX);
  return (
    <section className="comparison-page report" aria-labelledby="comparison-title" data-testid="comparison-page">
      <header className="report-head">
        <h1 id="comparison-title">Committee packet — {first.pack.role}</h1>
        <p className="muted">
          {reports.length} candidates compared · target {first.candidate.targetLevelTitle} · one section per candidate
          follows
        </p>
      </header>
      <table aria-label="Candidates compared" className="comparison-table">
        <thead>
          <tr>
            <th>Candidate</th>
            <th>Level</th>
            <th>Decision</th>
            <th>Interviewers overall</th>
            <th className="num">Red flags</th>
            <th className="num">Raw</th>
            <th className="num">Cal.</th>
            {dimensions.map((d) => (
              <th key={d.id} className="num">
                <abbr title={d.title}>{abbreviations.get(d.id)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.candidate.id}>
              <th scope="row">{r.candidate.name}</th>
              <td>{recommendationHeadline(r)}</td>
              <td>{r.decisions[0]?.summary ?? '–'}</td>
              <td className="comparison-overall">
                <OverallCell report={r} />
              </td>
              <td className="num">{r.signals.redFlag.length}</td>
              <td className="num">{fmt(r.score.raw)}</td>
              <td className="num">{fmt(r.score.calibrated)}</td>
              {r.profile.map((p) => (
                <td key={p.dimensionId} className="num">
                  {fmt(p.calibrated, 1)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <DimensionLegend dimensions={dimensions} abbreviations={abbreviations} />
      <OverlaidProfiles reports={overlaid} nameOf={(r) => r.candidate.name} abbreviations={abbreviations} />
      {overlaid.length < reports.length && (
        <p className="muted small">
          The chart overlays the first {overlaid.length} of the {reports.length} candidates, in the table's order; more
          lines would hide each other.
        </p>
      )}
      <ReliabilitySection reliability={first.reliability} />
    </section>
  );
}
