import type { SignalPolarity } from '../../core/rubric/schema';

export type SignalBadgePolarity = SignalPolarity | 'none';

export interface SignalBadgeProps {
  polarity: SignalBadgePolarity;
  /** Text after the icon; defaults to the polarity's name ("Strong", "Red flag", …). */
  label?: string;
  /** Tooltip, e.g. the signal's description. */
  title?: string;
}

const icons: Record<SignalBadgePolarity, string> = { strong: '▲', weak: '▼', 'red-flag': '⚑', none: '–' };
const names: Record<SignalBadgePolarity, string> = {
  strong: 'Strong',
  weak: 'Weak',
  'red-flag': 'Red flag',
  none: 'No evidence',
};

/** A signal's polarity as colour, icon and text together, so it never depends on colour alone. */
export function SignalBadge({ polarity, label, title }: SignalBadgeProps) {
  return (
    <span className={`signal signal-${polarity}`} title={title}>
      <span aria-hidden="true">{icons[polarity]}</span>
      <span>{label ?? names[polarity]}</span>
    </span>
  );
}
