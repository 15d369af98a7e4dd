import type { ArchiveEntry } from "../issuance/issuance.ports.ts";
import type { AccountExportData } from "./privacy.types.ts";

/** Reads and writes over everything of one user's (the privacy features). */
export interface AccountDataStore {
  /** Everything about the user, for their data export. */
  collect(userId: string): Promise<AccountExportData>;
  /**
   * Closes the account, in the caller's transaction: status closed; email replaced by `tombstone`,
   * name and password cleared; every session revoked; every share revoked; learner records
   * unlinked (their documents stay with the institution); secondary emails, linked accounts, TOTP, recovery codes, sign-on
   * transactions and unused one-time tokens deleted or voided.
   */
  close(userId: string, tombstone: string, now: Date): Promise<void>;
}

/** Writes ZIP archives (the data export). */
export interface ZipWriter {
  /** The archive of these entries; `store` entries are kept as they are (already compressed, like PDFs). */
  write(entries: (ArchiveEntry & { store?: boolean })[]): Uint8Array;
}
