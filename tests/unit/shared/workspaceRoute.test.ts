/**
 * A window the app opens from the demo workspace is told so by its route; nothing else in a route
 * (a path, another parameter, another value) puts a window in the demo workspace.
 */
import { describe, expect, it } from 'vitest';
import { workspaceRouteIsDemo, workspaceRouted } from '../../../src/shared/workspaceRoute';

describe('workspace in a route', () => {
  it('is added to routes of windows opened from the demo workspace only', () => {
    expect(workspaceRouted('#/print/report/c-1?audience=committee', true)).toBe(
      '#/print/report/c-1?audience=committee&workspace=demo',
    );
    expect(workspaceRouted('#/presenter/i-1', true)).toBe('#/presenter/i-1?workspace=demo');
    expect(workspaceRouted('#/presenter/i-1', false)).toBe('#/presenter/i-1');
    expect(workspaceRouted('#/print/batch?candidates=a.b', false)).toBe('#/print/batch?candidates=a.b');
  });

  it('is read back from the route a window opens on, and nothing else reads as the demo', () => {
    for (const route of ['#/print/report/c-1?audience=recruiter', '#/presenter/i-1']) {
      expect(workspaceRouteIsDemo(workspaceRouted(route, true))).toBe(true);
      expect(workspaceRouteIsDemo(workspaceRouted(route, false))).toBe(false);
    }
    expect(workspaceRouteIsDemo('#/presenter/i-1?workspace=demo&autoprint=1')).toBe(true);
    expect(workspaceRouteIsDemo('#/workspace=demo')).toBe(false);
    expect(workspaceRouteIsDemo('#/print/report/c-1?workspace=demo2')).toBe(false);
    expect(workspaceRouteIsDemo('#/print/report/c-1?xworkspace=demo')).toBe(false);
    expect(workspaceRouteIsDemo('')).toBe(false);
  });
});
