/**
 * Web mode: the built-in rubric packs are loaded (YAML → zod → cross-checks → hash) at build time
 * and shipped as JSON, so the browser does not parse YAML on start-up. Packs a user adds are still
 * loaded in the browser, by the same loader.
 */
import type { Plugin } from 'vite';
import { rubricFilesRead } from '../../src/cli/rubricFiles';
import { rubricPacksLoad } from '../../src/core/rubric/loader';

const moduleId = 'virtual:loopdesk-builtin-rubrics';
const resolvedId = `\0${moduleId}`;

export function builtinRubricsPlugin(rubricsDir: string): Plugin {
  return {
    name: 'loopdesk-builtin-rubrics',
    resolveId(source) {
      return source === moduleId ? resolvedId : undefined;
    },
    load(id) {
      if (id !== resolvedId) return undefined;
      const read = rubricFilesRead(rubricsDir);
      if (!read) throw new Error(`loopdesk: rubric folder not found: ${rubricsDir}`);
      const { packs, errors } = rubricPacksLoad(read.files);
      const report = { packs, errors: [...errors, ...(read.issues.length > 0 ? [{ packDir: '.', issues: read.issues }] : [])] };
      // JSON.parse of one string literal is much faster for the browser than an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(report))});`;
    },
  };
}
