/** What the audit trail records. */
/** Every action the audit trail records. */
export const AUDIT_ACTIONS = [
  "institution.created",
  "institution.updated",
  "institution.logo_changed",
  "staff.invited",
  "staff.invitation_resent",
  "staff.invitation_cancelled",
  "staff.joined",
  "staff.removed",
  "user.disabled",
  "user.enabled",
  "signing_identity.issued",
  "signing_identity.imported",
  "signing_identity.revoked",
  "portal_authority.revoked",
  "document.signed",
  "document.revoked",
  "document.replaced",
  "document.archive_renewed",
  "audit.exported",
  "api_key.created",
  "api_key.revoked",
  "document.issued",
  "batch.created",
  "batch.finished",
  "batch.errors_exported",
  "mail.resent",
  "learner_invitation.resent",
  "learner_invitation.claimed",
  "two_factor.enabled",
  "two_factor.disabled",
  "two_factor.recovery_codes_regenerated",
  "two_factor.recovery_code_used",
  "account.exported",
  "account.closed",
  "sign_on.configured",
  "sign_on.signed_in",
  "identity_provider.created",
  "identity_provider.updated",
  "identity_provider.removed",
  "linked_account.linked",
  "linked_account.unlinked",
  "user_email.added",
  "user_email.verified",
  "user_email.removed",
  "user_email.made_primary",
  "user.password_changed",
  "user.password_reset",
  "payment.paid",
  "payment.refunded",
  "payment.revenue_exported",
  "share.created",
  "share.revoked",
  "share.extended",
  "share.unlocked",
  "share.passcode_changed",
  "organization.created",
  "organization.updated",
  "organization.archived",
  "organization.restored",
  "organization.logo_changed",
  "organization.staff_invited",
  "organization.staff_joined",
  "organization.staff_removed",
  "organization.invitation_cancelled",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One event of the append-only, hash-chained audit trail. */
export interface AuditEvent {
  seq: number;
  id: string;
  institutionId: string | null;
  actorUserId: string | null;
  /** Who, as people read it: an email, "cli" or "system". */
  actorLabel: string;
  action: AuditAction;
  targetType: string;
  targetId: string | null;
  details: Record<string, string | number | boolean | null>;
  ip: string | null;
  createdAt: string;
}

/** The result of re-computing the chain. */
export interface AuditChainReport {
  ok: boolean;
  checked: number;
  /** The first event whose hash or link does not match, when not ok. */
  brokenAtSeq: number | null;
}
