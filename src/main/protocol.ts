/** Serves the built renderer from `app://loopdesk/` with the strict CSP on every response. */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appRequestPath, appResponseHeaders, appScheme, appSchemePrivileges } from './security';

/** Must run before `app.ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: appSchemePrivileges }]);
}

export function serveAppScheme(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const path = appRequestPath(request.url);
    if (path === null) return new Response('Not found', { status: 404 });
    for (const candidate of [path, 'index.html']) {
      try {
        const body = await readFile(join(rendererDir, candidate));
        return new Response(body, { status: 200, headers: appResponseHeaders(candidate) });
      } catch {
        if (!candidate.endsWith('.html') && candidate.includes('.')) break;
      }
    }
    return new Response('Not found', { status: 404 });
  });
}
