/** How leniency offsets read in tables: signed to two decimals, and their 95 % interval as a range. */
export const offsetSigned = (v: number) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));

/** "−0.40 to +0.12". */
export const offsetIntervalText = (interval: readonly [number, number]) => `${offsetSigned(interval[0])} to ${offsetSigned(interval[1])}`;
