/**
 * One policy everywhere: the page's meta tag (in source and in both builds), the desktop app's
 * app:// headers, the web server and the benchmark server all carry the policy from
 * shared/contentSecurityPolicy.json.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyMeta } from '../../../src/shared/contentSecurityPolicy';
import { appResponseHeaders } from '../../../src/main/security';
import { benchCsp } from '../../../scripts/bench/lib/benchServer';
import { contentSecurityPolicyPlugin } from '../../../scripts/vite/contentSecurityPolicyPlugin';

const root = resolve(__dirname, '../../..');
const metaOf = (html: string) => /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
const directivesOf = (policy: string) => Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('the content security policy', () => {
  it('denies by default; scripts only from the app, never eval or inline; no remote connections, framing or plugins', () => {
    const directives = directivesOf(contentSecurityPolicy);
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['manifest-src']).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-(eval|inline)/);
  });

  it('is the meta tag of both pages (the app and the print page), minus the header-only frame-ancestors', () => {
    for (const page of ['index.html', 'print.html'])
      expect(metaOf(readFileSync(join(root, 'src/renderer', page), 'utf8')), page).toBe(contentSecurityPolicyMeta);
    expect(contentSecurityPolicyMeta).toBe(contentSecurityPolicy.replace("; frame-ancestors 'none'", ''));
  });

  it('is written into the page by the build even when the source copy drifts', () => {
    const plugin = contentSecurityPolicyPlugin();
    const transform = plugin.transformIndexHtml as (html: string) => string;
    const html = transform('<head><meta\n      http-equiv="Content-Security-Policy"\n      content="default-src *"\n    /></head>');
    expect(metaOf(html)).toBe(contentSecurityPolicyMeta);
    expect(() => transform('<head></head>')).toThrow(/no Content-Security-Policy meta/);
  });

  it('is the header of every app:// response and of the benchmark server', () => {
    expect(appResponseHeaders('index.html')['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(benchCsp).toBe(contentSecurityPolicy);
  });

  it('is the header the web server sends', async () => {
    const port = 5301 + 40;
    const server = spawn(process.execPath, [join(root, 'scripts/serve-web.mjs'), '--port', String(port)], {
      env: { ...process.env, LOOPDESK_WEB_OUT: join(root, 'src/renderer') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((ready, fail) => {
        server.stdout.on('data', () => ready());
        server.on('exit', (code) => fail(new Error(`serve-web exited with ${code}`)));
      });
      const response = await fetch(`http://127.0.0.1:${port}/index.html`);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    } finally {
      server.kill();
    }
  });
});
