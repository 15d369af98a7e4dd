/** Reads `code` from the URL fragment (`#code=…`) of the claim link: it never reaches a server. */
export function readHashCode(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  const code = params.get("code")?.trim();
  return code ? code : null;
}

/** An access code as people read it: upper case, in groups of 4 ("ABCD-EFGH-…"). */
export function formatAccessCode(code: string): string {
  const bare = code.toUpperCase().replace(/[^0-9A-Z]/g, "");
  return bare.match(/.{1,4}/g)?.join("-") ?? bare;
}
