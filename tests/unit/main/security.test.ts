import { describe, expect, it } from 'vitest';
import {
  appRequestPath,
  isAllowedExternalUrl,
  navigationDecision,
  permissionDecision,
  windowOpenDecision,
} from '../../../src/main/security';

// Window options, the scheme's privileges and the headers main actually sends are checked where
// main applies them (mainProcess.test.ts); the CSP in tests/unit/shell/contentSecurityPolicy.test.ts.

describe('app:// request paths', () => {
  it('serves files inside the renderer folder and refuses escapes', () => {
    expect(appRequestPath('app://loopdesk/')).toBe('index.html');
    expect(appRequestPath('app://loopdesk/assets/index-abc.js')).toBe('assets/index-abc.js');
    // The URL parser resolves dot segments before we see them: this stays inside the folder.
    expect(appRequestPath('app://loopdesk/../../etc/passwd')).toBe('etc/passwd');
    expect(appRequestPath('app://loopdesk/assets/%2e%2e/%2e%2e/secret')).toBe('secret');
    expect(appRequestPath('app://loopdesk/a/%00b')).toBeNull();
    expect(appRequestPath('app://loopdesk/a%5cb')).toBeNull();
    expect(appRequestPath('app://other/index.html')).toBeNull();
    expect(appRequestPath('file:///etc/passwd')).toBeNull();
  });
});

describe('navigation, new windows and permissions', () => {
  it('keeps the renderer on the app origin', () => {
    expect(navigationDecision('app://loopdesk/index.html#/today')).toBe('allow');
    expect(navigationDecision('https://evil.example/')).toBe('deny');
    expect(navigationDecision('file:///etc/passwd')).toBe('deny');
    expect(navigationDecision('http://localhost:5173/')).toBe('deny');
    expect(navigationDecision('http://localhost:5173/#/x', 'http://localhost:5173')).toBe('allow');
  });

  it('sends allow-listed https links to the system browser instead of navigating', () => {
    expect(navigationDecision('https://github.com/loopdesk')).toBe('open-external');
  });

  it('never opens a window from the renderer', () => {
    expect(windowOpenDecision('https://github.com/')).toEqual({ action: 'deny', openExternal: true });
    expect(windowOpenDecision('https://evil.example/')).toEqual({ action: 'deny', openExternal: false });
    expect(windowOpenDecision('app://loopdesk/#/x')).toEqual({ action: 'deny', openExternal: false });
  });

  it('opens only allow-listed https URLs externally', () => {
    expect(isAllowedExternalUrl('https://github.com/x')).toBe(true);
    expect(isAllowedExternalUrl('http://github.com/x')).toBe(false);
    expect(isAllowedExternalUrl('https://github.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@github.com/')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });

  it('denies every permission request', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(permissionDecision(permission)).toBe(false);
    }
  });
});
