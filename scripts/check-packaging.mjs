#!/usr/bin/env node
/**
 * Checks that electron-builder accepts the packaging configuration without downloading anything:
 * runs `electron-builder --dir` (unpacked, into a temp folder) against a download mirror nothing
 * listens on. Passing means it read electron-builder.yml and package.json, checked the
 * dependencies and got as far as fetching Electron — the one step that needs the network.
 *
 * Run after `npm run build`: `node scripts/check-packaging.mjs` (about a minute).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = mkdtempSync(join(tmpdir(), 'loopdesk-package-check-'));
const closedMirror = 'http://127.0.0.1:9/';

const run = spawnSync(
  process.execPath,
  [join(root, 'node_modules/electron-builder/cli.js'), '--dir', `-c.directories.output=${outDir}`],
  {
    cwd: root,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
    env: { ...process.env, ELECTRON_MIRROR: closedMirror, electron_config_cache: join(outDir, 'cache') },
  },
);
rmSync(outDir, { recursive: true, force: true });
const output = `${run.stdout}\n${run.stderr}`;
const reachedPackaging = /•\s+packaging\s+platform=/.test(output);
const failedOnDownloadOnly = /ECONNREFUSED 127\.0\.0\.1:9/.test(output);

if (run.status === 0 || (reachedPackaging && failedOnDownloadOnly)) {
  console.log('Packaging configuration accepted (stopped at the Electron download, as expected offline).');
} else {
  const refusal = output.split('\n').find((l) => l.includes('⨯')) ?? `electron-builder exited with ${run.status}`;
  console.error(`Packaging configuration refused: ${refusal.replace(/^\s*⨯\s*/, '').trim()}`);
  process.exit(1);
}
