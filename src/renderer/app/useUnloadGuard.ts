import { useEffect } from 'react';
import { useAppStore } from '../stores/appStore';

/**
 * Closing or reloading the window while text is typed but not yet written, or a write has not
 * committed, asks first (the browser's own "Leave site?" prompt). The note box also writes at
 * once on pagehide and keeps a copy, so this is the second line of defence, not the only one.
 */
export function useUnloadGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const { saveDirty, savePending } = useAppStore.getState();
      if (Object.keys(saveDirty).length === 0 && savePending === 0) return;
      event.preventDefault();
      // Older Chromium and Electron show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
