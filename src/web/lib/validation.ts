/** Loose check: the server has the last word; this only catches obvious typing mistakes. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

export const MIN_PASSWORD_LENGTH = 8;

export const SLUG_PATTERN = /^[a-z0-9-]{2,40}$/;

/** A domain name such as "cegep.example.ca". */
export function isDomain(value: string): boolean {
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(value.trim());
}

/**
 * True for an absolute http(s) address with a host; the API checks again (and may refuse more).
 * The web app's copy of core/is-http-url.ts: web may import only types from core (docs/architecture.md).
 */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && Boolean(url.hostname);
  } catch {
    return false;
  }
}
