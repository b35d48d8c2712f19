/**
 * Text from input, made safe to show: control characters (C0, DEL, C1) and bidirectional
 * overrides are written as escapes, so a rater named "\x1b[2J" cannot clear a terminal and a
 * right-to-left override cannot reorder a message. The one helper every message that quotes
 * input goes through.
 */

// C0 controls, DEL, C1 controls, and the bidi embedding/override/isolate characters.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// The same, but line feed and tab pass: for whole blocks of output the program itself wrote.
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE_IN_BLOCK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(char: string): string {
  switch (char) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default: {
      const code = char.charCodeAt(0);
      return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    }
  }
}

/** A value quoted from input (a name, a cell, a key) with every control character escaped. */
export function textForDisplay(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** A whole message or report: line breaks and tabs kept, every other control character escaped. */
export function textBlockForDisplay(text: string): string {
  return text.replace(UNSAFE_IN_BLOCK, escapeOne);
}
