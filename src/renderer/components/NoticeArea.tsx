import { useAppStore } from '../stores/appStore';

/** Transient messages; errors are announced assertively. */
export function NoticeArea() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.noticeDismiss);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          <button type="button" className="link" onClick={() => dismiss(n.id)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
