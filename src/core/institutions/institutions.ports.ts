import type { InstitutionRole } from "../accounts/accounts.types.ts";
import type { Locale } from "../i18n.types.ts";
import type { Institution, InstitutionInput, InstitutionSigningSettings } from "./institutions.types.ts";

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

export interface InstitutionLogo {
  bytes: Uint8Array;
  contentType: string;
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
