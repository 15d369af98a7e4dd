import type {
  CurrentUser,
  InstitutionRole,
  SessionInfo,
  UserSummary,
} from "../../core/accounts/accounts.types.ts";
import type { DocumentType, DocumentTypeInput } from "../../core/document-types/document-types.types.ts";
import type { DocumentVerificationRecord } from "../../core/documents/documents.types.ts";
import type { Locale } from "../../core/i18n.types.ts";
import type {
  Institution,
  InstitutionInput,
  InstitutionSigningSettings,
  Invitation,
  InvitationPreview,
  StaffMember,
} from "../../core/institutions/institutions.types.ts";
import type {
  ImportPreview,
  ImportResult,
  Learner,
  LearnerInput,
  LearnerPage,
} from "../../core/learners/learners.types.ts";
import type { OutboxMessage, OutboxSummary } from "../../core/mail/mail.types.ts";
import type { VerificationReport } from "../../core/verification/verification.types.ts";
import { forgetCsrfToken, request } from "./request.ts";
import type { SignInResult } from "./two-factor.ts";

export { ApiError } from "./ApiError.ts";

export interface Meta {
  environment: "development" | "production" | "test";
  devOutbox: boolean;
  version: string;
}

export interface UserPage {
  users: UserSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export type InstitutionPatch = Partial<Omit<InstitutionInput, "slug"> & InstitutionSigningSettings>;

const seg = encodeURIComponent;
const institutionPath = (slug: string) => `/api/v1/institutions/${seg(slug)}`;

/** Where the public logo of an institution is served; `version` defeats the browser cache after a change. */
export function institutionLogoUrl(slug: string, version?: string): string {
  const url = `${institutionPath(slug)}/logo`;
  return version ? `${url}?v=${seg(version)}` : url;
}

// Service

export const getHealth = () => request<{ status: string }>("GET", "/healthz");
export const getMeta = () => request<Meta>("GET", "/api/v1/meta");

// Authentication and account

/** Signed in, or (two-step verification on) the code is due: see completeTotpSignIn. */
export async function signIn(email: string, password: string): Promise<SignInResult> {
  const result = await request<SignInResult>("POST", "/api/v1/auth/sign-in", { json: { email, password } });
  forgetCsrfToken();
  return result;
}

export async function signOut(): Promise<void> {
  await request<void>("POST", "/api/v1/auth/sign-out");
  forgetCsrfToken();
}

export async function getMe(): Promise<CurrentUser> {
  return (await request<{ user: CurrentUser }>("GET", "/api/v1/auth/me")).user;
}

export async function updateMe(changes: { displayName?: string; locale?: Locale }): Promise<CurrentUser> {
  return (await request<{ user: CurrentUser }>("PATCH", "/api/v1/auth/me", { json: changes })).user;
}

export const changePassword = (currentPassword: string, newPassword: string) =>
  request<void>("POST", "/api/v1/auth/password", { json: { currentPassword, newPassword } });

export const requestPasswordReset = (email: string, locale?: Locale) =>
  request<{ ok: true }>("POST", "/api/v1/auth/password-reset", { json: { email, locale } });

export const completePasswordReset = (token: string, password: string) =>
  request<void>("POST", "/api/v1/auth/password-reset/complete", { json: { token, password } });

export async function listSessions(): Promise<SessionInfo[]> {
  return (await request<{ sessions: SessionInfo[] }>("GET", "/api/v1/auth/sessions")).sessions;
}

export const revokeSession = (id: string) => request<void>("DELETE", `/api/v1/auth/sessions/${seg(id)}`);

export async function revokeAllSessions(): Promise<void> {
  await request<void>("POST", "/api/v1/auth/sessions/revoke-all");
  forgetCsrfToken();
}

// Invitations (link holder)

export async function lookupInvitation(token: string): Promise<InvitationPreview> {
  return (
    await request<{ invitation: InvitationPreview }>("POST", "/api/v1/invitations/lookup", {
      json: { token },
    })
  ).invitation;
}

export async function acceptInvitation(input: {
  token: string;
  displayName?: string;
  password: string;
}): Promise<SignInResult> {
  const result = await request<SignInResult>("POST", "/api/v1/invitations/accept", { json: input });
  forgetCsrfToken();
  return result;
}

// Institutions

export async function listInstitutions(): Promise<Institution[]> {
  return (await request<{ institutions: Institution[] }>("GET", "/api/v1/institutions")).institutions;
}

export async function createInstitution(input: InstitutionInput): Promise<Institution> {
  return (await request<{ institution: Institution }>("POST", "/api/v1/institutions", { json: input }))
    .institution;
}

export async function getInstitution(slug: string): Promise<Institution> {
  return (await request<{ institution: Institution }>("GET", institutionPath(slug))).institution;
}

export async function updateInstitution(slug: string, changes: InstitutionPatch): Promise<Institution> {
  return (await request<{ institution: Institution }>("PATCH", institutionPath(slug), { json: changes }))
    .institution;
}

export async function uploadInstitutionLogo(slug: string, file: File): Promise<Institution> {
  return (await request<{ institution: Institution }>("PUT", `${institutionPath(slug)}/logo`, { blob: file }))
    .institution;
}

export async function deleteInstitutionLogo(slug: string): Promise<Institution> {
  return (await request<{ institution: Institution }>("DELETE", `${institutionPath(slug)}/logo`)).institution;
}

// Public verification (no account, no CSRF token)

/** Largest file the public verifier accepts (the API answers 413 above). */
export const VERIFY_MAX_BYTES = 25 * 1024 * 1024;

/**
 * Sends a PDF to the verifier and returns its report. The file goes as the raw body, typed
 * application/pdf whatever the browser guessed, so that a file that is not a PDF gets a report
 * ("not a readable PDF") rather than a 415. The server does not store it.
 */
export function verifyFile(file: Blob): Promise<VerificationReport> {
  const pdf = file.type === "application/pdf" ? file : new Blob([file], { type: "application/pdf" });
  return request<VerificationReport>("POST", "/api/v1/verify", { blob: pdf, noCsrf: true });
}

/** A document's public registry record (the QR code's target); 404 for unknown ids. */
export async function getDocumentVerification(id: string): Promise<DocumentVerificationRecord> {
  return (
    await request<{ document: DocumentVerificationRecord }>(
      "GET",
      `/api/v1/documents/${seg(id)}/verification`,
    )
  ).document;
}

// Staff and invitations

export const getStaff = (slug: string) =>
  request<{ staff: StaffMember[]; invitations: Invitation[] }>("GET", `${institutionPath(slug)}/staff`);

export async function inviteStaff(
  slug: string,
  input: { email: string; role: InstitutionRole; locale?: Locale },
): Promise<Invitation> {
  return (
    await request<{ invitation: Invitation }>("POST", `${institutionPath(slug)}/invitations`, { json: input })
  ).invitation;
}

export async function resendInvitation(slug: string, id: string): Promise<Invitation> {
  return (
    await request<{ invitation: Invitation }>(
      "POST",
      `${institutionPath(slug)}/invitations/${seg(id)}/resend`,
    )
  ).invitation;
}

export const cancelInvitation = (slug: string, id: string) =>
  request<void>("DELETE", `${institutionPath(slug)}/invitations/${seg(id)}`);

export const removeStaffMember = (slug: string, membershipId: string) =>
  request<void>("DELETE", `${institutionPath(slug)}/staff/${seg(membershipId)}`);

// Users (operator)

export function listUsers(params: { q?: string; page?: number } = {}): Promise<UserPage> {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return request<UserPage>("GET", `/api/v1/users${query ? `?${query}` : ""}`);
}

export async function disableUser(id: string): Promise<UserSummary> {
  return (await request<{ user: UserSummary }>("POST", `/api/v1/users/${seg(id)}/disable`)).user;
}

export async function enableUser(id: string): Promise<UserSummary> {
  return (await request<{ user: UserSummary }>("POST", `/api/v1/users/${seg(id)}/enable`)).user;
}

// Development outbox

export async function listOutbox(): Promise<OutboxSummary[]> {
  return (await request<{ messages: OutboxSummary[] }>("GET", "/api/v1/dev/outbox")).messages;
}

export async function getOutboxMessage(id: string): Promise<OutboxMessage> {
  return (await request<{ message: OutboxMessage }>("GET", `/api/v1/dev/outbox/${seg(id)}`)).message;
}

// Learners and document types (issue 4)

export interface LearnerSearchParams {
  q: string;
  after?: string | undefined;
  before?: string | undefined;
  limit?: number;
}

export function searchLearners(slug: string, params: LearnerSearchParams): Promise<LearnerPage> {
  const query = new URLSearchParams({ q: params.q, limit: String(params.limit ?? 25) });
  if (params.after) query.set("after", params.after);
  else if (params.before) query.set("before", params.before);
  return request<LearnerPage>("GET", `${institutionPath(slug)}/learners?${query}`);
}

export async function getLearner(slug: string, id: string): Promise<Learner> {
  return (await request<{ learner: Learner }>("GET", `${institutionPath(slug)}/learners/${seg(id)}`)).learner;
}

export async function createLearner(slug: string, input: LearnerInput): Promise<Learner> {
  return (await request<{ learner: Learner }>("POST", `${institutionPath(slug)}/learners`, { json: input }))
    .learner;
}

export async function updateLearner(
  slug: string,
  id: string,
  input: Partial<LearnerInput>,
): Promise<Learner> {
  return (
    await request<{ learner: Learner }>("PATCH", `${institutionPath(slug)}/learners/${seg(id)}`, {
      json: input,
    })
  ).learner;
}

const csvBlob = (file: Blob) => new Blob([file], { type: "text/csv" });

export const previewLearnerImport = (slug: string, file: Blob) =>
  request<ImportPreview>("POST", `${institutionPath(slug)}/learners/import/preview`, { blob: csvBlob(file) });

export const importLearners = (slug: string, file: Blob) =>
  request<ImportResult>("POST", `${institutionPath(slug)}/learners/import`, { blob: csvBlob(file) });

export async function listDocumentTypes(slug: string, includeArchived: boolean): Promise<DocumentType[]> {
  return (
    await request<{ documentTypes: DocumentType[] }>(
      "GET",
      `${institutionPath(slug)}/document-types?archived=${includeArchived}`,
    )
  ).documentTypes;
}

export async function createDocumentType(slug: string, input: DocumentTypeInput): Promise<DocumentType> {
  return (
    await request<{ documentType: DocumentType }>("POST", `${institutionPath(slug)}/document-types`, {
      json: input,
    })
  ).documentType;
}

export async function updateDocumentType(
  slug: string,
  id: string,
  input: Partial<DocumentTypeInput>,
): Promise<DocumentType> {
  return (
    await request<{ documentType: DocumentType }>(
      "PATCH",
      `${institutionPath(slug)}/document-types/${seg(id)}`,
      { json: input },
    )
  ).documentType;
}

export async function setDocumentTypeArchived(
  slug: string,
  id: string,
  archived: boolean,
): Promise<DocumentType> {
  return (
    await request<{ documentType: DocumentType }>(
      "POST",
      `${institutionPath(slug)}/document-types/${seg(id)}/${archived ? "archive" : "restore"}`,
    )
  ).documentType;
}
