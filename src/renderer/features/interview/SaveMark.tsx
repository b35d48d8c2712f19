import { useAppStore } from '../../stores/appStore';

/** "Saved" appears only after the last write committed; an error stays until a write succeeds. */
export function SaveMark() {
  const isDirty = useAppStore((s) => Object.keys(s.saveDirty).length > 0);
  const pending = useAppStore((s) => s.savePending);
  const error = useAppStore((s) => s.saveError);
  const lastAt = useAppStore((s) => s.saveLastAt);
  let text: string;
  let tone: string;
  if (error) {
    text = error;
    tone = 'error';
  } else if (isDirty || pending > 0) {
    text = 'Saving…';
    tone = 'saving';
  } else if (lastAt) {
    text = 'Saved';
    tone = 'saved';
  } else {
    text = 'No changes yet';
    tone = 'idle';
  }
  return (
    <span className={`save-mark save-${tone}`} data-testid="save-state" role={error ? 'alert' : 'status'}>
      {tone === 'saved' ? '✓ ' : tone === 'error' ? '⚠ ' : ''}
      {text}
    </span>
  );
}
