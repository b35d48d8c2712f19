/**
 * The print page's first work in its main chunk, done as this module is evaluated — before the
 * print screen's and React's modules: the rubric packs' load, and the reports' read handed to the
 * screen. The read is the window's snapshot (`printPageRead`, started by the page's first script)
 * shared under the key the screen asks for, or, when the database could not be read that way, the
 * screen's own live read through Dexie started now; a failure to read is reported by the screen.
 */
import { appDb } from '../../db/dbContext';
import { reportScreenLive, reportScreenLiveKey, reportScreenPrefetch } from '../../db/reportScreenLive';
import { sharedSnapshot } from '../../db/sharedLive';
import { appWorkspaceDbName } from '../../db/workspace';
import { printPageCandidateIds, printPageRead } from './printPageRead';
import { printRubricsLoad } from './printRoute';

const candidateIds = printPageCandidateIds();

async function reportRead(): Promise<unknown> {
  const snapshot = await printPageRead();
  if (snapshot) return sharedSnapshot(reportScreenLiveKey(appWorkspaceDbName(), candidateIds, 0), snapshot).first();
  reportScreenPrefetch(appDb(), candidateIds);
  return reportScreenLive(appDb(), candidateIds).first();
}

/**
 * Settles when both are in (or failed): the page renders then, so its first render is the whole
 * report — no fallback committed and revealed later (React holds a revealed fallback's content back
 * for up to 300 ms), no render before the packs and a second one after.
 */
export const printPageStarted: Promise<unknown> = Promise.allSettled([printRubricsLoad(), reportRead()]);
