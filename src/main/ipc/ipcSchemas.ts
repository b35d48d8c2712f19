/** Payload schemas per invoke method: the tuple of arguments the renderer may send. */
import { z } from 'zod';

const rubricFile = z.strictObject({
  path: z
    .string()
    .min(1)
    .max(500)
    .regex(/^[A-Za-z0-9 _.\-/]+$/, 'a relative file path')
    .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'must stay inside the rubric folder'),
  text: z.string().max(2_000_000),
});

export const ipcSchemas = {
  getAppInfo: z.tuple([]),
  loadRubrics: z.tuple([]),
  addUserRubricFiles: z.tuple([z.array(rubricFile).min(1).max(500)]),
  removeUserRubricPack: z.tuple([z.string().regex(/^[A-Za-z0-9_.-]+$/).max(200)]),
  exportPdf: z.tuple([
    z.strictObject({
      route: z.string().regex(/^#\/print\/[A-Za-z0-9/_\-?=&.%]+$/, 'a print route'),
      fileName: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[^/\\:*?"<>|\0]+\.pdf$/, 'a PDF file name without folders'),
    }),
  ]),
  openPresenter: z.tuple([z.uuid()]),
  openExternal: z.tuple([z.string().max(2000)]),
  writeBackup: z.tuple([z.string().max(500_000_000), z.number().int().min(1).max(365)]),
  listBackups: z.tuple([]),
  readBackup: z.tuple([z.string().regex(/^loopdesk-backup-[0-9]{4}-[0-9]{2}-[0-9]{2}\.loopdesk$/, 'a backup file name')]),
} as const;
