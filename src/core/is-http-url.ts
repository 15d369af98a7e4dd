/**
 * True for an absolute http(s) address with a host (what a fetch can reach). The one check of the
 * core and the server; callers may refuse more (the OIDC adapter refuses http outside loopback).
 */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && Boolean(url.hostname);
  } catch {
    return false;
  }
}
