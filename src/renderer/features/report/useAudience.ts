import { useLiveQuery } from 'dexie-react-hooks';
import type { ReportAudience } from '../../../core/report/reportBuild';
import { blindModeIsOn } from '../../db/actions/audienceActions';
import { appDb } from '../../db/dbContext';

/** The current profile's blind-mode setting; undefined while it is read. */
export function useBlindMode(): boolean | undefined {
  return useLiveQuery(() => blindModeIsOn(appDb()), [], undefined);
}

/** Route query for a print or batch route of this audience. */
export function audienceRouteQuery(kind: ReportAudience, isBlind: boolean): string {
  return `audience=${kind}${isBlind ? '&blind=1' : ''}`;
}

/** What blind mode hides and what it cannot: said wherever it can be switched on. */
export const blindModeExplanation =
  'Blind mode replaces candidates’ names, e-mails and phone numbers with a neutral label on screen, in PDFs and their file names, also inside notes. It does not hide pronouns or other clues in free text.';
