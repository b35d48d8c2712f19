/**
 * electron-builder copies `dependencies` into the app archive and nothing else: they must be
 * exactly the packages the built main process and preload load at run time. The renderer is
 * bundled, so React, Dexie and friends belong in `devDependencies`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
/** Provided by the Electron runtime itself, never packaged. */
const runtimeProvided = new Set(['electron']);

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);
}

/** Packages a built bundle imports or requires, read with esbuild's parser (not a regex). */
async function bundleExternalPackages(file: string): Promise<string[]> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    packages: 'external',
    logLevel: 'silent',
  });
  const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports);
  return imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => packageNameOf(i.path));
}

/** What is wrong with `dependencies` given what the bundles load; empty when they match. */
function dependencyMismatches(loaded: Set<string>, dependencies: Record<string, string>): string[] {
  const declared = new Set(Object.keys(dependencies));
  return [
    ...[...loaded].filter((name) => !runtimeProvided.has(name) && !declared.has(name)).map((n) => `${n} is loaded at run time but not in dependencies`),
    ...[...declared].filter((name) => !loaded.has(name)).map((n) => `${n} is in dependencies but the main process and preload never load it`),
    ...[...declared].filter((name) => runtimeProvided.has(name)).map((n) => `${n} must be a devDependency`),
  ];
}

let outDir = '';
let loaded = new Set<string>();

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'loopdesk-electron-out-'));
  const run = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    env: { ...process.env, LOOPDESK_ELECTRON_OUT: outDir },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (run.status !== 0) throw new Error(`electron-vite build failed:\n${run.stderr}`);
  const files = [join(outDir, 'main/index.js'), join(outDir, 'preload/index.cjs')];
  loaded = new Set((await Promise.all(files.map(bundleExternalPackages))).flat());
}, 180_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('package.json dependencies', () => {
  it('are exactly the packages the built main process and preload load', () => {
    expect(loaded.has('electron')).toBe(true);
    expect(dependencyMismatches(loaded, pkg.dependencies)).toEqual([]);
  });

  it('keep electron and renderer-only packages out (electron-builder refuses electron there)', () => {
    expect(pkg.devDependencies['electron']).toBeDefined();
    for (const rendererOnly of ['react', 'react-dom', 'dexie', 'zustand', 'vite', 'electron-vite']) {
      expect(pkg.dependencies[rendererOnly], rendererOnly).toBeUndefined();
    }
  });

  it('would be refused with a renderer package or electron put back, or a runtime package taken out', () => {
    expect(dependencyMismatches(loaded, { ...pkg.dependencies, react: '19.3.1' })).toEqual([
      'react is in dependencies but the main process and preload never load it',
    ]);
    expect(dependencyMismatches(loaded, { ...pkg.dependencies, electron: '45.3.4' })).toContain('electron must be a devDependency');
    const { zod: _zod, ...withoutZod } = pkg.dependencies;
    expect(dependencyMismatches(loaded, withoutZod)).toEqual(['zod is loaded at run time but not in dependencies']);
  });
});
