/// <reference types="vite/client" />
declare const __LOOPDESK_WEB__: boolean;
declare const __LOOPDESK_VERSION__: string;

declare module 'virtual:loopdesk-builtin-rubrics' {
  import type { RubricPack } from '../core/rubric/schema';
  import type { RubricIssue } from '../core/rubric/loader';
  const report: { packs: RubricPack[]; errors: Array<{ packDir: string; issues: RubricIssue[] }> };
  export default report;
}
