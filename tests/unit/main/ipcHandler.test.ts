import { describe, expect, it, vi } from 'vitest';
import { ipcHandler, IpcRefusedError } from '../../../src/main/ipc/ipcHandler';
import { ipcSchemas } from '../../../src/main/ipc/ipcSchemas';
import { isAppUrl } from '../../../src/main/security';
import { desktopChannels } from '../../../src/shared/desktopApi';

const appFrame = { senderFrame: { url: 'app://loopdesk/index.html#/today' } };
const trusted = (url: string) => isAppUrl(url);

describe('ipcHandler', () => {
  it('runs the implementation for the app frame with a valid payload', async () => {
    const impl = vi.fn(async (url: string) => url.length > 0);
    const handler = ipcHandler<'openExternal'>('shell:openExternal', ipcSchemas.openExternal, impl, trusted);
    await expect(handler(appFrame, 'https://github.com/')).resolves.toBe(true);
    expect(impl).toHaveBeenCalledWith('https://github.com/');
  });

  it('refuses a sender that is not the app', () => {
    const impl = vi.fn(async () => ({ ok: false as const, reason: 'failed' as const, message: '' }));
    const handler = ipcHandler<'exportPdf'>('report:exportPdf', ipcSchemas.exportPdf, impl, trusted);
    const payload = { route: '#/print/report/x', fileName: 'a.pdf' };
    expect(() => handler({ senderFrame: { url: 'https://evil.example/' } }, payload)).toThrow(IpcRefusedError);
    expect(() => handler({ senderFrame: null }, payload)).toThrow(/untrusted sender/);
    expect(() => handler({ senderFrame: { url: 'file:///tmp/x.html' } }, payload)).toThrow(/untrusted sender/);
    expect(impl).not.toHaveBeenCalled();
  });

  it('refuses a bad payload and names what is wrong', () => {
    const impl = vi.fn(async () => ({ ok: true as const, savedTo: '' }));
    const handler = ipcHandler<'exportPdf'>('report:exportPdf', ipcSchemas.exportPdf, impl, trusted);
    expect(() => handler(appFrame, { route: 'https://evil.example', fileName: 'a.pdf' })).toThrow(/route/);
    expect(() => handler(appFrame, { route: '#/print/report/x', fileName: '../../etc/x.pdf' })).toThrow(/fileName/);
    expect(() => handler(appFrame, { route: '#/print/report/x', fileName: 'a.pdf', extra: 1 })).toThrow(
      /invalid request/,
    );
    expect(() => handler(appFrame)).toThrow(/invalid request/);
    expect(impl).not.toHaveBeenCalled();
  });

  it("opens the presenter with the interview and its workspace, and nothing else", async () => {
    const impl = vi.fn(async () => undefined);
    const handler = ipcHandler<'openPresenter'>('presenter:open', ipcSchemas.openPresenter, impl, trusted);
    const interviewId = '6f1c1f4e-3b8a-4d8e-9c1a-2b7d5e0f9a31';
    await handler(appFrame, interviewId, true);
    expect(impl).toHaveBeenCalledWith(interviewId, true);
    expect(() => handler(appFrame, interviewId)).toThrow(/invalid request/);
    expect(() => handler(appFrame, interviewId, 'demo')).toThrow(/invalid request/);
    expect(() => handler(appFrame, '#/today', false)).toThrow(/invalid request/);
    expect(impl).toHaveBeenCalledTimes(1);
  });

  it('refuses rubric files that escape the user folder', () => {
    const impl = vi.fn();
    const handler = ipcHandler<'addUserRubricFiles'>(
      'rubrics:addUserFiles',
      ipcSchemas.addUserRubricFiles,
      impl,
      trusted,
    );
    expect(() => handler(appFrame, [{ path: '../../.bashrc', text: 'x' }])).toThrow(/inside the rubric folder/);
    expect(() => handler(appFrame, [{ path: '/etc/passwd', text: 'x' }])).toThrow(IpcRefusedError);
    expect(impl).not.toHaveBeenCalled();
  });

  it('has a payload schema for every invoke channel', () => {
    const invokeMethods = Object.keys(desktopChannels).filter((m) => !/^on[A-Z]/.test(m));
    expect(Object.keys(ipcSchemas).sort()).toEqual(invokeMethods.sort());
  });

  it('uses area:verb channel names', () => {
    for (const channel of Object.values(desktopChannels)) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });
});
