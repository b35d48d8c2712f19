import { useEffect, useLayoutEffect, useMemo } from 'react';
import { audienceDocumentTitle, audienceOf, audienceReport, type Audience } from '../../../core/audience/audiencePolicy';
import { interviewPeersVisible } from '../../../core/interview/interviewLifecycle';
import type { CandidateReport, ReportAudience } from '../../../core/report/reportBuild';
import { useAppStore } from '../../stores/appStore';
import { ReportView } from './ReportView';
import { dateToday } from './dateToday';
import { BatchComparisonPage } from './BatchComparisonPage';
import { printRubricsLoad } from './printRoute';
import { RecruiterSummaryView } from './RecruiterSummaryView';
import { useReportScreen } from './useReportScreen';

/**
 * Running header and footer on every printed page (CSS `@page` margin boxes), and the document
 * title, which becomes the PDF's title metadata and, in a browser, the suggested file name. Both
 * come from the audience policy, so a blind packet names no one anywhere. Set as the report is
 * committed (a layout effect), before the page says it is ready.
 */
function usePrintFrame(frame: { title: string; header: string; footer: string } | null): void {
  useLayoutEffect(() => {
    if (!frame) return;
    const sheet = new CSSStyleSheet();
    const box = (content: string) => `content: ${JSON.stringify(content)}; font: 7pt system-ui, sans-serif; color: #444;`;
    sheet.replaceSync(
      `@page { size: A4; margin: 14mm 12mm 16mm; @top-left { ${box(frame.header)} } @bottom-left { ${box(frame.footer)} } @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7pt system-ui, sans-serif; color: #444; } }`,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const before = document.title;
    document.title = frame.title;
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      document.title = before;
    };
  }, [frame?.title, frame?.header, frame?.footer]); // eslint-disable-line react-hooks/exhaustive-deps
}

/** The reports this print's audience may read: all of them, or none with the reason. */
function visibleReports(
  reports: CandidateReport[],
  audience: Audience,
  isPanelistUnsealed: (candidateId: string) => boolean,
): { ok: true; reports: CandidateReport[] } | { ok: false; reason: string } {
  const out: CandidateReport[] = [];
  for (const report of reports) {
    const result = audienceReport(report, isPanelistUnsealed(report.candidate.id) ? 'panelist-unsealed' : audience);
    if (!result.ok) return result;
    out.push(result.report);
  }
  return { ok: true, reports: out };
}

/**
 * The print route (`#/print/report/<id>?audience=…[&blind=1]` or
 * `#/print/batch?candidates=a.b&audience=…[&blind=1]`): the report alone, laid out for A4.
 * Electron's printToPDF and the browser's print both render this route; it marks
 * `<html data-print-ready>` once the report is on the page, or `<html data-print-error="…">` with
 * the reason when it cannot render one. Blind mode comes from the route and
 * from the profile's stored setting (either makes it blind), never from a window's memory.
 */
export function PrintReportScreen({
  candidateIds,
  audience: kind,
  isBlindRequested,
  isAutoPrint,
}: {
  candidateIds: string[];
  audience: ReportAudience;
  /** The route's `blind=1`. */
  isBlindRequested: boolean;
  isAutoPrint: boolean;
}) {
  // Opened on its own (printToPDF's hidden window, a print tab), the route has no app shell to load
  // the rubric packs (started with the window, `printPageStart` / `printRoutePreload`).
  const hasRubrics = useAppStore((s) => s.rubrics !== null);
  useEffect(() => {
    if (!hasRubrics) void printRubricsLoad();
  }, [hasRubrics]);
  const idsKey = candidateIds.join(',');
  const ids = useMemo(() => idsKey.split(',').filter(Boolean), [idsKey]);
  // The read the window started (`printPageStart` / `printRoutePreload`): the screen suspends until it is in.
  const { me, isBlind, pack, reports: built, evidence, isRecalculating, auditHeadHash } = useReportScreen(ids, kind);
  const audience = audienceOf(kind, isBlindRequested || isBlind);

  // A PDF is printed from statistics of the evidence as it stands, never from earlier ones.
  const isReady = !!built && !!evidence && !isRecalculating;
  const visible = isReady
    ? visibleReports(built, audience, (id) => !interviewPeersVisible(me?.id ?? null, evidence.interviews.filter((i) => i.candidateId === id)))
    : null;
  const reports = visible?.ok ? visible.reports : null;
  const title =
    reports && reports.length > 0 && pack
      ? audienceDocumentTitle(reports.map((r) => r.candidate), audience, pack.manifest.role, dateToday())
      : null;
  // The running header reads as the title does ("Committee packet — Staff DevOps Engineer — 2026-12-01").
  const frame =
    title !== null && reports && pack
      ? {
          title,
          header: `${title} · Loopdesk`,
          footer: `Loopdesk · ${pack.manifest.id} ${pack.manifest.version} (${pack.hash.slice(0, 12)}) · report inputs ${
            reports.length === 1 ? reports[0]!.inputsHash.slice(0, 16) : `${reports.length} reports`
          } · audit head ${auditHeadHash ? auditHeadHash.slice(0, 12) : 'empty'}`,
        }
      : null;
  usePrintFrame(frame);

  // The page always ends in `data-print-ready` or `data-print-error="<reason>"`, so a PDF export
  // waiting on it never waits for a report that cannot render. Marked as the report is committed
  // (a layout effect, after the print frame's): printing lays the page out itself, so the export
  // does not wait for the screen's first layout and paint of the report.
  const printError =
    hasRubrics && !pack
      ? 'the rubric pack this candidate was interviewed with is not loaded'
      : visible && !visible.ok
        ? visible.reason
        : visible?.ok && visible.reports.length === 0
          ? 'the candidate has no sealed scorecards with a loaded pack'
          : null;
  const isPrintable = !!visible?.ok && visible.reports.length > 0;
  useLayoutEffect(() => {
    const data = document.documentElement.dataset;
    if (printError !== null) data['printError'] = printError;
    else if (isPrintable) {
      data['printReady'] = 'true';
      if (isAutoPrint) setTimeout(() => window.print(), 100);
    } else return;
    return () => {
      delete data['printReady'];
      delete data['printError'];
    };
  }, [isPrintable, printError, isAutoPrint]);

  if (printError !== null && !visible?.ok) return <p>No report: {printError}.</p>;
  if (!visible) return <p className="muted">Preparing the report…</p>;
  if (!visible.ok) return <p>No report: {visible.reason}</p>;
  if (visible.reports.length === 0) return <p>No report: the candidate has no sealed scorecards with a loaded pack.</p>;
  return (
    <div className="print-root">
      {kind === 'committee' && visible.reports.length > 1 && <BatchComparisonPage reports={visible.reports} />}
      {visible.reports.map((report) => (
        <div key={report.candidate.id} className="print-report">
          {kind === 'recruiter' ? (
            <RecruiterSummaryView report={report} />
          ) : (
            <ReportView report={report} hasReliability={visible.reports.length === 1} />
          )}
          <footer className="print-provenance">
            Pack {report.pack.id} {report.pack.version} · pack hash {report.pack.hash.slice(0, 16)} · report inputs hash{' '}
            {report.inputsHash} · audit chain head {auditHeadHash ?? 'empty'} ·{' '}
            {kind === 'committee' ? 'Committee packet with full evidence' : 'Recruiter summary without private notes'}
          </footer>
        </div>
      ))}
    </div>
  );
}
