/** printToPDF options for report exports: vector output, A4, page numbers in the footer. */
import type { PrintToPDFOptions } from 'electron';

export function reportPdfOptions(footerText: string): PrintToPDFOptions {
  const escaped = footerText.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    pageSize: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: `<div style="font-size:8px;width:100%;padding:0 12mm;display:flex;justify-content:space-between;color:#555"><span>${escaped}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
    margins: { top: 0.5, bottom: 0.6, left: 0.4, right: 0.4 },
  };
}
