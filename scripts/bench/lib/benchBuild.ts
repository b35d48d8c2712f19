/**
 * Everything the benchmark serves, built before a run: the app's web build (vite.web.config.ts,
 * the same as `npm run build:web`), the blank React page (Vite + plugin-react, like the app), the in-page
 * benchmark library and probe (esbuild, from the app's own modules) and the static fixtures.
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import react from '@vitejs/plugin-react';

export interface BenchBuildOutput {
  distWeb: string;
  blankDir: string;
  wwwDir: string;
  /** The probe bundle's source, to install with `addInitScript`. */
  probeSource: string;
  /** How long building the app took. */
  appBuild: { ms: number };
}

/**
 * Where the benchmark's builds, profiles and last run go: node_modules/.cache/loopdesk-bench,
 * outside what git, lint and format look at; `LOOPDESK_BENCH_OUT` names another folder (a run in a
 * worktree whose node_modules is a link to the main checkout's must not build into the same one).
 */
export function benchOutDir(repoRoot: string): string {
  return process.env['LOOPDESK_BENCH_OUT'] ?? join(repoRoot, 'node_modules', '.cache', 'loopdesk-bench');
}

export async function benchBuild(repoRoot: string): Promise<BenchBuildOutput> {
  const benchRoot = join(repoRoot, 'scripts', 'bench');
  const out = benchOutDir(repoRoot);
  // The app is built into the benchmark's own folder: the working tree as it is now, and no
  // interference with a dist-web that tests may be rebuilding at the same time.
  const distWeb = join(out, 'app');
  const blankDir = join(out, 'blank');
  const wwwDir = join(out, 'www');
  mkdirSync(wwwDir, { recursive: true });

  const appStarted = performance.now();
  await viteBuild({
    configFile: join(repoRoot, 'vite.web.config.ts'),
    logLevel: 'error',
    build: { outDir: distWeb, emptyOutDir: true },
  });
  const appBuild = { ms: performance.now() - appStarted };

  await viteBuild({
    configFile: false,
    root: join(benchRoot, 'fixtures', 'blank'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: blankDir, emptyOutDir: true },
  });

  await esbuild({
    entryPoints: [join(benchRoot, 'page', 'benchPage.tsx')],
    outfile: join(wwwDir, 'bench-page.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
    // bundleImportInWorker's default worker URL (import.meta.url) is never used here: the page hands
    // in the app build's own worker.
    logOverride: { 'empty-import-meta': 'silent' },
    define: { __LOOPDESK_WEB__: 'true', __LOOPDESK_VERSION__: '"bench"' },
  });
  await esbuild({
    entryPoints: [join(benchRoot, 'page', 'benchProbeEntry.tsx')],
    outfile: join(out, 'bench-probe.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
  });
  cpSync(join(benchRoot, 'fixtures', 'www'), wwwDir, { recursive: true });
  return { distWeb, blankDir, wwwDir, probeSource: readFileSync(join(out, 'bench-probe.js'), 'utf8'), appBuild };
}
