import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReportAudience } from '../../../core/report/reportBuild';
import { appDb } from '../../db/dbContext';
import { useAppStore } from '../../stores/appStore';
import { ReportView } from './ReportView';
import { useCandidatePack, useReports } from './useReportData';

/** Footer on every printed page: provenance (pack, inputs hash, audit head) and page numbers. */
function usePrintFooter(text: string | null): void {
  useEffect(() => {
    if (!text) return;
    const sheet = new CSSStyleSheet();
    const quoted = JSON.stringify(text);
    sheet.replaceSync(
      `@page { size: A4; margin: 14mm 12mm 16mm; @bottom-left { content: ${quoted}; font: 7pt system-ui, sans-serif; color: #444; } @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7pt system-ui, sans-serif; color: #444; } }`,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    document.title = text;
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [text]);
}

/**
 * The print route (`#/print/report/<id>` or `#/print/batch?candidates=a,b`): the report alone,
 * laid out for A4. Electron's printToPDF and the browser's print both render this route; it marks
 * `<html data-print-ready>` once the report is on the page.
 */
export function PrintReportScreen({ candidateIds, audience, isAutoPrint }: { candidateIds: string[]; audience: ReportAudience; isAutoPrint: boolean }) {
  const isBlind = useAppStore((s) => s.isBlindMode);
  // Opened on its own (printToPDF's hidden window, a print tab), the route has no app shell to load
  // the rubric packs: load them here.
  const hasRubrics = useAppStore((s) => s.rubrics !== null);
  const rubricsReload = useAppStore((s) => s.rubricsReload);
  useEffect(() => {
    if (!hasRubrics) void rubricsReload();
  }, [hasRubrics, rubricsReload]);
  const { pack } = useCandidatePack(candidateIds[0] ?? '');
  const { reports } = useReports(pack, candidateIds, audience);
  const auditHead = useLiveQuery(async () => (await appDb().audit.orderBy('seq').last())?.hash ?? null, [], undefined);

  const footer =
    reports && auditHead !== undefined
      ? `Loopdesk · ${pack!.manifest.id} ${pack!.manifest.version} (${pack!.hash.slice(0, 12)}) · report inputs ${
          reports.length === 1 ? reports[0]!.inputsHash.slice(0, 16) : `${reports.length} reports`
        } · audit head ${auditHead ? auditHead.slice(0, 12) : 'empty'}`
      : null;
  usePrintFooter(footer);

  useEffect(() => {
    if (!reports) return;
    document.documentElement.dataset['printReady'] = 'true';
    if (isAutoPrint) setTimeout(() => window.print(), 100);
    return () => {
      delete document.documentElement.dataset['printReady'];
    };
  }, [reports, isAutoPrint]);

  if (!reports) return <p className="muted">Preparing the report…</p>;
  if (reports.length === 0) return <p>No report: the candidate has no sealed scorecards with a loaded pack.</p>;
  return (
    <div className="print-root">
      {reports.map((report) => (
        <div key={report.candidate.id} className="print-report">
          <ReportView report={report} isBlind={isBlind} />
          <footer className="print-provenance">
            Pack {report.pack.id} {report.pack.version} · pack hash {report.pack.hash.slice(0, 16)} · report inputs hash{' '}
            {report.inputsHash} · audit chain head {auditHead ?? 'empty'} ·{' '}
            {audience === 'committee' ? 'Committee packet with full evidence' : 'Recruiter summary without private notes'}
          </footer>
        </div>
      ))}
    </div>
  );
}
