/**
 * Everything the portal holds about one user, as the "Download my data" archive gives it
 * (sceau-data.json). Dates are ISO 8601 strings. No secret (password hash, TOTP secret, token or
 * code hash) ever appears; audit events done by someone else show neither who nor from where.
 */
export interface AccountExportData {
  user: {
    id: string;
    email: string;
    displayName: string;
    locale: string;
    status: string;
    emailVerifiedAt: string | null;
    createdAt: string;
  };
  emails: { email: string; verifiedAt: string | null; createdAt: string }[];
  linkedAccounts: {
    provider: { key: string; nameFr: string; nameEn: string };
    subject: string;
    email: string | null;
    createdAt: string;
    lastUsedAt: string | null;
  }[];
  sessions: {
    createdAt: string;
    lastSeenAt: string;
    expiresAt: string;
    revokedAt: string | null;
    ip: string | null;
    userAgent: string | null;
  }[];
  twoFactor: { enabledAt: string | null } | null;
  memberships: { role: string; institutionId: string | null }[];
  learnerRecords: {
    id: string;
    institution: { id: string; slug: string; nameFr: string; nameEn: string };
    studentNumber: string;
    givenName: string;
    familyName: string;
    dateOfBirth: string | null;
    institutionalEmail: string | null;
    personalEmail: string | null;
    locale: string;
    createdAt: string;
  }[];
  documents: {
    id: string;
    institutionId: string;
    learnerId: string | null;
    title: string;
    documentType: { code: string; nameFr: string; nameEn: string } | null;
    issueDate: string | null;
    status: string;
    signedAt: string;
    revokedAt: string | null;
    revocationReason: string | null;
    supersededBy: string | null;
    externalId: string | null;
    sha256: string;
    byteSize: number;
  }[];
  auditEvents: {
    id: string;
    createdAt: string;
    action: string;
    targetType: string;
    targetId: string | null;
    /** True when the user did it; then ip is theirs, else it is null. */
    byYou: boolean;
    ip: string | null;
    details: Record<string, unknown>;
  }[];
}
