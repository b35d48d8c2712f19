#!/usr/bin/env node
/**
 * `npm start`: finds the Electron runtime the way Electron itself intends, then runs
 * `electron-vite preview` (build + launch) on it.
 *
 * Electron 45 downloads its binary lazily: `require('electron')` runs its `install.js` the first
 * time and writes `node_modules/electron/path.txt`. electron-vite only reads that file (or
 * `ELECTRON_EXEC_PATH`) and fails with a stack trace when it is missing, so this script does the
 * `require` first — in a child process, so a failed download prints one clear line instead of
 * @electron/get's stack — and hands the resolved path to electron-vite through
 * `ELECTRON_EXEC_PATH`. `ELECTRON_EXEC_PATH` and `ELECTRON_OVERRIDE_DIST_PATH` given by the caller
 * are honoured (that is how a stand-in executable is used in tests).
 *
 * Extra arguments go to `electron-vite preview` (e.g. `npm start -- --skipBuild`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const webHint = 'Run `npm run web` to use Loopdesk in a browser instead (works offline).';
/** A first download is ~100 MB; past this the network is treated as unusable. */
const downloadTimeoutMs = 15 * 60 * 1000;
const resultMarker = 'LOOPDESK_ELECTRON_PATH=';

/** Why the download failed, in a few words, from the installer's output (its stack is dropped). */
function downloadFailureReason(output) {
  const lines = output.split('\n').map((l) => l.trim());
  const error = lines.find((l) => /^(\w*Error|RequestError|HTTPError)\b.*:/.test(l)) ?? lines.find((l) => /E[A-Z]{3,}/.test(l));
  return (error ?? 'the download did not finish').replace(/^\w*Error:\s*/, '').slice(0, 200);
}

function fail(line) {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Resolves the runtime through `require('electron')`, which downloads it when it is missing. */
function electronPathResolve() {
  const given = process.env['ELECTRON_EXEC_PATH'];
  if (given) return given;
  const electronDir = dirname(require.resolve('electron/package.json'));
  if (!existsSync(join(electronDir, 'path.txt')) && !process.env['ELECTRON_OVERRIDE_DIST_PATH']) {
    process.stdout.write('Downloading the Electron runtime (first start only)…\n');
  }
  const probe = `process.stdout.write('\\n${resultMarker}' + require('electron') + '\\n')`;
  const child = spawnSync(process.execPath, ['-e', probe], {
    cwd: root,
    encoding: 'utf8',
    timeout: downloadTimeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const found = (child.stdout ?? '')
    .split('\n')
    .find((l) => l.startsWith(resultMarker))
    ?.slice(resultMarker.length);
  if (child.status !== 0 || !found) {
    const reason = child.error ? child.error.message : downloadFailureReason(`${child.stderr}\n${child.stdout}`);
    fail(`Loopdesk cannot start: the Electron runtime is not installed and could not be downloaded (${reason}). ${webHint}`);
  }
  return found;
}

const electronPath = electronPathResolve();
if (!isExecutable(electronPath)) {
  fail(`Loopdesk cannot start: no Electron runtime at ${electronPath}. ${webHint}`);
}

const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const preview = spawn(process.execPath, [electronVite, 'preview', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: electronPath },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => preview.kill(signal));
preview.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
