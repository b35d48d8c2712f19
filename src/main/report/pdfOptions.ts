/**
 * printToPDF options for report exports: vector output on A4. The print route draws its own
 * footer (provenance and "Page n of m") with CSS @page margin boxes, so web mode's browser print
 * and the desktop export produce the same pages.
 */
import type { PrintToPDFOptions } from 'electron';

export const reportPdfOptions: PrintToPDFOptions = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
  generateTaggedPDF: true,
};
