/** The demo loop: realistic sample data for a first look at every screen and report. */
export {
  DEMO_DEFAULT_SEED,
  DEMO_FIXED_NOW,
  DEMO_PACK_ID,
  DEMO_TARGET_LEVEL,
  demoDataset,
  demoScriptProblems,
  type DemoOptions,
} from './demoLoop';
export { demoId, demoNumber } from './demoId';
