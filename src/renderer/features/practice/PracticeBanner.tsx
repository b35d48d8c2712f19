import type { ReactNode } from 'react';

/** The "Practice" mark every practice screen carries, so a practice run is never mistaken for a real one. */
export function PracticeBanner({ children }: { children: ReactNode }) {
  return (
    <p className="practice-banner" role="note" data-testid="practice-banner">
      <strong>Practice</strong> — {children}
    </p>
  );
}
