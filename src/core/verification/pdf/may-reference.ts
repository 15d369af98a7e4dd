const WHITE = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WHITE[c] = 1;
const REGULAR = new Uint8Array(256).fill(1);
for (const c of [0, 9, 10, 12, 13, 32]) REGULAR[c] = 0;
for (const c of "()<>[]{}/%") REGULAR[c.charCodeAt(0)] = 0;

/** Skips white space and comments from `p`. */
function skip(data: Uint8Array, p: number): number {
  while (p < data.length) {
    const c = data[p] as number;
    if (WHITE[c] === 1) p++;
    else if (c === 37 /* % */) while (p < data.length && data[p] !== 10 && data[p] !== 13) p++;
    else break;
  }
  return p;
}

/** End of the regular token starting at `p`. */
function tokenEnd(data: Uint8Array, p: number): number {
  while (p < data.length && REGULAR[data[p] as number] === 1) p++;
  return p;
}

/** The value of a numeric token (`12`, `+12`, `012`, `12.`, `12.0`), else NaN. */
function numberOf(data: Uint8Array, start: number, end: number): number {
  let p = start;
  if (data[p] === 43 || data[p] === 45) p++;
  let digits = 0;
  let dot = false;
  for (; p < end; p++) {
    const c = data[p] as number;
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return Number.NaN;
  }
  if (digits === 0 || end - start > 24) return Number.NaN;
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(data[i] as number);
  return Number(s);
}

/**
 * True when `data` may hold an indirect reference `n g R` to one of `nums`, as any reader would
 * read one: a numeric token whose value is n (leading zeros, a sign or `.0` included, as lenient
 * parsers accept), then across white space and comments another numeric token and the keyword R.
 * Conservative: a real reference always matches; bytes that only look like one (in a string or in
 * binary stream data) match too, which only makes the caller compare more. One pass.
 */
export function mayReference(data: Uint8Array, nums: ReadonlySet<number>): boolean {
  if (nums.size === 0) return false;
  const len = data.length;
  let p = 0;
  while (p < len) {
    const c = data[p] as number;
    if (REGULAR[c] === 0) {
      p++;
      continue;
    }
    const end = tokenEnd(data, p);
    const first = data[p] as number;
    if ((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46) {
      const v = numberOf(data, p, end);
      if (Number.isInteger(v) && nums.has(v)) {
        const g = skip(data, end);
        const gEnd = tokenEnd(data, g);
        if (gEnd > g && !Number.isNaN(numberOf(data, g, gEnd))) {
          const r = skip(data, gEnd);
          if (data[r] === 82 /* R */ && tokenEnd(data, r) === r + 1) return true;
        }
      }
    }
    p = end;
  }
  return false;
}
