// Web mode: the same renderer built for a browser, with the web DesktopApi.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { builtinRubricsPlugin } from './scripts/vite/builtinRubricsPlugin';
import { contentSecurityPolicyPlugin } from './scripts/vite/contentSecurityPolicyPlugin';
import { printPagePlugin } from './scripts/vite/printPagePlugin';
import { startBundleCodeSplitting } from './scripts/vite/startBundle';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const appPlugins = () => [react(), builtinRubricsPlugin(resolve(import.meta.dirname, 'rubrics')), contentSecurityPolicyPlugin()];

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  define: { __LOOPDESK_WEB__: 'true', __LOOPDESK_VERSION__: JSON.stringify(version) },
  plugins: [...appPlugins(), printPagePlugin(appPlugins)],
  server: { host: '127.0.0.1', fs: { allow: [resolve(import.meta.dirname)] } },
  build: {
    // LOOPDESK_WEB_OUT lets several builds (e.g. parallel e2e runs) keep apart.
    outDir: process.env['LOOPDESK_WEB_OUT'] ?? resolve(import.meta.dirname, 'dist-web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { output: { codeSplitting: startBundleCodeSplitting } },
  },
});
