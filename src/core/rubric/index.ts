/** The rubric pack toolkit: schema, loader, cross-checks, content hash, JSON Schema, lookups. */
export * from './schema';
export { rubricPackLoad, rubricPacksLoad, type RubricSourceFile, type RubricLoadResult, type RubricPacksLoadResult } from './loader';
export { rubricPackCrossCheck, rubricArtifactLineCount, type RubricPackParts, type RubricLocated } from './crossCheck';
export { rubricPackHash } from './hash';
export { rubricJsonSchema, rubricJsonSchemaText, RUBRIC_JSON_SCHEMA_ID } from './jsonSchema';
export {
  rubricDimension,
  rubricExercise,
  rubricKit,
  rubricLevel,
  rubricLevelIndex,
  rubricScenario,
  rubricSignal,
  rubricSignalsFor,
} from './lookup';
export { rubricFieldPathText, rubricIssueText, rubricIssuesSort, type RubricIssue, type RubricResult } from './issues';
export { rubricYamlParse, rubricTextNormalize, RUBRIC_MAX_ALIAS_COUNT, type RubricYamlFile } from './yamlSource';
export { rubricSchemaCheck } from './schemaCheck';
