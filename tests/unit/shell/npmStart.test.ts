/**
 * `npm start` as a user runs it: the real script, the real electron-vite preview, with a stand-in
 * Electron executable (a shell script recording how it was started) or with no runtime at all and
 * no network.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'loopdesk-start-'));
  dirs.push(dir);
  return dir;
}

/** Env without anything that could point at a real runtime or a reachable download. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['ELECTRON_EXEC_PATH', 'ELECTRON_OVERRIDE_DIST_PATH', 'ELECTRON_RUN_AS_NODE', 'ELECTRON_ENTRY', 'ELECTRON_CLI_ARGS']) {
    delete env[key];
  }
  return { ...env, ...extra };
}

/** A stand-in `electron` that writes its working folder and arguments, one per line. */
function standInElectron(dir: string): { record: string } {
  const record = join(dir, 'launched.txt');
  const exe = join(dir, 'electron');
  writeFileSync(exe, `#!/bin/sh\nprintf '%s\\n' "$PWD" "$@" > "${record}"\n`);
  chmodSync(exe, 0o755);
  return { record };
}

function npmStart(env: NodeJS.ProcessEnv, args: string[] = []) {
  return spawnSync('npm', ['start', '--silent', ...(args.length ? ['--', ...args] : [])], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 240_000,
  });
}

describe('npm start', () => {
  it('builds the app and launches the Electron runtime on the built main entry', () => {
    const dir = tempDir();
    const { record } = standInElectron(dir);
    const run = npmStart(cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dir }));
    expect(run.status, run.stderr).toBe(0);
    const [cwd, entry] = readFileSync(record, 'utf8').trimEnd().split('\n');
    const pkg = JSON.parse(readFileSync(join(cwd!, entry!, 'package.json'), 'utf8')) as { main: string };
    const mainEntry = resolve(cwd!, entry!, pkg.main);
    expect(mainEntry).toBe(join(root, 'out/main/index.js'));
    expect(existsSync(mainEntry)).toBe(true);
  }, 240_000);

  it('hands an ELECTRON_EXEC_PATH given by the caller straight to electron-vite', () => {
    const dir = tempDir();
    const { record } = standInElectron(dir);
    const run = npmStart(cleanEnv({ ELECTRON_EXEC_PATH: join(dir, 'electron') }), ['--skipBuild']);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(record, 'utf8').trimEnd().split('\n')).toEqual([root, '.']);
  }, 240_000);

  it('without a runtime and without network, says so in one line, points to web mode and exits non-zero', () => {
    const electronDir = join(root, 'node_modules/electron');
    // The check needs the "never downloaded" state; a machine that has the runtime skips it.
    if (existsSync(join(electronDir, 'path.txt'))) return;
    const run = npmStart(
      cleanEnv({
        // An empty download cache and a mirror nothing listens on: the download cannot happen.
        electron_config_cache: tempDir(),
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      }),
    );
    expect(run.status).not.toBe(0);
    const errorLines = run.stderr.trim().split('\n');
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(/^Loopdesk cannot start: the Electron runtime is not installed and could not be downloaded \(.+\)\. Run `npm run web`/);
    expect(run.stderr + run.stdout).not.toMatch(/\n\s+at /);
    expect(existsSync(join(electronDir, 'path.txt'))).toBe(false);
  }, 240_000);

  it('names the missing executable when the runtime folder given is empty', () => {
    const run = npmStart(cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: tempDir() }), ['--skipBuild']);
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim()).toMatch(/^Loopdesk cannot start: no Electron runtime at .*electron\. Run `npm run web`/);
  }, 240_000);
});
