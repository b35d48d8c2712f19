import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicyPlugin } from './scripts/vite/contentSecurityPolicyPlugin';
import { printPagePlugin } from './scripts/vite/printPagePlugin';
import { startBundleCodeSplitting } from './scripts/vite/startBundle';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string };
/** Build output root; a test may build into its own folder so it never races `out/`. */
const outRoot = process.env['LOOPDESK_ELECTRON_OUT'] ?? resolve(__dirname, 'out');

const rendererPlugins = () => [react(), contentSecurityPolicyPlugin()];

export default defineConfig({
  main: {
    build: {
      outDir: resolve(outRoot, 'main'),
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(outRoot, 'preload'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    define: { __LOOPDESK_WEB__: 'false', __LOOPDESK_VERSION__: JSON.stringify(version) },
    plugins: [...rendererPlugins(), printPagePlugin(rendererPlugins)],
    build: {
      outDir: resolve(outRoot, 'renderer'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
        output: { codeSplitting: startBundleCodeSplitting },
      },
    },
  },
});
