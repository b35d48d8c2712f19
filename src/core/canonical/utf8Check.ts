/**
 * Where UTF-8 input stops being UTF-8. Decoders replace bad bytes with U+FFFD silently (so "René"
 * in Latin-1 and "Renè" in Latin-1 both become "Ren\uFFFD" and merge into one rater); readers check
 * first and refuse with the byte offset instead.
 */

/**
 * The byte offset of the first byte that does not start or continue a valid UTF-8 sequence
 * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all of `bytes`
 * is valid UTF-8.
 */
export function utf8InvalidAt(bytes: Uint8Array): number {
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) need = 1;
    else if (b0 >= 0xe0 && b0 <= 0xef) need = 2;
    else if (b0 >= 0xf0 && b0 <= 0xf4) need = 3;
    else return i;
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    min = b0 === 0xe0 ? 0xa0 : b0 === 0xf0 ? 0x90 : 0x80;
    if (b0 === 0xed) max = 0x9f;
    else if (b0 === 0xf4) max = 0x8f;
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || b < min || b > max) return i;
      min = 0x80;
      max = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}
