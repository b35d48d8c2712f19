#!/usr/bin/env node
/**
 * Checks that electron-builder accepts the packaging configuration without downloading anything:
 * runs `electron-builder --dir` (unpacked, into a temp folder) against a download mirror nothing
 * listens on. Passing means it read electron-builder.yml and package.json, checked the
 * dependencies and got as far as fetching Electron — the one step that needs the network. It is
 * stopped there, rather than left to linger after the refused download.
 *
 * `node scripts/check-packaging.mjs [electron-builder options…]` (e.g. `--config other.yml`);
 * 10–30 s. Exits 0 when the configuration is accepted, 1 with electron-builder's refusal.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = mkdtempSync(join(tmpdir(), 'loopdesk-package-check-'));
const closedMirror = 'http://127.0.0.1:9/';
const limitMs = 5 * 60 * 1000;

/** electron-builder reached the packaging step and failed only on the download. */
const reachedDownload = (output) => /•\s+packaging\s+platform=/.test(output) && /ECONNREFUSED 127\.0\.0\.1:9/.test(output);

const child = spawn(
  process.execPath,
  [join(root, 'node_modules/electron-builder/cli.js'), '--dir', `-c.directories.output=${outDir}`, ...process.argv.slice(2)],
  {
    cwd: root,
    // Its own process group, so stopping it also stops the tools it started.
    detached: true,
    env: { ...process.env, ELECTRON_MIRROR: closedMirror, electron_config_cache: join(outDir, 'cache') },
  },
);
let output = '';
let isStopped = false;
const stop = () => {
  if (isStopped) return;
  isStopped = true;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already exited.
  }
};
const collect = (chunk) => {
  output += chunk;
  if (reachedDownload(output)) stop();
};
child.stdout.setEncoding('utf8').on('data', collect);
child.stderr.setEncoding('utf8').on('data', collect);
const timer = setTimeout(stop, limitMs);

child.on('close', (status) => {
  clearTimeout(timer);
  rmSync(outDir, { recursive: true, force: true });
  if (status === 0 || reachedDownload(output)) {
    console.log('Packaging configuration accepted (stopped at the Electron download, as expected offline).');
    return;
  }
  const refusal =
    output.split('\n').find((l) => l.includes('⨯')) ??
    (isStopped ? `electron-builder did not reach the Electron download within ${limitMs / 60_000} min` : `electron-builder exited with ${status}`);
  console.error(`Packaging configuration refused: ${refusal.replace(/^\s*⨯\s*/, '').trim()}`);
  process.exitCode = 1;
});
