/**
 * The print page (`print.html#/print/…`): what the PDF export's fresh window and the web print tab
 * open. Run by the page's first script (`printEntry`, which has started the reports' read), it
 * holds the print screen and what it needs in a chunk of its own, without the app's shell and
 * screens, and starts the rubric packs' load first (`printPageStart`), so a fresh window reaches
 * `data-print-ready` without a chain of chunk fetches; it renders when both are in.
 */
import { printPageStarted } from './features/report/printPageStart';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { useRoute } from './app/router';
import { PrintReportScreen } from './features/report/PrintReportScreen';
import { printRouteProps } from './features/report/printRoute';

function PrintPage() {
  const route = useRoute();
  return (
    <Suspense fallback={<p className="page muted">Loading…</p>}>
      <PrintReportScreen {...printRouteProps(route)} />
    </Suspense>
  );
}

// Rendered once the page's read and packs are in (`printPageStarted`): one render of the whole report.
void printPageStarted.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PrintPage />
    </StrictMode>,
  ),
);
