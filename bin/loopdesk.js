#!/usr/bin/env node
// The CLI is bundled from src/cli by `npm ci` (prepare) or `npm run build:cli`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist-cli/loopdesk.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('loopdesk: the CLI is not built yet; run "npm run build:cli" first.\n');
  process.exit(1);
}
await import(bundle);
