/** The `*.loopdesk` bundle format: create, parse and validate, plan an import, pick a scope. */
export * from './bundleSchema';
export {
  bundleCounts,
  bundleCountsSummary,
  bundleCountText,
  bundleContentSha256,
  bundleCreate,
  bundleStringify,
  type BundleCreateInput,
} from './bundleCreate';
export {
  bundleParse,
  bundleParseBytes,
  bundleParseStream,
  bundleValidate,
  type BundleParseOptions,
} from './bundleParse';
export {
  bundleDimensionsCheck,
  bundlePackDimensionsOf,
  type BundleDimensionBreak,
  type BundlePackDimensions,
} from './bundleDimensions';
export { evidenceSealsVerify, type SealBreak } from '../audit/evidenceSeal';
export {
  bundleContentHashIndex,
  bundleContentKeys,
  bundleKeyFields,
  bundleKeyOf,
  bundleRecordHash,
  bundleRecordKey,
  type BundleHashIndex,
} from './bundleKeys';
export {
  bundleImportPlan,
  type BundleConflict,
  type BundleExistingIndex,
  type BundleImportPlan,
  type BundleKeyLookup,
} from './bundleImportPlan';
export { bundleContentForScope } from './bundleScope';
