// Bundles src/cli into dist-cli/loopdesk.mjs (dependencies inlined) for the `loopdesk` bin.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist-cli/loopdesk.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  define: { __LOOPDESK_VERSION__: JSON.stringify(version) },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
