/** Blind mode's neutral label; the audience policy in core is its one home. */
export { audienceBlindLabel as blindLabel } from '../../../core/audience/audiencePolicy';
