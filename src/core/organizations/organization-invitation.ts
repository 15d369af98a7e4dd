import type { Bilingual, Locale } from "../i18n.types.ts";
import { PORTAL_BRAND, renderEmail } from "../mail/render-email.ts";
import type { CoreDeps } from "../ports.ts";
import type { Organization, OrganizationRole } from "./organizations.types.ts";

/**
 * Organization invitations. The invitations table holds institution invitations only (its
 * institution_id is required), so an organization invitation is a signed, expiring token
 * (deps.tokenSigner) naming the organization, the email, the role and a random nonce; accepting it
 * files the nonce's hash as a used one_time_tokens row, which makes the link work once. Each one
 * sent is also filed in organization_invitations (by the nonce's hash) to be listed and cancelled;
 * a cancelled one's link is refused.
 */
export const ORGANIZATION_INVITATION_PURPOSE = "organization_invitation";
export const ORGANIZATION_INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export interface OrganizationInvitationClaims {
  organizationId: string;
  email: string;
  role: OrganizationRole;
  nonce: string;
  expiresAt: Date;
}

export const ORGANIZATION_ROLE_NAMES: Record<OrganizationRole, Bilingual> = {
  organization_admin: { fr: "administrateur ou administratrice", en: "administrator" },
  reviewer: { fr: "réviseur ou réviseuse des documents reçus", en: "reviewer of received documents" },
};

/** The signed link token and its nonce's hash (what organization_invitations files to list and cancel it). */
export function signOrganizationInvitation(
  deps: Pick<CoreDeps, "tokenSigner" | "secrets">,
  input: Omit<OrganizationInvitationClaims, "nonce">,
): { token: string; nonceHash: string } {
  const nonce = deps.secrets.randomToken();
  const token = deps.tokenSigner.sign(
    ORGANIZATION_INVITATION_PURPOSE,
    {
      organization: input.organizationId,
      email: input.email,
      role: input.role,
      nonce,
      exp: input.expiresAt.toISOString(),
    },
    input.expiresAt,
  );
  return { token, nonceHash: deps.secrets.hashToken(nonce) };
}

/** The claims of a well-signed, unexpired invitation token; null otherwise. */
export function readOrganizationInvitation(
  deps: Pick<CoreDeps, "tokenSigner" | "clock">,
  token: string,
): OrganizationInvitationClaims | null {
  const c = token ? deps.tokenSigner.verify(ORGANIZATION_INVITATION_PURPOSE, token, deps.clock.now()) : null;
  if (!c?.organization || !c.email || !c.nonce || !c.exp) return null;
  if (c.role !== "organization_admin" && c.role !== "reviewer") return null;
  return {
    organizationId: c.organization,
    email: c.email,
    role: c.role,
    nonce: c.nonce,
    expiresAt: new Date(c.exp),
  };
}

export function organizationInvitationEmail(args: {
  to: string;
  locale: Locale;
  organization: Organization;
  role: OrganizationRole;
  inviterName: string;
  url: string;
  expiresAt: Date;
}) {
  const { organization: o } = args;
  const day = (l: Locale) =>
    new Intl.DateTimeFormat(l === "fr" ? "fr-CA" : "en-CA", { dateStyle: "long", timeZone: "UTC" }).format(
      args.expiresAt,
    );
  return renderEmail(args.to, args.locale, PORTAL_BRAND, {
    subject: { fr: `Invitation : ${o.nameFr} sur Sceau`, en: `Invitation: ${o.nameEn} on Sceau` },
    paragraphs: [
      { fr: "Bonjour,", en: "Hello," },
      {
        fr: `${args.inviterName} vous invite à rejoindre ${o.nameFr} sur Sceau, le portail des documents officiels certifiés, à titre de ${ORGANIZATION_ROLE_NAMES[args.role].fr}. Vous y recevrez les documents que des personnes diplômées partagent avec votre organisation.`,
        en: `${args.inviterName} invites you to join ${o.nameEn} on Sceau, the portal for certified official documents, as ${ORGANIZATION_ROLE_NAMES[args.role].en}. You will receive there the documents that graduates share with your organization.`,
      },
      {
        fr: `Ouvrez le lien ci-dessous pour choisir votre mot de passe. Il ne sert qu'une fois et expire le ${day("fr")}.`,
        en: `Open the link below to choose your password. It works once and expires on ${day("en")}.`,
      },
    ],
    action: { label: { fr: "Accepter l'invitation", en: "Accept the invitation" }, url: args.url },
    footnote: {
      fr: "Vous ne vous attendiez pas à cette invitation? Ignorez ce courriel; aucun compte ne sera créé.",
      en: "Not expecting this invitation? Ignore this email; no account will be created.",
    },
  });
}
