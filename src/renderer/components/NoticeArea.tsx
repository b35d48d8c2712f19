import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useRoute } from '../app/router';
import { useMe } from '../db/hooks';
import { useAppStore } from '../stores/appStore';
import type { Notice } from '../stores/uiSlice';

/** How long a success stays before it fades; errors stay until dismissed. */
const successMs = 5000;

function NoticeItem({ notice, dismiss }: { notice: Notice; dismiss: (id: number) => void }) {
  const [isHeld, setIsHeld] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const isError = notice.tone === 'error';
  useEffect(() => {
    // Held while pointed at or focused, so it can be read or dismissed without racing the timer.
    if (isError || isHeld) return;
    const timer = setTimeout(() => dismiss(notice.id), successMs);
    return () => clearTimeout(timer);
  }, [isError, isHeld, dismiss, notice.id]);
  return (
    <div
      ref={ref}
      className={`notice notice-${notice.tone}${isError ? '' : ' is-fading'}`}
      role={isError ? 'alert' : 'status'}
      data-testid="notice"
      onMouseEnter={() => setIsHeld(true)}
      onMouseLeave={() => setIsHeld(false)}
      onFocus={() => setIsHeld(true)}
      onBlur={(e) => {
        if (!ref.current?.contains(e.relatedTarget as Node | null)) setIsHeld(false);
      }}
    >
      <span>{notice.text}</span>
      <button type="button" className="link" onClick={() => dismiss(notice.id)} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}

/**
 * Keeps the strip's tallest height on this screen: a notice that fades must not move the screen
 * under the pointer (a click aimed at a button as it moves lands on nothing). The strip takes its
 * natural height again on the next screen.
 */
function useHeightHeldOnScreen(ref: RefObject<HTMLElement | null>): void {
  const screenKey = useRoute().path.join('/');
  useLayoutEffect(() => {
    if (ref.current) ref.current.style.minHeight = '';
  }, [ref, screenKey]);
  useLayoutEffect(() => {
    const strip = ref.current;
    // An empty strip is no taller than any height held: nothing to measure (and no layout forced
    // inside the commit, as at start-up, where no notice is shown yet).
    if (!strip?.firstElementChild) return;
    const height = strip.getBoundingClientRect().height;
    if (height > (parseFloat(strip.style.minHeight) || 0)) strip.style.minHeight = `${height}px`;
  });
}

/**
 * Messages in a strip above the screen, in the page flow, so they never cover the note box or
 * the rating panel. Successes fade after a few seconds; errors stay until dismissed; the strip
 * keeps its height until the screen changes. A notice belongs to the profile that caused it and
 * is not shown to another.
 */
export function NoticeArea() {
  const stripRef = useRef<HTMLElement>(null);
  useHeightHeldOnScreen(stripRef);
  const me = useMe();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.noticeDismiss);
  const profileSet = useAppStore((s) => s.noticeProfileSet);
  const profileId = me?.id ?? null;
  useEffect(() => {
    if (me !== undefined) profileSet(profileId);
  }, [me, profileId, profileSet]);
  const shown = notices.filter((n) => n.profileId === null || n.profileId === profileId);
  return (
    <section ref={stripRef} className="notices" aria-live="polite" aria-label="Messages">
      {shown.map((n) => (
        <NoticeItem key={n.id} notice={n} dismiss={dismiss} />
      ))}
    </section>
  );
}
