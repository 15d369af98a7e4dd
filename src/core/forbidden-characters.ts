import type { Bilingual } from "./i18n.types.ts";

/**
 * U+0000 and lone UTF-16 surrogates. PostgreSQL refuses 0x00 in text, and a lone surrogate has no
 * UTF-8 form (drivers would silently store U+FFFD; URL encoding throws): no text the portal keeps,
 * looks up or puts in a link may hold either. With the `u` flag a surrogate pair is one code point,
 * so only a lone half matches \p{Cs}.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing U+0000 is the point
const FORBIDDEN = /[\u0000\p{Cs}]/u;

/** Whether the text holds U+0000 or a lone surrogate. */
export const hasForbiddenCharacter = (value: string): boolean => FORBIDDEN.test(value);

/** The problem of a field that holds one, naming the field (e.g. "params.slug", "given_name"). */
export const forbiddenCharacterMessage = (field: string): Bilingual => ({
  fr: `« ${field} » contient un caractère interdit : le caractère nul (U+0000) ou un demi-codet UTF-16 isolé.`,
  en: `"${field}" contains a forbidden character: the null character (U+0000) or a lone UTF-16 surrogate.`,
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: showing U+0000 is the point
const FORBIDDEN_ALL = /[\u0000\p{Cs}]/gu;
/** A path longer than this (a deeply nested body) is cut, so the answer stays small. */
const PATH_MAX = 200;
/** A key shown in a path with its forbidden characters spelled out (\u0000). */
const visible = (key: string) =>
  key.replace(FORBIDDEN_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * The paths ("items.0.name", "" for the value itself) of the strings and keys in a parsed value
 * (JSON, query string, form) that hold a forbidden character, at most `limit` of them, each cut at
 * 200 characters. Iterative, so a deeply nested body costs no stack; byte arrays are not text and
 * are skipped.
 */
export function forbiddenCharacterPaths(value: unknown, limit = 20): string[] {
  const found: string[] = [];
  // [value, its path, whether the path's own key is the offender]
  const stack: [unknown, string, boolean][] = [[value, "", false]];
  while (stack.length > 0 && found.length < limit) {
    const [v, at, badKey] = stack.pop() as [unknown, string, boolean];
    if (badKey || (typeof v === "string" && hasForbiddenCharacter(v))) {
      found.push(at.length > PATH_MAX ? `${at.slice(0, PATH_MAX)}…` : at);
      continue;
    }
    if (v === null || typeof v !== "object" || ArrayBuffer.isView(v)) continue;
    const entries: [string, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [String(i), x])
      : Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string, unknown];
      stack.push([child, at ? `${at}.${visible(key)}` : visible(key), hasForbiddenCharacter(key)]);
    }
  }
  return found;
}
