/**
 * Builds the print page (`print.html`, the page the PDF export's fresh window opens) as a bundle of
 * its own, after the app's and into the same folder: one script holding the print screen and all it
 * needs, its stylesheet, and the few chunks loaded on demand. Built with the app, its modules would
 * be spread over the forty-odd chunks they share with the app's screens, each a request of its
 * own before the report can render; alone, the page fetches three files.
 */
import { resolve } from 'node:path';
import { build, type IndexHtmlTransformContext, type Plugin, type PluginOption, type ResolvedConfig } from 'vite';

/**
 * A `<link rel="modulepreload">` in the page for each chunk its script imports on demand, and
 * for those that chunk imports (the page's main chunk, the web build's rubric packs, the pool
 * statistics' refresh):
 * fetched and compiled while the first script runs, instead of after the evaluation of the
 * script that imports them, which is when the browser sends a dynamic import's request.
 */
function printPagePreloads(base: string): Plugin {
  return {
    name: 'loopdesk-print-page-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html: string, ctx: IndexHtmlTransformContext) {
        if (!ctx.chunk) return [];
        // The entry and what it imports statically are in the page already.
        const inPage = new Set([ctx.chunk.fileName, ...ctx.chunk.imports]);
        const files = new Set<string>();
        // `depth`: how many more on-demand imports to follow (the YAML loader of user packs, an
        // import of an import of the main chunk, is fetched only when there are such packs).
        const visit = (file: string, depth: number) => {
          const chunk = ctx.bundle?.[file];
          if (inPage.has(file) || files.has(file) || chunk?.type !== 'chunk') return;
          files.add(file);
          chunk.imports.forEach((f) => visit(f, depth));
          if (depth > 0) chunk.dynamicImports.forEach((f) => visit(f, depth - 1));
        };
        ctx.chunk.dynamicImports.forEach((file) => visit(file, 1));
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/** `pagePlugins`: the plugins the page is built with (those of the app, without this one). */
export function printPagePlugin(pagePlugins: () => PluginOption[]): Plugin {
  let app: ResolvedConfig | undefined;
  return {
    name: 'loopdesk-print-page',
    apply: 'build',
    // The page's build runs in this plugin's `closeBundle`; the app's build would report it as a
    // slow plugin callback on every build.
    config: () => ({ build: { rollupOptions: { checks: { bundlerTimings: false } } } }),
    configResolved(config) {
      app = config;
    },
    async closeBundle() {
      if (!app) return;
      await build({
        configFile: false,
        root: app.root,
        base: app.base,
        mode: app.mode,
        define: app.define,
        logLevel: app.logLevel,
        plugins: [...pagePlugins(), printPagePreloads(app.base)],
        build: {
          outDir: app.build.outDir,
          emptyOutDir: false,
          // One bundle by design (about 560 kB): the size warning is not for this page.
          chunkSizeWarningLimit: Math.max(app.build.chunkSizeWarningLimit, 1000),
          rollupOptions: { input: resolve(app.root, 'print.html') },
          sourcemap: app.build.sourcemap,
          minify: app.build.minify,
        },
      });
    },
  };
}
