/**
 * Writes the one Content-Security-Policy (src/shared/contentSecurityPolicy.json) into
 * index.html's `<meta http-equiv="Content-Security-Policy">`, in dev and in builds, so the page
 * never carries a policy other than the one main and the web server send.
 */
import type { Plugin } from 'vite';
import { contentSecurityPolicyMeta } from '../../src/shared/contentSecurityPolicy';

const metaContent = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/;

export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'loopdesk-content-security-policy',
    transformIndexHtml(html) {
      if (!metaContent.test(html)) throw new Error('index.html has no Content-Security-Policy meta tag to fill in');
      return html.replace(metaContent, `$1${contentSecurityPolicyMeta}$2`);
    },
  };
}
