/**
 * An interviewer's overall recommendation beside their own ratings. It feeds no score: the report
 * shows it per interviewer and says so when it points far from what the same interviewer rated,
 * which is worth a question in the committee ("Strong yes", yet ratings that average 2 of 4).
 */
import type { Interview, OverallRecommendation, Rating } from '../model/records';
import type { ReportOverall } from './reportBuild';

export const overallRecommendationLabels: Record<OverallRecommendation, string> = {
  'strong-no': 'Strong no',
  no: 'No',
  yes: 'Yes',
  'strong-yes': 'Strong yes',
};

/** Options in the order the submit dialog offers them. */
export const overallRecommendationOrder: readonly OverallRecommendation[] = ['strong-no', 'no', 'yes', 'strong-yes'];

/** The middle of the 1–4 scale: above leans yes, below leans no. */
const SCALE_MIDDLE = 2.5;

/**
 * True when the recommendation and the ratings mean lie far apart: a strong recommendation whose
 * ratings sit on the other side of the scale's middle, or a plain one whose ratings sit a half
 * point or more past the middle the other way.
 */
export function overallDisagrees(recommendation: OverallRecommendation, ratingsMean: number): boolean {
  switch (recommendation) {
    case 'strong-yes':
      return ratingsMean < SCALE_MIDDLE;
    case 'yes':
      return ratingsMean <= SCALE_MIDDLE - 0.5;
    case 'no':
      return ratingsMean >= SCALE_MIDDLE + 0.5;
    case 'strong-no':
      return ratingsMean > SCALE_MIDDLE;
  }
}

/** The overall recommendation of one sealed interview as the report shows it; null when none was given. */
export function reportOverall(interview: Pick<Interview, 'overallRecommendation' | 'keyTakeaways'>, ratings: readonly Rating[]): ReportOverall | null {
  const recommendation = interview.overallRecommendation;
  if (!recommendation) return null;
  const scores = ratings.flatMap((r) => (r.state === 'rated' ? [r.score] : []));
  const ratingsMean = scores.length > 0 ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null;
  const label = overallRecommendationLabels[recommendation];
  return {
    recommendation,
    label,
    takeaways: interview.keyTakeaways ?? '',
    ratingsMean,
    disagreement:
      ratingsMean !== null && overallDisagrees(recommendation, ratingsMean)
        ? `“${label}” overall, while this interviewer's own ratings average ${ratingsMean.toFixed(2)} of 4: worth asking what weighed most.`
        : null,
  };
}
