import type { PracticeLean } from '../../../core/practice/practiceHistory';
import type { PracticeRating } from '../../../core/practice/practiceScore';

/** A rating as the comparison shows it. */
export function practiceRatingText(rating: PracticeRating | null): string {
  return rating === null ? 'not rated' : rating === 'no-evidence' ? 'no evidence' : String(rating);
}

/** A signed distance with its sign: "+0.50", "−1.00", "0.00" (or "+1" with `digits` 0). */
export function practiceSignedText(value: number, digits = 2): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(digits)}`;
}

export const practiceLeanText: Record<PracticeLean, string> = {
  lenient: '▲ lenient (above the key)',
  severe: '▼ severe (below the key)',
  'on-key': '● on the key',
};

/** "0.67 (+0.33, lenient)" — mean absolute distance and its direction. */
export function practiceDistanceText(meanAbsolute: number | null, meanSigned: number | null): string {
  if (meanAbsolute === null || meanSigned === null) return 'no comparable ratings';
  const lean = meanSigned > 0 ? 'lenient' : meanSigned < 0 ? 'severe' : 'on the key';
  return `${meanAbsolute.toFixed(2)} (${practiceSignedText(meanSigned)}, ${lean})`;
}

/** A heading marked "Practice" once: case titles and scripted names that already say it keep their words. */
export function practiceLabel(text: string): string {
  return /^practice\b/i.test(text) ? text : `Practice: ${text}`;
}
