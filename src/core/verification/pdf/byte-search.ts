/** Byte-level searches for ASCII keywords in PDF data. */

/** Finds an ASCII word in bytes from `from`; -1 when absent. */
export function indexOfAscii(bytes: Uint8Array, word: string, from = 0): number {
  const first = word.charCodeAt(0);
  outer: for (
    let i = bytes.indexOf(first, from);
    i >= 0 && i <= bytes.length - word.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    for (let k = 1; k < word.length; k++) if (bytes[i + k] !== word.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** Finds the last occurrence of an ASCII word in bytes before `before`; -1 when absent. */
export function lastIndexOfAscii(bytes: Uint8Array, word: string, before = bytes.length): number {
  const first = word.charCodeAt(0);
  for (
    let i = bytes.lastIndexOf(first, before - word.length);
    i >= 0;
    i = i > 0 ? bytes.lastIndexOf(first, i - 1) : -1
  ) {
    let ok = true;
    for (let k = 1; k < word.length; k++)
      if (bytes[i + k] !== word.charCodeAt(k)) {
        ok = false;
        break;
      }
    if (ok) return i;
  }
  return -1;
}
