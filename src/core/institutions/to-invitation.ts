import type { InvitationRecord } from "./institutions.ports.ts";
import type { Invitation, InvitationStatus } from "./institutions.types.ts";

export function invitationStatus(r: InvitationRecord, now: Date): InvitationStatus {
  if (r.acceptedAt) return "accepted";
  if (r.cancelledAt) return "cancelled";
  if (r.expiresAt <= now) return "expired";
  return "pending";
}

export const toInvitation = (r: InvitationRecord, now: Date): Invitation => ({
  id: r.id,
  email: r.email,
  role: r.role,
  institutionId: r.institutionId,
  status: invitationStatus(r, now),
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
});
