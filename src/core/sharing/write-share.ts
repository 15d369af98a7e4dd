import type { AuditWho } from "../audit/record-audit.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import { notifyOrganizationOfShare } from "../organizations/notify-organization.ts";
import type { CoreDeps } from "../ports.ts";
import { summarizeShares } from "./list-shares.ts";
import { planExpiry, type SharePlan } from "./prepare-share.ts";
import { shareRecipientEmail } from "./share-emails.ts";
import { shareLink } from "./share-rules.ts";
import type { CreatedShare } from "./sharing.types.ts";

/**
 * Writes a checked share in one transaction (the share, its documents, an organization's inbox
 * row, the audit event, the organization's notification), then emails the recipient the link.
 * The token exists in clear only in the answer and in that email.
 */
export async function writeShare(
  deps: CoreDeps,
  plan: SharePlan,
  options: { who: AuditWho; paymentId: string | null },
): Promise<CreatedShare> {
  const { input } = plan;
  const now = deps.clock.now();
  const token = deps.secrets.randomToken();
  const passcodeHash = input.passcode ? await deps.passwords.hash(input.passcode) : null;
  // One after the other: inside a payment's transaction these share one connection.
  const user = await deps.stores.users.findById(plan.userId);
  const institution = await deps.stores.institutions.findById(plan.documents[0]?.institutionId ?? "");
  if (!user || !institution) throw new DomainError("not_found");
  const org = input.organizationId ? await deps.stores.organizations.findById(input.organizationId) : null;
  const link = shareLink(deps.settings.publicUrl, token);

  const record = await deps.transact(async (stores) => {
    const share = await stores.shares.create(
      {
        userId: plan.userId,
        channel: input.channel,
        tokenHash: deps.secrets.hashToken(token),
        recipientEmail: input.recipientEmail,
        organizationId: input.organizationId,
        message: input.message,
        passcodeHash,
        maxViews: input.maxViews,
        downloadAllowed: input.downloadAllowed,
        notifyOnFirstView: input.notifyOnFirstView,
        paymentId: options.paymentId,
        expiresAt: planExpiry(plan, now),
        documentIds: input.documentIds,
      },
      now,
    );
    await recordAudit(deps, stores, options.who, {
      institutionId: null,
      action: "share.created",
      targetType: "share",
      targetId: share.id,
      details: {
        channel: share.channel,
        documents: input.documentIds.length,
        expiresAt: share.expiresAt.toISOString(),
        paid: options.paymentId !== null,
      },
    });
    if (org) await stores.organizationInbox.receive(share.id, org.id, now);
    return share;
  });

  if (org)
    deps.background("share-organization-email", () =>
      notifyOrganizationOfShare(deps, org, {
        learnerName: user.displayName,
        documentCount: input.documentIds.length,
      }),
    );
  // The link is a secret: its email goes straight to the mailer, never into the jobs table.
  const to = input.channel === "email" ? input.recipientEmail : null;
  if (to)
    deps.background("share-recipient-email", () =>
      deps.mailer.send(
        shareRecipientEmail({
          to,
          locale: user.locale,
          institution,
          publicUrl: deps.settings.publicUrl,
          learnerName: user.displayName,
          count: input.documentIds.length,
          message: input.message,
          link,
          expiresAt: record.expiresAt,
        }),
      ),
    );
  const [share] = await summarizeShares(deps.stores, [record], now);
  if (!share) throw new DomainError("not_found");
  return { share, link: input.channel === "organization" ? null : link };
}
