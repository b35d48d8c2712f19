/**
 * The exchange IPC handlers as plain functions: folders only as chosen in the dialog, change
 * notices only to the window watching, and the key store's answers passed through.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { exchangeIpcHandlers, type ExchangeSender } from '../../../src/main/ipc/registerExchangeIpc';
import { desktopChannels } from '../../../src/shared/desktopApi';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'loopdesk-exchange-ipc-'));
  dirs.push(dir);
  return dir;
};
const closers: Array<() => void> = [];
afterEach(() => {
  closers.splice(0).forEach((c) => c());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

class FakeSender extends EventEmitter implements ExchangeSender {
  static next = 1;
  readonly id = FakeSender.next++;
  readonly sent: string[] = [];
  destroyed = false;
  send(channel: string): void {
    this.sent.push(channel);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

const profile = 'b2f0c6a4-1d2e-4f00-9a6b-0d1c2e3f4a5b';
const name = 'decision-3c1d7e20-aaaa-4bbb-8ccc-123456789abc-1.loopdesk';

function setup(dialogAnswer: string | null) {
  const asked: number[] = [];
  const { handlers, close } = exchangeIpcHandlers({
    dataDir: tempDir(),
    safeStorage: null,
    platform: 'linux',
    folderDialog: async (sender) => {
      asked.push(sender.id);
      return dialogAnswer;
    },
    watchDebounceMs: 100,
  });
  closers.push(close);
  return { h: handlers as Required<typeof handlers>, asked };
}

describe('exchange IPC handlers', () => {
  it('reads and writes only in a folder chosen in the dialog, which the dialog owner asked for', async () => {
    const shared = tempDir();
    const elsewhere = tempDir();
    const { h, asked } = setup(shared);
    const win = new FakeSender();
    await expect(h.listExchangeFolder(win, shared)).rejects.toThrow(/not chosen in the folder dialog/);
    await expect(h.writeExchangeFile(win, elsewhere, profile, name, '{}')).rejects.toThrow(/not chosen/);
    expect(await h.chooseExchangeFolder(win)).toEqual({ path: shared, name: shared.split('/').pop() });
    expect(asked).toEqual([win.id]);
    await h.writeExchangeFile(win, shared, profile, name, '{"ok":true}');
    expect((await h.listExchangeFolder(win, shared)).map((e) => e.name)).toEqual([name]);
    expect(await h.readExchangeFile(win, shared, profile, name)).toEqual({ ok: true, text: '{"ok":true}' });
    await expect(h.listExchangeFolder(win, elsewhere)).rejects.toThrow(/not chosen/);
  });

  it('a cancelled dialog chooses nothing', async () => {
    const { h } = setup(null);
    expect(await h.chooseExchangeFolder(new FakeSender())).toBeNull();
  });

  it('sends change notices only to the window that watches, and stops when it closes or stops watching', async () => {
    const shared = tempDir();
    const { h } = setup(shared);
    const watcher = new FakeSender();
    const other = new FakeSender();
    await h.chooseExchangeFolder(watcher);
    await h.watchExchangeFolder(watcher, shared);
    await new Promise((r) => setTimeout(r, 100));
    mkdirSync(join(shared, 'outbox', profile), { recursive: true });
    writeFileSync(join(shared, 'outbox', profile, name), '{}');
    await expect.poll(() => watcher.sent, { timeout: 5_000 }).toEqual([desktopChannels.onExchangeFolderChanged]);
    expect(other.sent).toEqual([]);
    await h.watchExchangeFolder(watcher, null);
    writeFileSync(join(shared, 'outbox', profile, name.replace('-1.', '-2.')), '{}');
    await new Promise((r) => setTimeout(r, 400));
    expect(watcher.sent).toHaveLength(1);
    await h.watchExchangeFolder(watcher, shared);
    // Watching again and again listens for the window's end once.
    expect(watcher.listenerCount('destroyed')).toBe(1);
    watcher.destroy();
    writeFileSync(join(shared, 'outbox', profile, name.replace('-1.', '-3.')), '{}');
    await new Promise((r) => setTimeout(r, 400));
    expect(watcher.sent).toHaveLength(1);
  });

  it('passes the key store through: without safeStorage it says why, and main signs nothing', async () => {
    const { h } = setup(null);
    const win = new FakeSender();
    expect(await h.ensureProfileKey(win, profile)).toEqual({ ok: false, reason: 'this system offers no safeStorage' });
    await expect(h.signAsProfile(win, profile, '{}')).rejects.toThrow(/no key for this profile/);
  });
});
