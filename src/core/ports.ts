import type { InstitutionRole, Role, UserStatus } from "./accounts/accounts.types.ts";
import type { ApiKey, ApiKeyScope } from "./api-keys/api-keys.types.ts";
import type { AuditAction, AuditChainReport, AuditEvent } from "./audit/audit.types.ts";
import type {
  DailyCount,
  DocumentFigures,
  FailedEmail,
  InvitationFigures,
} from "./dashboard/dashboard.types.ts";
import type { DocumentType, DocumentTypeInput } from "./document-types/document-types.types.ts";
import type { FileVerdictCache } from "./documents/check-stored-file.ts";
import type { DocumentLearnerRef, DocumentTypeRef } from "./documents/documents.types.ts";
import type { Locale } from "./i18n.types.ts";
import type {
  Institution,
  InstitutionInput,
  InstitutionSigningSettings,
} from "./institutions/institutions.types.ts";
import type { BatchItemStatus, BatchSource, BatchStatus } from "./issuance/issuance.types.ts";
import type { LearnerKey } from "./learners/learner-cursor.ts";
import type { Learner, LearnerInput } from "./learners/learners.types.ts";
import type { OrganizationInboxStore, OrganizationStore } from "./organizations/organization-ports.ts";
import type {
  CheckoutRequest,
  GatewayEvent,
  GatewayName,
  PaymentHistoryItem,
  PaymentPurpose,
  PaymentRecord,
  RevenueLine,
} from "./payments/payments.types.ts";
import type { AccountExportData } from "./privacy/privacy.types.ts";
import type { ShareLookupCache, ShareStore, ShareViewLog } from "./sharing/share-store.ts";
import type {
  LinkedAccount,
  ProtocolSettings,
  SamlSettings,
  SignOnInstitution,
  SignOnPurpose,
  SignOnTestReport,
} from "./sign-on/sign-on.types.ts";
import type { KeyAlgorithm, PdfSigner } from "./signing/signing.types.ts";
import type { VerificationContext } from "./verification/verification.types.ts";

/** Interfaces the core needs. Adapters implement them; tests may give fakes. */

export interface Clock {
  now(): Date;
}

/** Randomness and hashing of secrets (tokens are never stored, only their hashes). */
export interface Secrets {
  /** A URL-safe random token of at least 256 bits. */
  randomToken(): string;
  /** A random code of `length` characters in Crockford's base 32 (5 bits a character; see normalizeCode). */
  randomCode(length: number): string;
  /** A stable, one-way hash of a token for storage and look-up. */
  hashToken(token: string): string;
  /** Constant-time comparison of two strings. */
  equal(a: string, b: string): boolean;
}

/**
 * Short-lived, tamper-proof tokens for state the server keeps nowhere else (an HMAC under a key
 * derived from the master key). `purpose` separates kinds of tokens: one never passes for another.
 */
export interface TokenSigner {
  sign(purpose: string, claims: Record<string, string>, expiresAt: Date): string;
  /** The claims when the signature, the purpose and the expiry hold; null otherwise. */
  verify(purpose: string, token: string, now: Date): Record<string, string> | null;
}

/** The bundled list of the passwords people choose most often (NIST SP 800-63B: refuse them). */
export interface CommonPasswords {
  /** True when the password is on the list (case ignored). */
  includes(password: string): boolean;
  readonly size: number;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

// ---------- records the stores return ----------

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  passwordHash: string | null;
  status: UserStatus;
  emailVerifiedAt: Date | null;
  createdAt: Date;
}

export interface MembershipRecord {
  id: string;
  userId: string;
  role: Role;
  institutionId: string | null;
  organizationId: string | null;
}

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  ip: string | null;
  userAgent: string | null;
}

export interface InvitationRecord {
  id: string;
  email: string;
  role: InstitutionRole;
  institutionId: string;
  invitedBy: string | null;
  locale: Locale;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  cancelledAt: Date | null;
}

export interface OneTimeTokenRecord {
  id: string;
  /** totp_challenge: the second step of a sign-in (finish-sign-in.ts), so its signed challenge works once. */
  /** email_addition: confirms a secondary address (add-email.ts; the token names its user_emails row). */
  /** organization_invitation: the used nonce of an organization invitation (organization-invitation.ts). */
  purpose:
    | "password_reset"
    | "email_verification"
    | "totp_challenge"
    | "email_addition"
    | "organization_invitation";
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface ThrottleRecord {
  key: string;
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

export interface InstitutionLogo {
  bytes: Uint8Array;
  contentType: string;
}

// ---------- stores ----------

export interface UserStore {
  findById(id: string): Promise<UserRecord | null>;
  /** By primary email only (users.email), verified or not. */
  findByEmail(email: string): Promise<UserRecord | null>;
  /**
   * The user reachable at this address: by their primary email (verified or not: whether an
   * unactivated account may sign in is the caller's rule) or by one of their verified secondary
   * emails (user_emails.verified_at set). Case and surrounding spaces are ignored; one query.
   * Sign-in, password reset and sign-on provisioning look users up with this.
   */
  findByAnyVerifiedEmail(email: string): Promise<UserRecord | null>;
  /** Makes this address the user's primary email, verified at `verifiedAt`; null when no such user. */
  setPrimaryEmail(id: string, email: string, verifiedAt: Date): Promise<UserRecord | null>;
  /** Whether an outside account (institution or social sign-on) is linked: a way to sign in without an email. */
  hasLinkedAccount(id: string): Promise<boolean>;
  create(input: {
    email: string;
    displayName: string;
    locale: Locale;
    passwordHash: string | null;
    emailVerifiedAt: Date | null;
  }): Promise<UserRecord>;
  update(
    id: string,
    patch: {
      displayName?: string;
      locale?: Locale;
      passwordHash?: string;
      status?: UserStatus;
      emailVerifiedAt?: Date;
    },
  ): Promise<UserRecord | null>;
  list(query: { q: string; offset: number; limit: number }): Promise<{ users: UserRecord[]; total: number }>;
}

/** A secondary email of a user (the primary stays in users.email). */
export interface UserEmailRecord {
  id: string;
  userId: string;
  email: string;
  /** Null until the link sent to the address is opened: until then it counts for nothing. */
  verifiedAt: Date | null;
  createdAt: Date;
}

export interface UserEmailStore {
  /** Oldest first. */
  listForUser(userId: string): Promise<UserEmailRecord[]>;
  /** The row when it is this user's; null for another user's or an unknown id. */
  findForUser(userId: string, id: string): Promise<UserEmailRecord | null>;
  /** The row holding this address (case ignored), verified or not, whoever's it is. */
  findByEmail(email: string): Promise<UserEmailRecord | null>;
  /** Adds an address (unverified unless verifiedAt is given); null when the address has a row already. */
  add(input: {
    userId: string;
    email: string;
    verifiedAt?: Date | null;
    now: Date;
  }): Promise<UserEmailRecord | null>;
  /** Marks this user's row verified if it is not yet; null otherwise. */
  markVerified(userId: string, id: string, now: Date): Promise<UserEmailRecord | null>;
  /** Deletes this user's row; false when it is not theirs or absent. */
  remove(userId: string, id: string): Promise<boolean>;
}

export interface MembershipStore {
  listForUsers(userIds: string[]): Promise<MembershipRecord[]>;
  listForInstitution(institutionId: string): Promise<MembershipRecord[]>;
  findById(id: string): Promise<MembershipRecord | null>;
  add(input: Omit<MembershipRecord, "id">): Promise<MembershipRecord>;
  remove(id: string): Promise<void>;
}

export interface SessionStore {
  create(input: {
    tokenHash: string;
    userId: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
    now: Date;
  }): Promise<SessionRecord>;
  /** The live session for a token hash: not revoked, not expired. */
  findLive(tokenHash: string, now: Date): Promise<SessionRecord | null>;
  /** The same, with its user and the user's memberships, in one query (every signed-in request asks it). */
  findSignedIn(
    tokenHash: string,
    now: Date,
  ): Promise<{ session: SessionRecord; user: UserRecord; memberships: MembershipRecord[] } | null>;
  touch(id: string, now: Date): Promise<void>;
  listLive(userId: string, now: Date): Promise<SessionRecord[]>;
  revoke(userId: string, sessionId: string, now: Date): Promise<boolean>;
  revokeAll(userId: string, now: Date, exceptSessionId?: string): Promise<void>;
}

export interface OneTimeTokenStore {
  create(input: {
    tokenHash: string;
    purpose: OneTimeTokenRecord["purpose"];
    userId: string;
    expiresAt: Date;
  }): Promise<void>;
  findByHash(tokenHash: string): Promise<OneTimeTokenRecord | null>;
  /** Marks it used if still unused; false if someone used it first. */
  consume(id: string, now: Date): Promise<boolean>;
  /** Voids every unused token of this purpose for the user. */
  voidAll(userId: string, purpose: OneTimeTokenRecord["purpose"], now: Date): Promise<void>;
}

export interface InvitationStore {
  create(
    input: Omit<InvitationRecord, "id" | "createdAt" | "acceptedAt" | "cancelledAt"> & { tokenHash: string },
  ): Promise<InvitationRecord>;
  findByHash(tokenHash: string): Promise<InvitationRecord | null>;
  findById(id: string): Promise<InvitationRecord | null>;
  listForInstitution(institutionId: string): Promise<InvitationRecord[]>;
  /** Marks it accepted if still open; false otherwise. */
  accept(id: string, now: Date): Promise<boolean>;
  cancel(id: string, now: Date): Promise<void>;
  renew(id: string, tokenHash: string, expiresAt: Date): Promise<InvitationRecord | null>;
}

export interface InstitutionStore {
  findBySlug(slug: string): Promise<Institution | null>;
  findById(id: string): Promise<Institution | null>;
  listAll(): Promise<Institution[]>;
  listByIds(ids: string[]): Promise<Institution[]>;
  /** null when the slug is taken. */
  create(input: InstitutionInput): Promise<Institution | null>;
  update(
    id: string,
    patch: Partial<Omit<InstitutionInput, "slug">> & InstitutionSigningSettings,
  ): Promise<Institution | null>;
  getLogo(slug: string): Promise<InstitutionLogo | null>;
  setLogo(id: string, logo: InstitutionLogo | null): Promise<Institution | null>;
}

export interface ThrottleStore {
  get(key: string): Promise<ThrottleRecord | null>;
  put(record: ThrottleRecord): Promise<void>;
  clear(key: string): Promise<void>;
  /**
   * Writes `next` (null: deletes) only if the key's record is still `expected` (null: absent);
   * false when another request changed it first. Concurrent attempts cannot slip past a count.
   */
  swap(key: string, expected: ThrottleRecord | null, next: ThrottleRecord | null): Promise<boolean>;
}

export interface PortalAuthorityRecord {
  id: string;
  kind: "root" | "issuing";
  certificateDer: Uint8Array;
  /** The private key sealed under the master key; only the SigningKeys adapter opens it. */
  sealedKey: Uint8Array;
  createdAt: Date;
}

export interface SigningIdentityRecord {
  id: string;
  institutionId: string;
  algorithm: KeyAlgorithm | "imported";
  /** The signer certificate first, then its issuers (DER). */
  chainDer: Uint8Array[];
  sealedKey: Uint8Array;
  serialNumber: string;
  notAfter: Date;
  createdAt: Date;
  retiredAt: Date | null;
  revokedAt: Date | null;
}

export type DocumentStatus = "active" | "revoked" | "superseded";

export interface DocumentRecord {
  id: string;
  institutionId: string;
  title: string;
  /** SHA-256 (hex) of the signed file as issued. */
  sha256: string;
  byteSize: number;
  signingIdentityId: string | null;
  status: DocumentStatus;
  signedAt: Date;
  revokedAt: Date | null;
  revocationReason: string | null;
  supersededBy: string | null;
  /** Issued to this learner of the institution (null for files signed with `sceau sign`). */
  learnerId: string | null;
  documentTypeId: string | null;
  /** YYYY-MM-DD. */
  issueDate: string | null;
  /** The institution's own id for the document, unique within the institution. */
  externalId: string | null;
  batchId: string | null;
}

/** The issuance links of a document: optional when creating one (a file signed with `sceau sign` has none). */
type DocumentLinks = "learnerId" | "documentTypeId" | "issueDate" | "externalId" | "batchId";

/** A position in the registry's newest-first order. createdAt is the database's exact value (microseconds). */
export interface DocumentKey {
  createdAt: string;
  id: string;
}

/** One row of an institution's registry, with what a list shows of its learner and type. */
export interface DocumentListRow {
  document: DocumentRecord;
  key: DocumentKey;
  learner: DocumentLearnerRef | null;
  documentType: DocumentTypeRef | null;
}

export interface DocumentListQuery {
  institutionId: string;
  /** Matches the title or external id (case ignored), or the learner's names and student number (folded). */
  q: string;
  status?: DocumentStatus;
  documentTypeId?: string;
  learnerId?: string;
  batchId?: string;
  after: DocumentKey | null;
  limit: number;
}

export interface PortalAuthorityStore {
  list(): Promise<PortalAuthorityRecord[]>;
  add(input: Omit<PortalAuthorityRecord, "id" | "createdAt">): Promise<PortalAuthorityRecord>;
}

export interface SigningIdentityStore {
  active(institutionId: string): Promise<SigningIdentityRecord | null>;
  findById(id: string): Promise<SigningIdentityRecord | null>;
  /** Retires the institution's active identity, if any, and adds this one as active. Run inside a transaction. */
  replace(
    input: Omit<SigningIdentityRecord, "id" | "createdAt" | "retiredAt" | "revokedAt">,
    now: Date,
  ): Promise<SigningIdentityRecord>;
  /** Serial numbers and dates of revoked identities issued by the portal (for its CRL). */
  revoked(): Promise<{ serialNumber: string; revokedAt: Date }[]>;
}

export interface DocumentStore {
  create(
    input: Omit<
      DocumentRecord,
      "status" | "revokedAt" | "revocationReason" | "supersededBy" | DocumentLinks
    > &
      Partial<Pick<DocumentRecord, DocumentLinks>>,
  ): Promise<DocumentRecord>;
  findById(id: string): Promise<DocumentRecord | null>;
  findBySha256(sha256: string): Promise<DocumentRecord | null>;
  /** The document when it belongs to this institution, else null. */
  findInInstitution(institutionId: string, id: string): Promise<DocumentRecord | null>;
  /** The institution's documents that this one superseded (replaced). */
  listSupersededBy(institutionId: string, id: string): Promise<DocumentRecord[]>;
  /** A keyset page, newest first (created_at, id descending); hasMore: rows after this page. */
  list(query: DocumentListQuery): Promise<{ rows: DocumentListRow[]; hasMore: boolean }>;
  /** Revokes the document if it is still active; null when absent, another institution's or not active. */
  revoke(
    institutionId: string,
    id: string,
    input: { reason: string; now: Date },
  ): Promise<DocumentRecord | null>;
  /** Marks an active document superseded by another; false when absent or not active. Run in the new one's transaction. */
  markSuperseded(institutionId: string, id: string, supersededBy: string): Promise<boolean>;
}

export interface AuditAppend {
  institutionId: string | null;
  actorUserId: string | null;
  actorLabel: string;
  action: AuditAction;
  targetType: string;
  targetId: string | null;
  details?: AuditEvent["details"];
  ip: string | null;
}

/** The audit trail: append-only (the database refuses UPDATE and DELETE), each event chained to the previous by hash. */
export interface AuditStore {
  append(event: AuditAppend, now: Date): Promise<AuditEvent>;
  /** Appends several events in order, under one lock (bulk issuing). */
  appendMany(events: AuditAppend[], now: Date): Promise<AuditEvent[]>;
  /** Newest first; `beforeSeq` pages backwards. */
  list(filter: {
    /** One institution's events, the portal's own (null), or every event (undefined). */
    institutionId: string | null | undefined;
    action?: AuditAction;
    from?: Date;
    to?: Date;
    beforeSeq?: number;
    limit: number;
  }): Promise<AuditEvent[]>;
  /** Recomputes every hash in order. */
  verifyChain(): Promise<AuditChainReport>;
}

// ---------- learners and document types (issue 4): store interfaces go here ----------

/** A learner's fields as stored, with the folded search text. */
export type LearnerWrite = LearnerInput & { searchText: string };

export interface LearnerStore {
  /** null when the student number is taken in this institution. */
  create(institutionId: string, input: LearnerWrite): Promise<Learner | null>;
  update(
    institutionId: string,
    id: string,
    input: LearnerWrite,
  ): Promise<Learner | null | "student_number_taken">;
  findById(institutionId: string, id: string): Promise<Learner | null>;
  findByStudentNumbers(institutionId: string, studentNumbers: string[]): Promise<Learner[]>;
  /** The institution's learners whose institutional or personal email is this one (case ignored). */
  findByEmail(institutionId: string, email: string): Promise<Learner[]>;
  /** The user account a learner record is linked to, or null. */
  linkedUserId(learnerId: string): Promise<string | null>;
  /**
   * A keyset page by (family name, given name, id): after a key (ascending) or before one (the
   * rows just before it, still returned ascending). hasMore: more rows further in that direction.
   */
  search(query: {
    institutionId: string;
    q: string;
    after: LearnerKey | null;
    before: LearnerKey | null;
    limit: number;
  }): Promise<{ learners: Learner[]; hasMore: boolean }>;
  /** Matching learners, counted up to cap (then cap). */
  count(query: { institutionId: string; q: string; cap: number }): Promise<number>;
  /** Inserts or updates (by student number) in batches; run inside a transaction. */
  upsertMany(institutionId: string, rows: LearnerWrite[]): Promise<void>;
  /** Links the learner record to a user account (claiming); false when it is linked already. */
  linkUser(learnerId: string, userId: string): Promise<boolean>;
  /** Unlinks the learner record from this user account (a claim reopened by staff); false when not linked to it. */
  unlinkUser(learnerId: string, userId: string): Promise<boolean>;
}

export interface DocumentTypeStore {
  list(institutionId: string, options: { includeArchived: boolean }): Promise<DocumentType[]>;
  findById(institutionId: string, id: string): Promise<DocumentType | null>;
  /** null when the code is taken in this institution. */
  create(institutionId: string, input: DocumentTypeInput): Promise<DocumentType | null>;
  update(
    institutionId: string,
    id: string,
    patch: Partial<DocumentTypeInput>,
  ): Promise<DocumentType | null | "code_taken">;
  /** Archives (a date) or restores (null). */
  setArchived(institutionId: string, id: string, archivedAt: Date | null): Promise<DocumentType | null>;
}

// ---------- files and background jobs (issue 4) ----------

/**
 * Document files at rest, content-addressed by the SHA-256 of their clear bytes and encrypted with
 * the owning institution's data key. Every read checks the hash. Adapters: the filesystem under
 * DATA_DIR today; S3-compatible storage fits the same port.
 */
export interface BlobStore {
  /** Stores the bytes (idempotent: the same bytes give the same key) and returns their SHA-256 (hex). */
  put(institutionId: string, bytes: Uint8Array): Promise<string>;
  /** The clear bytes; throws DomainError "blob_missing" or "blob_corrupt" when absent or altered. */
  get(institutionId: string, sha256: string): Promise<Uint8Array>;
  has(institutionId: string, sha256: string): Promise<boolean>;
  /** Removes the file if present (the sources of a finished batch). */
  delete(institutionId: string, sha256: string): Promise<void>;
}

/** One file read out of an uploaded ZIP archive. */
export interface ArchiveEntry {
  name: string;
  bytes: Uint8Array;
}

export interface ArchiveLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

/**
 * Reads a ZIP archive defensively: entries with an unsafe name (absolute, "..", backslashes,
 * control characters), encrypted or over the size limit are reported, not read; the declared
 * sizes are enforced while inflating (no ZIP bomb). Throws DomainError "archive_invalid" for a
 * file that is not a readable ZIP, "archive_too_large" past the limits.
 */
export interface ZipReader {
  read(
    zip: Uint8Array,
    limits: ArchiveLimits,
  ): Promise<{
    entries: ArchiveEntry[];
    problems: { file: string; code: "file_unsafe_name" | "file_too_large" | "file_unreadable" }[];
  }>;
}

export type JobState = "queued" | "active" | "done" | "failed";

export interface JobRecord {
  id: string;
  queue: string;
  payload: Record<string, unknown>;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lastError: string | null;
}

export interface NewJob {
  queue: string;
  payload: Record<string, unknown>;
  /** At most one unfinished job per key: a second enqueue with the same key is ignored. */
  singletonKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * The job queue as rows in the database, so a job is enqueued in the same transaction as the
 * change that calls for it (the outbox pattern).
 */
export interface JobStore {
  enqueue(job: NewJob, now: Date): Promise<void>;
  enqueueMany(jobs: NewJob[], now: Date): Promise<void>;
  /** Claims up to `limit` due jobs of these queues for `leaseMs` (FOR UPDATE SKIP LOCKED); a crashed worker's lease runs out. */
  claim(queues: string[], limit: number, leaseMs: number, now: Date): Promise<JobRecord[]>;
  /** Extends the lease of a long job. */
  extend(id: string, leaseMs: number, now: Date): Promise<void>;
  complete(id: string, now: Date): Promise<void>;
  /** Records the error; retries at retryAt, or fails for good after maxAttempts or when retryAt is null. */
  fail(id: string, error: string, retryAt: Date | null, now: Date): Promise<void>;
  counts(queue: string): Promise<Record<JobState, number>>;
  findById(id: string): Promise<JobRecord | null>;
  /** A failed job back in the queue with its attempts reset; false if it was not failed. */
  retry(id: string, now: Date): Promise<boolean>;
  /** Deletes up to `limit` jobs done before doneBefore and failed before failedBefore; returns how many. */
  purgeFinished(input: { doneBefore: Date; failedBefore: Date; limit: number }): Promise<number>;
}

/** Aggregates for an institution's overview: one query per figure, never one per row. */
export interface DashboardStore {
  documentFigures(institutionId: string): Promise<DocumentFigures>;
  invitationFigures(institutionId: string): Promise<InvitationFigures>;
  /** Mail jobs that failed for good for this institution (payload.institutionId), newest first. */
  failedEmails(institutionId: string, limit: number): Promise<{ total: number; latest: FailedEmail[] }>;
  /** Documents created per UTC day from `from` to `to` (YYYY-MM-DD, inclusive), oldest first, zero-filled. */
  issuedPerDay(institutionId: string, from: string, to: string): Promise<DailyCount[]>;
}

export interface BatchItemRecord {
  id: string;
  batchId: string;
  rowNumber: number;
  externalId: string;
  learnerId: string;
  documentTypeId: string;
  title: string;
  issueDate: string;
  fileName: string;
  sourceSha256: string;
  status: BatchItemStatus;
  documentId: string | null;
  errorCode: string | null;
}

export interface BatchRecord {
  id: string;
  institutionId: string;
  createdByUserId: string | null;
  createdByLabel: string;
  source: BatchSource;
  manifestName: string;
  status: BatchStatus;
  total: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface BatchStore {
  create(
    batch: Omit<BatchRecord, "id" | "status" | "startedAt" | "finishedAt" | "createdAt">,
    items: Omit<BatchItemRecord, "id" | "batchId" | "status" | "documentId" | "errorCode">[],
    now: Date,
  ): Promise<BatchRecord>;
  findById(institutionId: string, id: string): Promise<BatchRecord | null>;
  /** Newest first. */
  list(institutionId: string, limit: number): Promise<BatchRecord[]>;
  counts(batchIds: string[]): Promise<Map<string, Record<BatchItemStatus, number>>>;
  /** Pending items in row order. */
  pendingItems(batchId: string, limit: number): Promise<BatchItemRecord[]>;
  items(
    batchId: string,
    query: { status?: BatchItemStatus; afterRow: number; limit: number },
  ): Promise<BatchItemRecord[]>;
  settleItems(
    results: {
      id: string;
      status: Exclude<BatchItemStatus, "pending">;
      documentId: string | null;
      errorCode: string | null;
    }[],
    now: Date,
  ): Promise<void>;
  setStatus(id: string, status: BatchStatus, now: Date): Promise<void>;
  /** The sources (SHA-256) of a batch's rows that no pending row of the institution still needs. */
  releasableSources(institutionId: string, batchId: string): Promise<string[]>;
  /** External ids among these that wait in a pending item of any of the institution's batches. */
  pendingExternalIds(institutionId: string, externalIds: string[]): Promise<Set<string>>;
}

export interface NewIssuedDocument {
  id: string;
  institutionId: string;
  learnerId: string;
  documentTypeId: string;
  title: string;
  issueDate: string;
  externalId: string | null;
  batchId: string | null;
  sha256: string;
  byteSize: number;
  signingIdentityId: string;
  signedAt: Date;
}

/** Issued documents, by their institution-chosen external ids. */
export interface IssuanceStore {
  /** Inserts the documents whose external id is new; returns the ids inserted (the others are left alone). */
  insertDocuments(rows: NewIssuedDocument[]): Promise<Set<string>>;
  findByExternalIds(
    institutionId: string,
    externalIds: string[],
  ): Promise<{ id: string; externalId: string; learnerId: string | null }[]>;
}

export type LearnerInvitationStatus = "queued" | "sent" | "failed" | "claimed";

export interface LearnerInvitationRecord {
  id: string;
  learnerId: string;
  institutionId: string;
  status: LearnerInvitationStatus;
  codeHash: string | null;
  passwordHash: string | null;
  codeExpiresAt: Date | null;
  failedAttempts: number;
  sendCount: number;
  sentAt: Date | null;
  lastError: string | null;
  claimedAt: Date | null;
  createdAt: Date;
}

export interface LearnerInvitationStore {
  /** Creates the invitations these learners do not have yet; returns the new ones (one per learner, ever). */
  ensure(institutionId: string, learnerIds: string[], now: Date): Promise<LearnerInvitationRecord[]>;
  findByLearners(learnerIds: string[]): Promise<LearnerInvitationRecord[]>;
  findById(id: string): Promise<LearnerInvitationRecord | null>;
  findByCodeHash(codeHash: string): Promise<LearnerInvitationRecord | null>;
  /**
   * New secrets (the previous code stops working); false, changing nothing, when the learner has
   * claimed their documents meanwhile (e.g. through the institution's sign-on).
   */
  markSent(
    id: string,
    secrets: { codeHash: string; passwordHash: string; expiresAt: Date },
    now: Date,
  ): Promise<boolean>;
  /** Failed for good, unless claimed meanwhile. */
  markFailed(id: string, error: string, now: Date): Promise<void>;
  /** Back to queued: for a resend (even a claim being reopened), or, with unlessClaimed, for a retry. */
  requeue(id: string, now: Date, options?: { unlessClaimed?: boolean }): Promise<void>;
  /** One more wrong claim password; returns the new count. */
  recordFailure(id: string, now: Date): Promise<number>;
  /**
   * Marks it claimed and clears the code and password hashes, only if the code is still the one
   * given (not claimed, not replaced by a resend); false otherwise.
   */
  claim(id: string, codeHash: string, now: Date): Promise<boolean>;
  /** Marks the learner's invitation claimed (signed in through the institution's sign-on), clearing its secrets; false if none or claimed already. */
  markClaimedForLearner(learnerId: string, now: Date): Promise<boolean>;
}

/** A document as its learner sees it in the wallet, with its institution's and type's names. */
export interface WalletDocumentRow {
  id: string;
  title: string;
  issueDate: string | null;
  status: DocumentStatus;
  revokedAt: Date | null;
  supersededBy: string | null;
  institution: { slug: string; nameFr: string; nameEn: string };
  documentType: { nameFr: string; nameEn: string } | null;
}

/** Reads for the learner's wallet: documents of every learner record linked to the user. */
export interface WalletStore {
  /** Newest issue first. */
  listDocuments(userId: string): Promise<WalletDocumentRow[]>;
  /** Documents issued to one learner record (all statuses). */
  countForLearner(learnerId: string): Promise<number>;
}

// ---------- API keys and idempotency keys (issue 4) ----------

export interface ApiKeyStore {
  create(input: {
    institutionId: string;
    name: string;
    prefix: string;
    keyHash: string;
    scopes: ApiKeyScope[];
    createdByUserId: string | null;
    now: Date;
  }): Promise<ApiKey>;
  /** Newest first, revoked ones included. */
  list(institutionId: string): Promise<ApiKey[]>;
  findById(institutionId: string, id: string): Promise<ApiKey | null>;
  findByHash(keyHash: string): Promise<ApiKey | null>;
  /** Revokes the key if still active; null when absent, another institution's or already revoked. */
  revoke(institutionId: string, id: string, now: Date): Promise<ApiKey | null>;
  /** Sets last_used_at to now unless it is already later than `unlessAfter` (one write a minute, not one a request). */
  touch(id: string, now: Date, unlessAfter: Date): Promise<void>;
}

/** A POST's answer kept under its Idempotency-Key; statusCode 0 marks a request still running. */
export interface IdempotencyRecord {
  owner: string;
  key: string;
  requestHash: string;
  statusCode: number;
  responseBody: unknown;
  createdAt: Date;
}

export interface IdempotencyStore {
  find(owner: string, key: string): Promise<IdempotencyRecord | null>;
  /** Claims the key for a request about to run; false when the owner already holds this key (the unique constraint decides races). */
  reserve(owner: string, key: string, requestHash: string, now: Date): Promise<boolean>;
  /** Stores the answer of the request that holds the key. */
  complete(owner: string, key: string, statusCode: number, responseBody: unknown): Promise<void>;
  /** Frees the key (the request failed, or its record expired). */
  release(owner: string, key: string): Promise<void>;
  /** Drops the records created before this date. */
  purge(createdBefore: Date): Promise<void>;
}

// ---------- two-factor authentication and privacy (issue 5) ----------

/** A user's authenticator-app (TOTP) enrolment. */
export interface TotpRecord {
  userId: string;
  /** The base-32 secret, sealed by the TotpAuthenticator port. */
  sealedSecret: Uint8Array;
  /** Null while enrolment waits for the first valid code. */
  enabledAt: Date | null;
  /** The last time step accepted (a code works once). */
  lastStep: number | null;
}

/** TOTP enrolments and recovery codes (hashes only). */
export interface TwoFactorStore {
  find(userId: string): Promise<TotpRecord | null>;
  /** Starts or restarts an enrolment with a new secret; false when TOTP is already enabled. */
  savePending(userId: string, sealedSecret: Uint8Array): Promise<boolean>;
  /** Turns a pending enrolment on; false when it is not pending (enabled meanwhile, or gone). */
  enable(userId: string, step: number, now: Date): Promise<boolean>;
  /** Records an accepted time step if it is later than the last one; false for a replay or a race. */
  acceptStep(userId: string, step: number): Promise<boolean>;
  /** Removes the enrolment and every recovery code. */
  remove(userId: string): Promise<void>;
  /** Replaces every recovery code of the user by these (hashes). */
  replaceRecoveryCodes(userId: string, codeHashes: string[]): Promise<void>;
  /** Marks the unused code with this hash used; false when there is none. */
  consumeRecoveryCode(userId: string, codeHash: string, now: Date): Promise<boolean>;
  countUnusedRecoveryCodes(userId: string): Promise<number>;
}

// ---------- sign-on (issue 5) ----------

/** identity_providers: an institution's identity provider (institutionId set) or a portal-wide social one (null). */
export type IdentityProviderRecord = {
  id: string;
  institutionId: string | null;
  key: string;
  nameFr: string;
  nameEn: string;
  enabled: boolean;
  /** The OIDC client secret sealed with SecretBox (purpose "identity-provider"), or null. */
  sealedSecret: Uint8Array | null;
  createdAt: Date;
  updatedAt: Date;
} & ProtocolSettings;

export type IdentityProviderWrite = Omit<IdentityProviderRecord, "id" | "createdAt" | "updatedAt">;

export interface IdentityProviderStore {
  findById(id: string): Promise<IdentityProviderRecord | null>;
  /** institutionId null: the operator's providers. */
  findByKey(institutionId: string | null, key: string): Promise<IdentityProviderRecord | null>;
  /** The operator's (social) providers, by key. */
  listSocial(): Promise<IdentityProviderRecord[]>;
  /** Institutions whose identity provider is enabled, by French name. */
  listSignOnInstitutions(): Promise<SignOnInstitution[]>;
  /** null when the key is taken (per institution, or among the operator's). */
  create(input: IdentityProviderWrite, now: Date): Promise<IdentityProviderRecord | null>;
  update(id: string, input: IdentityProviderWrite, now: Date): Promise<IdentityProviderRecord | null>;
  remove(id: string): Promise<boolean>;
}

/** sso_transactions: a sign-on round trip in progress (state stored hashed; single use; short-lived). */
export interface SsoTransactionRecord {
  id: string;
  providerId: string;
  stateHash: string;
  nonce: string | null;
  codeVerifier: string | null;
  purpose: SignOnPurpose;
  /** The signed-in user who started a "link" or "test" round trip. */
  userId: string | null;
  returnTo: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface SsoTransactionStore {
  create(
    input: Omit<SsoTransactionRecord, "id" | "createdAt" | "usedAt">,
    now: Date,
  ): Promise<SsoTransactionRecord>;
  findByStateHash(stateHash: string): Promise<SsoTransactionRecord | null>;
  /** Marks it used if unused and unexpired; false otherwise (a replay, or too late). */
  consume(id: string, now: Date): Promise<boolean>;
  /** Drops transactions that expired before this date. */
  purgeExpired(before: Date): Promise<void>;
}

export interface LinkedAccountRecord {
  id: string;
  userId: string;
  providerId: string;
  subject: string;
  email: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export interface LinkedAccountStore {
  /** The user's linked accounts with their provider's key and names, oldest first. */
  listForUser(userId: string): Promise<LinkedAccount[]>;
  findBySubject(providerId: string, subject: string): Promise<LinkedAccountRecord | null>;
  findForUser(userId: string, id: string): Promise<LinkedAccountRecord | null>;
  /** null when this subject of the provider is linked already (to anyone). */
  create(
    input: { userId: string; providerId: string; subject: string; email: string | null },
    now: Date,
  ): Promise<LinkedAccountRecord | null>;
  remove(userId: string, id: string): Promise<boolean>;
  touch(id: string, now: Date): Promise<void>;
}

/**
 * Small secrets at rest (OIDC client secrets), sealed with AES-256-GCM under a key
 * derived from the master key per purpose: a secret sealed for one purpose does not open for another.
 */
export interface SecretBox {
  seal(purpose: string, plaintext: string): Uint8Array;
  /** Throws when the bytes were not sealed for this purpose with this master key. */
  open(purpose: string, sealed: Uint8Array): string;
}

export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
}

/**
 * An OpenID Connect relying party (authorization code flow with PKCE S256, state and nonce).
 * The adapter caches discovery per configuration.
 */
export interface OidcClient {
  /** Discovery and a check that the metadata can serve the portal (never throws: a report). */
  check(config: OidcClientConfig): Promise<SignOnTestReport>;
  /** The provider's authorization URL for this round trip (the PKCE challenge is derived from codeVerifier). */
  authorizationUrl(
    config: OidcClientConfig,
    request: { redirectUri: string; scopes: string; state: string; nonce: string; codeVerifier: string },
  ): Promise<string>;
  /**
   * Completes a round trip from the callback URL: exchanges the code with the PKCE verifier and
   * validates the ID token (signature, issuer, audience, expiry, nonce) and the state. Returns the
   * ID token's claims merged under the userinfo response (when the provider has one). Throws
   * DomainError "sign_on_failed" on any failure.
   */
  callback(
    config: OidcClientConfig,
    response: { callbackUrl: string; state: string; nonce: string; codeVerifier: string },
  ): Promise<Record<string, unknown>>;
}

/** The portal's two SAML endpoints for one institution. */
export interface SamlEndpoints {
  /** Our entity id: the audience every assertion must name. */
  entityId: string;
  /** Our Assertion Consumer Service URL: the Recipient and Destination. */
  acsUrl: string;
}

/** What a SAML response vouched for, once every check held. */
export interface SamlAssertion {
  /** The assertion's ID (remembered hashed until validUntil: a second use is a replay). */
  assertionId: string;
  /** The AuthnRequest id it answers, from the signed assertion (SubjectConfirmationData). */
  inResponseTo: string;
  /** The end of its time window plus the clock skew. */
  validUntil: Date;
  /** The NameID: the IdP's identifier of the person. */
  nameId: string;
  /** Attribute name → its values, as sent. */
  attributes: Record<string, string[]>;
}

/** A SAML response is a result, not a crash: the reason (for logs, never for the browser) when refused. */
export type SamlValidation = { ok: true; assertion: SamlAssertion } | { ok: false; reason: string };

/** The portal as a SAML 2.0 service provider of an institution's identity provider. */
export interface SamlServiceProvider {
  /** The SP metadata XML (entity id, ACS URL with HTTP-POST, NameID format, WantAssertionsSigned). */
  metadata(sp: SamlEndpoints): string;
  /** The IdP's SSO URL carrying an AuthnRequest with this ID (HTTP-Redirect binding). */
  authorizeUrl(sp: SamlEndpoints, idp: SamlSettings, requestId: string, relayState: string): Promise<string>;
  /**
   * Checks a base64 SAMLResponse (HTTP-POST binding): a signed assertion (the configured IdP
   * certificate only), status, issuers, audience, Recipient and Destination, time windows at `now`
   * with a small skew, an InResponseTo. Never throws on hostile input.
   */
  validateResponse(
    sp: SamlEndpoints,
    idp: SamlSettings,
    samlResponse: string,
    now: Date,
  ): Promise<SamlValidation>;
}

/** saml_assertions_seen: the IDs (hashed) of assertions accepted, until they expire. */
export interface SamlReplayStore {
  /** Remembers the assertion; false when it was seen already (a replay). Drops expired rows first. */
  remember(idHash: string, expiresAt: Date, now: Date): Promise<boolean>;
  /** Forgets the assertions whose window has closed; returns how many. */
  purgeExpired(now: Date): Promise<number>;
}

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

// ---------- fees and payments (issue 6) ----------

/**
 * A payment service provider: a hosted checkout, signed webhooks, refunds. Adapters: Stripe
 * Checkout, and the development gateway (a labelled test page served by the portal).
 */
export interface PaymentGateway {
  readonly name: GatewayName;
  createCheckout(request: CheckoutRequest): Promise<{ sessionId: string; url: string }>;
  /** The checkout's URL while it can still be paid; null when it is closed. */
  resumeCheckout(sessionId: string): Promise<string | null>;
  /** The event when the signature holds; throws DomainError "payment_signature_invalid" otherwise. */
  verifyWebhook(rawBody: Uint8Array | string, signatureHeader: string): GatewayEvent;
  /** Gives the money back (whole amount). */
  refund(payment: PaymentRecord): Promise<void>;
}

export interface PaymentStore {
  create(
    input: Pick<
      PaymentRecord,
      | "userId"
      | "institutionId"
      | "documentId"
      | "purpose"
      | "amountCents"
      | "currency"
      | "gateway"
      | "intent"
      | "expiresAt"
    >,
    now: Date,
  ): Promise<PaymentRecord>;
  setSession(id: string, sessionId: string): Promise<void>;
  /**
   * The user's one open unlock payment for the document: the pending one (created=false), or a new
   * one (created=true). A partial unique index keeps it single under concurrent starts; a pending
   * one whose expiry passed, or on another gateway, expires first.
   */
  claimOpenUnlock(
    input: Parameters<PaymentStore["create"]>[0],
    now: Date,
  ): Promise<{ payment: PaymentRecord; created: boolean }>;
  /** Sets the checkout session unless one is set already; returns the session the payment keeps. */
  setSessionOnce(id: string, sessionId: string): Promise<string | null>;
  /** pending without a session → failed (its checkout could not be created); false otherwise. */
  markFailedWithoutSession(id: string): Promise<boolean>;
  /** Replaces what the payment is for (a share payment's outcome, once paid). */
  setIntent(id: string, intent: Record<string, unknown>): Promise<void>;
  /** Reads one key of the user's payment's intent and erases it in the same statement (null: absent, or not theirs). */
  takeIntentKey(id: string, userId: string, key: string): Promise<string | null>;
  findById(id: string): Promise<PaymentRecord | null>;
  findBySession(gateway: GatewayName, sessionId: string): Promise<PaymentRecord | null>;
  /** The user's pending, unexpired payment for this document and purpose (the newest). */
  findOpen(
    userId: string,
    documentId: string,
    purpose: PaymentPurpose,
    now: Date,
  ): Promise<PaymentRecord | null>;
  /** pending → paid (locks the row); null when it was not pending. */
  markPaid(
    id: string,
    input: { gatewayPaymentId: string | null; receiptNumber: string; now: Date },
  ): Promise<PaymentRecord | null>;
  /** pending → expired; null when it was not pending. */
  markExpired(id: string): Promise<PaymentRecord | null>;
  /** Every pending payment whose expiry passed becomes expired; returns how many. */
  expireDue(now: Date): Promise<number>;
  /** paid → refunded; null when it was not paid. */
  markRefunded(id: string, now: Date): Promise<PaymentRecord | null>;
  /** The user's payments, newest first, with their document and institution. */
  listForUser(userId: string): Promise<PaymentHistoryItem[]>;
  /** The institution's payments, newest first, with their document (one page). */
  listForInstitution(
    institutionId: string,
    page: { limit: number; offset: number },
  ): Promise<PaymentHistoryItem[]>;
  /** Totals by document type and purpose: paid (paid_at) and refunded (refunded_at) within [from, to). */
  revenue(institutionId: string, from: Date, to: Date): Promise<RevenueLine[]>;
  /** Remembers a gateway event; false when it was seen already (then nothing else may change). */
  recordEvent(eventId: string, gateway: GatewayName, type: string, now: Date): Promise<boolean>;
}

/** A document of the user's wallet with what its type charges and allows. */
export interface OwnedDocumentRecord {
  id: string;
  institutionId: string;
  title: string;
  sha256: string;
  status: DocumentStatus;
  documentType: {
    id: string;
    nameFr: string;
    nameEn: string;
    unlockFeeCents: number;
    shareFeeCents: number;
    currency: string;
    downloadAllowed: boolean;
  } | null;
  /** A document_unlocks row exists for the user. */
  unlocked: boolean;
}

/** Which wallet documents are unlocked (document_unlocks). */
export interface DocumentAccessStore {
  /** The document when its learner record is linked to this user; null for anyone else's or unknown. */
  findOwned(userId: string, documentId: string): Promise<OwnedDocumentRecord | null>;
  /** Every document of the user's wallet (same rule as findOwned). */
  listOwned(userId: string): Promise<OwnedDocumentRecord[]>;
  /** Idempotent. */
  unlock(documentId: string, userId: string, paymentId: string | null, now: Date): Promise<void>;
  /** Removes the unlock this payment bought. */
  withdraw(paymentId: string): Promise<void>;
}

export interface Stores {
  organizations: OrganizationStore;
  organizationInbox: OrganizationInboxStore;
  users: UserStore;
  userEmails: UserEmailStore;
  memberships: MembershipStore;
  sessions: SessionStore;
  tokens: OneTimeTokenStore;
  invitations: InvitationStore;
  institutions: InstitutionStore;
  throttle: ThrottleStore;
  authorities: PortalAuthorityStore;
  signingIdentities: SigningIdentityStore;
  documents: DocumentStore;
  audit: AuditStore;
  learners: LearnerStore;
  documentTypes: DocumentTypeStore;
  apiKeys: ApiKeyStore;
  idempotency: IdempotencyStore;
  jobs: JobStore;
  batches: BatchStore;
  issuance: IssuanceStore;
  learnerInvitations: LearnerInvitationStore;
  dashboard: DashboardStore;
  wallet: WalletStore;
  twoFactor: TwoFactorStore;
  accountData: AccountDataStore;
  samlReplay: SamlReplayStore;
  identityProviders: IdentityProviderStore;
  ssoTransactions: SsoTransactionStore;
  linkedAccounts: LinkedAccountStore;
  payments: PaymentStore;
  documentAccess: DocumentAccessStore;
  shares: ShareStore;
}

/** Material for a new signing identity, with its private key already sealed. */
export interface NewIdentityMaterial {
  chainDer: Uint8Array[];
  sealedKey: Uint8Array;
  serialNumber: string;
  notAfter: Date;
}

/**
 * Key operations. Private keys exist in clear only inside this port (today: sealed under the
 * master key in the database; an HSM adapter can implement the same port).
 */
export interface SigningKeys {
  createPortalAuthorities(): Promise<{ root: NewIdentityMaterial; issuing: NewIdentityMaterial }>;
  issueIdentity(
    authorities: { root: PortalAuthorityRecord; issuing: PortalAuthorityRecord },
    subject: { institutionName: string; organization: string; country: string },
    algorithm: KeyAlgorithm,
  ): Promise<NewIdentityMaterial>;
  /** Reads a PKCS#12 (certificate chain + key); throws on a wrong password or unusable file. */
  importPkcs12(p12: Uint8Array, password: string): Promise<NewIdentityMaterial>;
  /** A signer for this identity (cached per identity). */
  signerFor(identity: SigningIdentityRecord, tsaUrl: string | null): PdfSigner;
  /** The issuing CA's CRL, DER. */
  crl(
    issuing: PortalAuthorityRecord,
    revoked: { serialNumber: string; revokedAt: Date }[],
    now: Date,
  ): Promise<Uint8Array>;
}

/** PDF operations that need a PDF library. */
export interface PdfTools {
  /** Adds the visible verification notice (QR code, URL, id) and embeds the document id. */
  stamp(pdf: Uint8Array, input: { url: string; documentId: string }): Promise<Uint8Array>;
  /** SHA-256 of the bytes, lowercase hex. */
  sha256(bytes: Uint8Array): string;
}

/** The faster primitives and caches the verifier uses, and the roots configured beside the portal's. */
export interface VerifierRuntime extends Pick<VerificationContext, "crypto" | "inflate" | "cache"> {
  extraTrustAnchorsDer: Uint8Array[];
}

/** TOTP (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps); secrets are sealed at rest with SecretBox. */
export interface TotpAuthenticator {
  /** A new random secret (160 bits) in base 32, as authenticator apps take it. */
  newSecret(): string;
  /**
   * The latest time step within one step of `now` (before, now, after) whose code is `code` and
   * that is later than `afterStep`; null when none matches.
   */
  match(secret: string, code: string, now: Date, afterStep: number | null): number | null;
}

/** Runs fn in one database transaction: all of its writes land, or none. */
export type Transact = <T>(fn: (stores: Stores) => Promise<T>) => Promise<T>;

/** Everything a use case may need. */
export interface CoreDeps {
  stores: Stores;
  transact: Transact;
  mailer: Mailer;
  passwords: PasswordHasher;
  /** Passwords refused as too common (loaded once). */
  commonPasswords: CommonPasswords;
  secrets: Secrets;
  /** Signed, expiring tokens (the claim step between the access code and the new account). */
  tokenSigner: TokenSigner;
  clock: Clock;
  settings: {
    publicUrl: string;
    sessionTtlHours: number;
    /** Outside production the portal's own PKI issues institutions' certificates on demand. */
    developmentPki: boolean;
  };
  keys: SigningKeys;
  pdf: PdfTools;
  /** Document files, encrypted per institution. */
  blobs: BlobStore;
  /** Authenticator-app codes (RFC 6238). */
  totp: TotpAuthenticator;
  zipWriter: ZipWriter;
  zip: ZipReader;
  verifier: VerifierRuntime;
  /** Small secrets sealed at rest (OIDC client secrets). */
  secretBox: SecretBox;
  /** OpenID Connect relying party (institution sign-on, linked accounts). */
  oidc: OidcClient;
  /** SAML 2.0 service provider (institution sign-on). */
  saml: SamlServiceProvider;
  /** Hosted checkout for fees; null when none is configured (production without Stripe: fees cannot be charged). */
  paymentGateway: PaymentGateway | null;
  /** Views of shares without a view limit, written in batches (at most ~100 ms later). */
  shareViews: ShareViewLog;
  /** The recipient page's look-up of shares by token, in memory while change notifications are heard. */
  shareCache: ShareLookupCache;
  /** Verdicts of stored document files already checked (by SHA-256 and registry status), in memory. */
  fileVerdicts: FileVerdictCache;
  /** A new random UUID (document ids). */
  newId(): string;
  /** Runs a task after the answer is sent (mail that must not slow or reveal anything); failures are logged. */
  background(label: string, task: () => Promise<void>): void;
}
