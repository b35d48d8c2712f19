import type { CandidateReport } from '../../../core/report/reportBuild';

/** Agreement per dimension, with what it means in plain words beside the figures. */
export function ReliabilitySection({ reliability }: { reliability: CandidateReport['reliability'] }) {
  const { summary } = reliability;
  return (
    <section aria-labelledby="reliability-title" className="report-section reliability">
      <h2 id="reliability-title">How reliable the numbers are</h2>
      <div className="reliability-words" data-testid="reliability-words">
        <p>{summary.agreed}</p>
        <p>{summary.notAgreed}</p>
        <p>{summary.trust}</p>
        {summary.iccMissing && <p>{summary.iccMissing}</p>}
      </div>
      <table aria-label="Agreement per dimension">
        <thead>
          <tr>
            <th>Dimension</th>
            <th className="num">Candidates</th>
            <th className="num">Raters</th>
            <th className="num">Krippendorff α (ordinal)</th>
            <th className="num">ICC(2,1)</th>
            <th>What it means</th>
          </tr>
        </thead>
        <tbody>
          {reliability.rows.map((r) => (
            <tr key={r.dimensionId}>
              <th scope="row">{r.title}</th>
              <td className="num">{r.candidates}</td>
              <td className="num">{r.raters}</td>
              <td className="num">{r.alphaOrdinal === null ? '–' : `${r.alphaOrdinal.toFixed(2)} ${r.alphaBand ?? ''}`}</td>
              <td className="num" title={r.iccReason ?? undefined}>
                {r.icc2 === null ? '–' : `${r.icc2.toFixed(2)} ${r.iccBand ?? ''}`}
              </td>
              <td className="small">{r.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted sources">Bands: {reliability.sources.join(' · ')}</p>
    </section>
  );
}
