/**
 * Reads `token` from the URL fragment (`#token=…`), where emailed links carry it so that it
 * never reaches server logs or Referer headers.
 */
export function readHashToken(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  const token = params.get("token");
  return token?.trim() ? token.trim() : null;
}

/** Removes the fragment from the address bar without a navigation, keeping the router's state. */
export function clearHash(): void {
  const { pathname, search, hash } = window.location;
  if (hash) window.history.replaceState(window.history.state, "", `${pathname}${search}`);
}
