import { useEffect, useState } from "react";
import { clearHash, readHashToken } from "../lib/hashToken.ts";

/** The `#token=…` of an emailed link, read once; the fragment is then removed from the address bar. */
export function useHashToken(): string | null {
  const [token] = useState(() => readHashToken(window.location.hash));
  useEffect(() => {
    clearHash();
  }, []);
  return token;
}
