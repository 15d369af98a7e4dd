import type { Locale } from "../i18n.types.ts";
import type { Role, UserStatus } from "./accounts.types.ts";

/** The bundled list of the passwords people choose most often (NIST SP 800-63B: refuse them). */
export interface CommonPasswords {
  /** True when the password is on the list (case ignored). */
  includes(password: string): boolean;
  readonly size: number;
}

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
