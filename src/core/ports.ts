import type {
  CommonPasswords,
  MembershipStore,
  OneTimeTokenStore,
  SessionStore,
  ThrottleStore,
  UserEmailStore,
  UserStore,
} from "./accounts/accounts.ports.ts";
import type { ApiKeyStore, IdempotencyStore } from "./api-keys/api-keys.ports.ts";
import type { AuditStore } from "./audit/audit.ports.ts";
import type { DashboardStore } from "./dashboard/dashboard.ports.ts";
import type { DocumentTypeStore } from "./document-types/document-types.ports.ts";

import type { ArchiveRenewalStore, DocumentStore, FileVerdictCache } from "./documents/documents.ports.ts";
import type { InstitutionStore, InvitationStore } from "./institutions/institutions.ports.ts";
import type { BatchStore, IssuanceStore, ZipReader } from "./issuance/issuance.ports.ts";
import type { JobStore } from "./jobs/jobs.ports.ts";
import type { LearnerInvitationStore } from "./learner-invitations/learner-invitations.ports.ts";
import type { LearnerStore } from "./learners/learners.ports.ts";
import type { OrganizationInboxStore, OrganizationStore } from "./organizations/organizations.ports.ts";
import type { DocumentAccessStore, PaymentGateway, PaymentStore } from "./payments/payments.ports.ts";
import type { AccountDataStore, ZipWriter } from "./privacy/privacy.ports.ts";
import type { ShareLookupCache, ShareStore, ShareViewLog } from "./sharing/sharing.ports.ts";
import type {
  IdentityProviderStore,
  LinkedAccountStore,
  OidcClient,
  SamlReplayStore,
  SamlServiceProvider,
  SsoTransactionStore,
} from "./sign-on/sign-on.ports.ts";
import type { OcspSignerStore, RevocationSigner } from "./signing/revocation.ports.ts";
import type {
  LongTermValidation,
  PortalAuthorityStore,
  SigningIdentityStore,
  SigningKeys,
} from "./signing/signing.ports.ts";
import type { TimestampAuthorityKeys } from "./timestamping/timestamping.ports.ts";
import type { TotpAuthenticator, TwoFactorStore } from "./two-factor/two-factor.ports.ts";
import type { VerifierRuntime } from "./verification/verification.ports.ts";
import type { WalletStore } from "./wallet/wallet.ports.ts";

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

/**
 * Small secrets at rest (OIDC client secrets), sealed with AES-256-GCM under a key
 * derived from the master key per purpose: a secret sealed for one purpose does not open for another.
 */
export interface SecretBox {
  seal(purpose: string, plaintext: string): Uint8Array;
  /** Throws when the bytes were not sealed for this purpose with this master key. */
  open(purpose: string, sealed: Uint8Array): string;
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
  ocspSigners: OcspSignerStore;
  signingIdentities: SigningIdentityStore;
  documents: DocumentStore;
  archive: ArchiveRenewalStore;
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

/** PDF operations that need a PDF library. */
export interface PdfTools {
  /** Adds the visible verification notice (QR code, URL, id) and embeds the document id. */
  stamp(pdf: Uint8Array, input: { url: string; documentId: string }): Promise<Uint8Array>;
  /** SHA-256 of the bytes, lowercase hex. */
  sha256(bytes: Uint8Array): string;
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
    /** B-LTA: archive timestamps are renewed this many days before their certificate expires. */
    archiveRenewMarginDays: number;
    /** Outside production the portal's own PKI issues institutions' certificates on demand. */
    developmentPki: boolean;
  };
  keys: SigningKeys;
  /** OCSP answers and CRLs of the portal's CAs. */
  revocation: RevocationSigner;
  /** PAdES B-LT and B-LTA: validation data and document timestamps. */
  ltv: LongTermValidation;
  /** The portal's built-in RFC 3161 timestamp authority. */
  timestamps: TimestampAuthorityKeys;
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
