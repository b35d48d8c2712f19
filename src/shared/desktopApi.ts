/**
 * The one contract between the renderer and whatever hosts it: Electron's preload (desktop) or
 * the web implementation (web mode). One method per intent; channels are `area:verb`.
 */
import type { RubricPack } from '../core/rubric/schema';
import type { RubricIssue } from '../core/rubric/loader';
import type { ExchangeListing } from '../core/exchange/exchangeFolder';

export interface AppInfo {
  name: string;
  version: string;
  /** `desktop` under Electron, `web` in a browser. */
  host: 'desktop' | 'web';
  /** Folder whose rubric packs are loaded besides the built-in ones (desktop only). */
  userRubricDir: string | null;
}

export interface RubricPackError {
  /** Folder of the pack that failed, relative to its root (`my-pack`). */
  packDir: string;
  origin: 'built-in' | 'user';
  issues: RubricIssue[];
}

export interface RubricLoadReport {
  packs: Array<RubricPack & { origin: 'built-in' | 'user' }>;
  errors: RubricPackError[];
  loadedAt: number;
}

/**
 * The page a print route is opened on to print it (desktop export, web print tab): the print
 * screen alone, a bundle of its own (`printEntry.ts`, `printMain.tsx`), so a fresh window renders the report without
 * loading the app. The app's own page (`index.html`) shows print routes too.
 */
export const printPageFile = 'print.html';

export interface PdfExportRequest {
  /** Hash route of the print view, e.g. `#/print/report/<candidateId>?audience=committee`; opened on {@link printPageFile}. */
  route: string;
  /** Suggested file name, e.g. `Ada Lovelace - committee packet.pdf`. */
  fileName: string;
  /** Names the export in its progress events and in `cancelPdfExport` (unique per export). */
  exportId?: string;
}

/** A report that has not rendered in this long will not render: the export ends with that reason. */
export const pdfExportTimeoutMs = 30_000;

/** Where a running export is: the page rendering its reports, printing to PDF, writing the file. */
export type PdfExportPhase = 'rendering' | 'printing' | 'saving';

export interface PdfExportProgress {
  exportId: string;
  phase: PdfExportPhase;
}

export type PdfExportResult =
  | { ok: true; savedTo: string }
  | { ok: false; reason: 'cancelled' | 'failed'; message: string };

export interface BackupFile {
  name: string;
  createdAt: number;
  bytes: number;
}

/** A folder chosen for exchange in the desktop app's native dialog. */
export interface ExchangeFolderChoice {
  path: string;
  /** Its last path segment, as the Data screen names it. */
  name: string;
}

/** One exchange file's text, or why it cannot be taken up. */
export type ExchangeFileRead = { ok: true; text: string } | { ok: false; code: 'too-large' | 'not-text'; message: string };

/** A profile's public key kept by the desktop key store, or why that store cannot keep keys here. */
export type ProfileKeyAnswer = { ok: true; publicKey: string; createdAt: number } | { ok: false; reason: string };

export interface DesktopApi {
  getAppInfo(): Promise<AppInfo>;
  loadRubrics(): Promise<RubricLoadReport>;
  /**
   * Calls back whenever the user rubric folder changes, with the packs as read after the change
   * (`loadRubrics` answers the same report until the next change); returns an unsubscribe function.
   */
  onRubricsChanged(listener: (report: RubricLoadReport) => void): () => void;
  /** Adds rubric pack files chosen by the user (web mode keeps them in the browser). */
  addUserRubricFiles(files: Array<{ path: string; text: string }>): Promise<RubricLoadReport>;
  removeUserRubricPack(packDir: string): Promise<RubricLoadReport>;
  exportPdf(request: PdfExportRequest): Promise<PdfExportResult>;
  /** Calls back as exports move from phase to phase; returns an unsubscribe function. */
  onPdfExportProgress(listener: (progress: PdfExportProgress) => void): () => void;
  /**
   * Stops the export with this id: its print page is closed and no file is left behind; the
   * export ends as cancelled. An export that has already ended is left as it ended.
   */
  cancelPdfExport(exportId: string): Promise<void>;
  /**
   * Opens the candidate-facing presenter view for an incident run (or a review's artifact), in
   * the demo workspace when the interview is the demo's (`isDemo`).
   */
  openPresenter(interviewId: string, isDemo: boolean): Promise<void>;
  /** Opens an allow-listed https URL in the system browser. */
  openExternal(url: string): Promise<boolean>;
  /**
   * Writes a backup bundle outside IndexedDB. Desktop: into the app's data folder, keeping the
   * last `keep` days; web: the browser downloads the file.
   */
  writeBackup(text: string, keep: number): Promise<{ savedTo: string }>;
  /** Automatic backups on disk, newest first (none in web mode). */
  listBackups(): Promise<BackupFile[]>;
  readBackup(name: string): Promise<string>;
  /** Desktop: the native folder dialog; the folder chosen is one main may read and write. Null when cancelled. */
  chooseExchangeFolder(): Promise<ExchangeFolderChoice | null>;
  /** Watches a chosen folder for the calling window only (replacing its previous watch); null stops. */
  watchExchangeFolder(path: string | null): Promise<void>;
  /** Calls back once per burst of changes in the folder this window watches; returns an unsubscribe function. */
  onExchangeFolderChanged(listener: () => void): () => void;
  /** Every finished file in every outbox of a chosen folder. */
  listExchangeFolder(path: string): Promise<ExchangeListing[]>;
  readExchangeFile(path: string, profileId: string, name: string): Promise<ExchangeFileRead>;
  /** Publishes a file in the profile's outbox: temporary dot-name first, renamed when complete. */
  writeExchangeFile(path: string, profileId: string, name: string, text: string): Promise<void>;
  /** The profile's public key from the desktop key store (Electron `safeStorage`), made on first need. */
  ensureProfileKey(profileId: string): Promise<ProfileKeyAnswer>;
  /** Main signs a bundle signing message with the profile's stored key; the signature as hex. */
  signAsProfile(profileId: string, message: string): Promise<string>;
}

/** Invoke channels, one per request/response method. */
export const desktopChannels = {
  getAppInfo: 'app:info',
  loadRubrics: 'rubrics:load',
  onRubricsChanged: 'rubrics:changed',
  addUserRubricFiles: 'rubrics:addUserFiles',
  removeUserRubricPack: 'rubrics:removeUserPack',
  exportPdf: 'report:exportPdf',
  onPdfExportProgress: 'report:exportPdfProgress',
  cancelPdfExport: 'report:cancelPdfExport',
  openPresenter: 'presenter:open',
  openExternal: 'shell:openExternal',
  writeBackup: 'backup:write',
  listBackups: 'backup:list',
  readBackup: 'backup:read',
  chooseExchangeFolder: 'exchange:chooseFolder',
  watchExchangeFolder: 'exchange:watch',
  onExchangeFolderChanged: 'exchange:changed',
  listExchangeFolder: 'exchange:list',
  readExchangeFile: 'exchange:read',
  writeExchangeFile: 'exchange:write',
  ensureProfileKey: 'keys:ensure',
  signAsProfile: 'keys:sign',
} as const satisfies Record<keyof DesktopApi, `${string}:${string}`>;

export type DesktopChannel = (typeof desktopChannels)[keyof DesktopApi];
