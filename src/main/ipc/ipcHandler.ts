/**
 * Every IPC handler goes through {@link ipcHandler}: it refuses senders that are not the app's own
 * frames and payloads that fail their zod schema, before the implementation runs. Pure enough to
 * unit-test with plain objects for events.
 */
import type { z } from 'zod';
import type { DesktopApi } from '../../shared/desktopApi';

/** The part of `IpcMainInvokeEvent` the checks need. */
export interface IpcSenderEvent {
  senderFrame: { url: string } | null;
}

/** Every method but the `on…` subscriptions, which main pushes to instead. */
export type InvokeMethod = Exclude<keyof DesktopApi, `on${string}`>;

export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

export function ipcHandler<K extends InvokeMethod>(
  channel: string,
  argsSchema: z.ZodType<Parameters<DesktopApi[K]>>,
  impl: (...args: Parameters<DesktopApi[K]>) => ReturnType<DesktopApi[K]>,
  isTrustedSender: (url: string) => boolean,
): (event: IpcSenderEvent, ...raw: unknown[]) => ReturnType<DesktopApi[K]> {
  return (event, ...raw) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedSender(url)) {
      throw new IpcRefusedError(`${channel}: refused a request from an untrusted sender (${url || 'no frame'})`);
    }
    const parsed = argsSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      throw new IpcRefusedError(`${channel}: invalid request${where}: ${issue?.message ?? 'bad payload'}`);
    }
    return impl(...parsed.data);
  };
}
