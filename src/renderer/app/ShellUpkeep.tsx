import { usePoolStatsUpkeep } from '../features/report/usePoolStatsUpkeep';
import { useExchangeFolderUpkeep } from '../features/data/useExchangeFolderUpkeep';
import { useTodaySnapshotUpkeep } from '../features/today/useTodaySnapshotUpkeep';

/**
 * What the shell keeps current in the background on every screen: the pool statistics, the
 * exchange folder and Today's start-up snapshot. Loaded after the first screen (lazily), so none of it is on the
 * start-up path.
 */
export function ShellUpkeep() {
  usePoolStatsUpkeep();
  useExchangeFolderUpkeep();
  useTodaySnapshotUpkeep();
  return null;
}
