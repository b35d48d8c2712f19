/** Payload schemas per invoke method: the tuple of arguments the renderer may send. */
import { z } from 'zod';
import { BUNDLE_MAX_BYTES, EXCHANGE_FILE_MAX_BYTES, RUBRIC_MAX_FILE_BYTES, RUBRIC_MAX_PACK_FILES } from '../../core/limits/inputLimits';
import { exchangeIsProfileFolder, exchangeIsReadableName } from '../../core/exchange/exchangeFolder';
import { backupFileNamePattern } from '../../shared/backupFileName';

/** The renderer's name for one PDF export (a UUID in practice). */
const exportId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an export id');

const rubricFile = z.strictObject({
  path: z
    .string()
    .min(1)
    .max(500)
    .regex(/^[A-Za-z0-9 _.\-/]+$/, 'a relative file path')
    .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'must stay inside the rubric folder'),
  // A string of n UTF-16 units is at least n bytes as UTF-8, so the byte limit bounds its length.
  text: z.string().max(RUBRIC_MAX_FILE_BYTES),
});

/** A folder path; main also checks it was chosen in the native dialog. */
const exchangeFolderPath = z.string().min(1).max(4096);
const profileId = z.string().refine(exchangeIsProfileFolder, 'a profile id');
const exchangeFileName = z.string().max(300).refine(exchangeIsReadableName, 'an exchange file name');

export const ipcSchemas = {
  getAppInfo: z.tuple([]),
  loadRubrics: z.tuple([]),
  addUserRubricFiles: z.tuple([z.array(rubricFile).min(1).max(RUBRIC_MAX_PACK_FILES)]),
  removeUserRubricPack: z.tuple([z.string().regex(/^[A-Za-z0-9_.-]+$/).max(200)]),
  exportPdf: z.tuple([
    z.strictObject({
      route: z.string().regex(/^#\/print\/[A-Za-z0-9/_\-?=&.%]+$/, 'a print route'),
      fileName: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[^/\\:*?"<>|\0]+\.pdf$/, 'a PDF file name without folders'),
      exportId: exportId.optional(),
    }),
  ]),
  cancelPdfExport: z.tuple([exportId]),
  openPresenter: z.tuple([z.uuid(), z.boolean()]),
  openExternal: z.tuple([z.string().max(2000)]),
  writeBackup: z.tuple([z.string().max(BUNDLE_MAX_BYTES), z.number().int().min(1).max(365)]),
  listBackups: z.tuple([]),
  readBackup: z.tuple([z.string().regex(backupFileNamePattern, 'a backup file name')]),
  chooseExchangeFolder: z.tuple([]),
  watchExchangeFolder: z.tuple([exchangeFolderPath.nullable()]),
  listExchangeFolder: z.tuple([exchangeFolderPath]),
  readExchangeFile: z.tuple([exchangeFolderPath, profileId, exchangeFileName]),
  // A string of n UTF-16 units is at least n bytes as UTF-8; the writer counts the bytes again.
  writeExchangeFile: z.tuple([exchangeFolderPath, profileId, exchangeFileName, z.string().min(1).max(EXCHANGE_FILE_MAX_BYTES)]),
  ensureProfileKey: z.tuple([profileId]),
  // A bundle's signing message is its manifest and signer: bounded by the bundle's own limit.
  signAsProfile: z.tuple([profileId, z.string().min(2).max(BUNDLE_MAX_BYTES)]),
} as const;
