import { useCallback, useState, type ReactNode } from 'react';
import type { PdfExportRequest } from '../../../shared/desktopApi';
import { desktopApi } from '../../platform/desktopApi';
import { useAppStore } from '../../stores/appStore';

/**
 * Runs a PDF export and keeps its failure on screen, with the reason and a Retry button, until
 * the user retries or dismisses it: a report that did not save must not go unnoticed.
 */
export function usePdfExport(): {
  pdfExport: (request: PdfExportRequest, savedText: (savedTo: string) => string) => Promise<void>;
  failureAlert: ReactNode;
  isExporting: boolean;
} {
  const noticeShow = useAppStore((s) => s.noticeShow);
  const [failure, setFailure] = useState<{ message: string; request: PdfExportRequest; savedText: (savedTo: string) => string } | null>(null);
  const [isExporting, setIsExporting] = useState(false);

  const pdfExport = useCallback(
    async (request: PdfExportRequest, savedText: (savedTo: string) => string): Promise<void> => {
      setFailure(null);
      setIsExporting(true);
      try {
        const result = await (await desktopApi()).exportPdf(request);
        if (result.ok) noticeShow('info', savedText(result.savedTo));
        else if (result.reason !== 'cancelled') setFailure({ message: result.message, request, savedText });
      } catch (error) {
        const message = `The PDF was not saved: ${error instanceof Error ? error.message : String(error)}`;
        setFailure({ message, request, savedText });
      } finally {
        setIsExporting(false);
      }
    },
    [noticeShow],
  );

  const failureAlert = failure ? (
    <div className="notice notice-error no-print" role="alert" data-testid="pdf-export-error">
      <span>{failure.message}</span>{' '}
      <button type="button" onClick={() => void pdfExport(failure.request, failure.savedText)}>
        Retry
      </button>{' '}
      <button type="button" className="link" onClick={() => setFailure(null)}>
        Dismiss
      </button>
    </div>
  ) : null;
  return { pdfExport, failureAlert, isExporting };
}
