import { useEffect, useRef, useState } from 'react';
import { desktopApi } from '../../platform/desktopApi';
import { useAppStore } from '../../stores/appStore';

/**
 * Removes a user pack after one confirmation that names it. Built-in packs have no such button:
 * they ship with the app.
 */
export function RemovePackButton({ packDir, name }: { packDir: string; name: string }) {
  const rubricsSet = useAppStore((s) => s.rubricsSet);
  const noticeShow = useAppStore((s) => s.noticeShow);
  const [isConfirming, setIsConfirming] = useState(false);
  const [isRemoving, setIsRemoving] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (isConfirming) confirmRef.current?.focus();
    else if (wasConfirming.current) removeRef.current?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming]);

  async function remove() {
    setIsRemoving(true);
    try {
      const report = await (await desktopApi()).removeUserRubricPack(packDir);
      rubricsSet(report);
      noticeShow('info', `Removed the rubric pack “${name}”.`);
    } catch (error) {
      noticeShow('error', `Could not remove “${name}”: ${error instanceof Error ? error.message : String(error)}`);
      setIsRemoving(false);
      setIsConfirming(false);
    }
  }

  if (!isConfirming) {
    return (
      <button
        ref={removeRef}
        type="button"
        className="remove-pack"
        aria-label={`Remove ${name}`}
        onClick={() => setIsConfirming(true)}
      >
        Remove
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={`Confirm removing ${name}`}>
      <span>Remove “{name}” and its files?</span>
      <button ref={confirmRef} type="button" className="danger" disabled={isRemoving} onClick={() => void remove()}>
        Remove pack
      </button>
      <button type="button" disabled={isRemoving} onClick={() => setIsConfirming(false)}>
        Cancel
      </button>
    </div>
  );
}
