import type { ThrottleRecord } from "../accounts/accounts.ports.ts";
import type { DocumentStatus } from "../documents/documents.types.ts";
import type { ShareChannel, ShareEventKind } from "./sharing.types.ts";

/** A share row as stored (the token only as its hash). */
export interface ShareRecord {
  id: string;
  userId: string;
  channel: ShareChannel;
  recipientEmail: string | null;
  organizationId: string | null;
  message: string | null;
  passcodeHash: string | null;
  maxViews: number | null;
  viewCount: number;
  downloadAllowed: boolean;
  notifyOnFirstView: boolean;
  otpHash: string | null;
  otpExpiresAt: Date | null;
  /** Wrong passcodes or codes counted (share-attempts back-off), the latest, and the lock they set. */
  failedAttempts: number;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
  downloadCount: number;
  paymentId: string | null;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  firstViewedAt: Date | null;
}

/** One of the learner's own documents, with what sharing it needs from its type. */
export interface ShareableDocument {
  id: string;
  institutionId: string;
  title: string;
  status: DocumentStatus;
  type: {
    shareFeeCents: number;
    currency: string;
    defaultShareDays: number;
    downloadAllowed: boolean;
  } | null;
}

/** A shared document with what the recipient's page shows. */
export interface SharedDocumentRow {
  id: string;
  title: string;
  issueDate: string | null;
  signedAt: Date;
  status: DocumentStatus;
  revokedAt: Date | null;
  supersededBy: string | null;
  sha256: string;
  byteSize: number;
  givenName: string | null;
  familyName: string | null;
  institution: { id: string; slug: string; nameFr: string; nameEn: string; hasLogo: boolean };
  documentType: { code: string; nameFr: string; nameEn: string; downloadAllowed: boolean } | null;
}

export interface NewShare {
  userId: string;
  channel: ShareChannel;
  tokenHash: string;
  recipientEmail: string | null;
  organizationId: string | null;
  message: string | null;
  passcodeHash: string | null;
  maxViews: number | null;
  downloadAllowed: boolean;
  notifyOnFirstView: boolean;
  paymentId: string | null;
  expiresAt: Date;
  documentIds: string[];
}

export interface ShareEventRecord {
  shareId: string;
  kind: ShareEventKind;
  documentId: string | null;
  organizationId: string | null;
  createdAt: Date;
}

/** A recipient's view as recorded in the share's history. */
export type ShareViewEvent = ShareEventRecord & { ip: string | null; userAgent: string | null };

/**
 * Views of shares WITHOUT a view limit, written in batches: each is buffered in this process for
 * at most the flush interval (~100 ms), then every buffered event lands in one multi-row INSERT
 * and each share's count in one UPDATE, in one transaction. A crash loses at most that window.
 * Shares with a limit (or awaiting their first-view email) never go through it: their count is
 * exact and atomic (ShareStore.countView).
 */
export interface ShareViewLog {
  record(view: ShareViewEvent): void;
  /** Writes what is buffered now (before reading a history in this process, and on shutdown). */
  flush(): Promise<void>;
}

/** A share with its documents, as the recipient's page reads them. */
export type FoundShare = { share: ShareRecord; documents: SharedDocumentRow[] };

/**
 * Shares recently read by token hash, kept in memory only while this process hears the
 * database's change notifications (so a revocation made anywhere reaches it within milliseconds).
 * Only the recipient's page reads through it; every write, passcode or download reads afresh.
 */
export interface ShareLookupCache {
  /** The share behind a token hash: from memory when known, otherwise through `load` (and then kept). */
  lookup(tokenHash: string, load: () => Promise<FoundShare | null>): Promise<FoundShare | null>;
  /** Forgets one share (after a change this process committed), or every share without an id. */
  forget(shareId?: string): void;
}

export interface ShareStore {
  /** These documents when they are all the user's own (through their claimed learner records); missing ones are left out. */
  ownedDocuments(userId: string, documentIds: string[]): Promise<ShareableDocument[]>;
  /** Inserts the share and its documents. Run in a transaction. */
  create(input: NewShare, now: Date): Promise<ShareRecord>;
  findByPaymentId(paymentId: string): Promise<ShareRecord | null>;
  /** The share when it is this user's; null otherwise. */
  findForUser(userId: string, id: string): Promise<ShareRecord | null>;
  /** Newest first. */
  listForUser(userId: string, limit: number): Promise<ShareRecord[]>;
  documentsOf(shareIds: string[]): Promise<{ shareId: string; id: string; title: string }[]>;
  /** Oldest first, at most `perShare` a share (the newest). */
  eventsOf(shareIds: string[], perShare: number): Promise<ShareEventRecord[]>;
  /** Revokes this user's share if not yet revoked; false otherwise. */
  revoke(userId: string, id: string, now: Date): Promise<boolean>;
  setExpiry(userId: string, id: string, expiresAt: Date): Promise<boolean>;
  /** One indexed look-up: the share by token hash, with its documents. */
  findByTokenHash(tokenHash: string): Promise<{ share: ShareRecord; documents: SharedDocumentRow[] } | null>;
  /**
   * Counts a view if the share is live and under its view limit (views and downloads together;
   * one atomic UPDATE); null when refused, else whether it was the first view and how many views
   * and downloads the share has now.
   */
  countView(id: string, now: Date): Promise<{ first: boolean; used: number } | null>;
  /** Counts a download the same way (live, under the view limit); null when refused. */
  countDownload(id: string, now: Date): Promise<{ used: number } | null>;
  addEvent(event: ShareEventRecord & { ip: string | null; userAgent: string | null }): Promise<void>;
  /** The share's failure count as a throttle record keyed by the share id (null: no failure counted). */
  readAttempts(id: string): Promise<ThrottleRecord | null>;
  /** Compare-and-set of the failure count, its latest failure and its lock (null: none). */
  swapAttempts(id: string, expected: ThrottleRecord | null, next: ThrottleRecord | null): Promise<boolean>;
  /** A new one-time code (the previous one stops working). */
  setOneTimeCode(id: string, otpHash: string, expiresAt: Date): Promise<void>;
  /** After a successful unlock: the one-time code is spent. */
  spendCode(id: string): Promise<void>;
  /** The learner lifts the lock: failures forgotten. False when not theirs or revoked. */
  clearLock(userId: string, id: string): Promise<boolean>;
  /** The learner's new passcode (its hash); failures forgotten, the lock lifted. False when not theirs or revoked. */
  setPasscode(userId: string, id: string, passcodeHash: string): Promise<boolean>;
}
