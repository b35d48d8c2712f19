import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { PdfExportPhase, PdfExportRequest } from '../../../shared/desktopApi';
import { desktopApi } from '../../platform/desktopApi';
import { appWorkspaceRouted } from '../../db/workspace';
import { useAppStore } from '../../stores/appStore';

/** What the running export is doing, as the status line says it. */
const phaseText: Record<PdfExportPhase | 'starting' | 'cancelling', string> = {
  starting: 'starting',
  rendering: 'rendering the reports',
  printing: 'printing',
  saving: 'writing the file',
  cancelling: 'cancelling',
};

interface RunningExport {
  exportId: string;
  subject: string;
  phase: keyof typeof phaseText;
}

type SavedText = (savedTo: string) => string;

/**
 * Runs a PDF export: while it runs, a status line says what it is doing, with Cancel (the print
 * page is closed and no file is written); a failure stays on screen, with the reason and a Retry
 * button, until the user retries or dismisses it: a report that did not save must not go unnoticed.
 */
export function usePdfExport(): {
  pdfExport: (request: PdfExportRequest, savedText: SavedText, subject?: string) => Promise<void>;
  failureAlert: ReactNode;
  progressStatus: ReactNode;
  isExporting: boolean;
} {
  const noticeShow = useAppStore((s) => s.noticeShow);
  const [failure, setFailure] = useState<{ message: string; request: PdfExportRequest; savedText: SavedText; subject: string } | null>(null);
  const [running, setRunning] = useState<RunningExport | null>(null);
  /** The export the user asked to cancel: its end is confirmed (a cancelled save dialog needs no word). */
  const cancelledId = useRef<string | null>(null);

  const pdfExport = useCallback(
    async (request: PdfExportRequest, savedText: SavedText, subject = 'the PDF'): Promise<void> => {
      const exportId = crypto.randomUUID();
      setFailure(null);
      setRunning({ exportId, subject, phase: 'starting' });
      let unsubscribe: (() => void) | undefined;
      try {
        const api = await desktopApi();
        unsubscribe = api.onPdfExportProgress((p) => {
          if (p.exportId !== exportId) return;
          setRunning((r) => (r?.exportId === exportId && r.phase !== 'cancelling' ? { ...r, phase: p.phase } : r));
        });
        // The print window reads the database of this window's workspace (the demo's, or the real one).
        const result = await api.exportPdf({ ...request, route: appWorkspaceRouted(request.route), exportId });
        if (result.ok) noticeShow('info', savedText(result.savedTo));
        else if (result.reason === 'failed') setFailure({ message: result.message, request, savedText, subject });
        else if (cancelledId.current === exportId) noticeShow('info', result.message);
      } catch (error) {
        const message = `The PDF was not saved: ${error instanceof Error ? error.message : String(error)}`;
        setFailure({ message, request, savedText, subject });
      } finally {
        unsubscribe?.();
        setRunning(null);
      }
    },
    [noticeShow],
  );

  const cancel = (exportId: string) => {
    cancelledId.current = exportId;
    setRunning((r) => (r?.exportId === exportId ? { ...r, phase: 'cancelling' } : r));
    desktopApi()
      .then((api) => api.cancelPdfExport(exportId))
      .catch((error: unknown) => noticeShow('error', `The export could not be cancelled: ${error instanceof Error ? error.message : String(error)}`));
  };

  const progressStatus = running ? (
    <div className="notice no-print" role="status" data-testid="pdf-export-progress">
      <span>
        Exporting {running.subject}: {phaseText[running.phase]}…
      </span>{' '}
      <button type="button" onClick={() => cancel(running.exportId)} disabled={running.phase === 'cancelling'}>
        Cancel
      </button>
    </div>
  ) : null;

  const failureAlert = failure ? (
    <div className="notice notice-error no-print" role="alert" data-testid="pdf-export-error">
      <span>{failure.message}</span>{' '}
      <button type="button" onClick={() => void pdfExport(failure.request, failure.savedText, failure.subject)}>
        Retry
      </button>{' '}
      <button type="button" className="link" onClick={() => setFailure(null)}>
        Dismiss
      </button>
    </div>
  ) : null;
  return { pdfExport, failureAlert, progressStatus, isExporting: running !== null };
}
