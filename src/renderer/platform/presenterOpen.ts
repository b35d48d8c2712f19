import { appWorkspace } from '../db/workspace';
import { desktopApi } from './desktopApi';

/** Opens the candidate-facing window of an interview, in this window's workspace (the demo's or the real one). */
export function presenterOpen(interviewId: string): Promise<void> {
  return desktopApi().then((api) => api.openPresenter(interviewId, appWorkspace() === 'demo'));
}
