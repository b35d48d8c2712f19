/**
 * The Content-Security-Policy, generated from its one home (contentSecurityPolicy.json, plain
 * JSON so the Node scripts that serve web mode read it without a TypeScript step).
 */
import policy from './contentSecurityPolicy.json';

/** Directives a `<meta http-equiv>` policy cannot carry; browsers ignore them there with a warning. */
const headerOnlyDirectives = ['frame-ancestors'];

/** The header value sent with every response (app:// in the desktop app, the web server). */
export const contentSecurityPolicy: string = policy.directives.join('; ');

/** The same policy for index.html's `<meta>`, which applies before any header-less load. */
export const contentSecurityPolicyMeta: string = policy.directives
  .filter((d) => !headerOnlyDirectives.includes(d.split(' ')[0]!))
  .join('; ');
