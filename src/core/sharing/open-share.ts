import { checkStoredFile } from "../documents/check-stored-file.ts";
import { isIssuedFile } from "../documents/file-verdict.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import {
  findShareByToken,
  grantAccess,
  hasAccess,
  isGated,
  learnerNameOf,
  type ShareClient,
  unavailable,
  unavailableReason,
} from "./find-live-share.ts";
import { firstViewEmail } from "./share-emails.ts";
import { emailHint, isLocked } from "./share-rules.ts";
import type { FoundShare } from "./sharing.ports.ts";
import type { RecipientShare, SharedDocument } from "./sharing.types.ts";

export interface OpenedShare {
  share: RecipientShare;
  /** Set when the documents were shown: the access token for downloads and reloads. */
  access: { token: string; expiresAt: Date } | null;
}

/** Each document with the verdict of its stored file (checkStoredFile: cached by SHA-256 and status). */
async function presentDocuments(deps: CoreDeps, found: FoundShare): Promise<SharedDocument[]> {
  return Promise.all(
    found.documents.map(async (d) => {
      const check = await checkStoredFile(deps, { ...d, institutionId: d.institution.id });
      return {
        id: d.id,
        title: d.title,
        issueDate: d.issueDate,
        signedAt: d.signedAt.toISOString(),
        status: d.status,
        check,
        revokedAt: d.revokedAt?.toISOString() ?? null,
        supersededBy: d.supersededBy,
        learnerName: `${d.givenName ?? ""} ${d.familyName ?? ""}`.trim(),
        institution: {
          slug: d.institution.slug,
          nameFr: d.institution.nameFr,
          nameEn: d.institution.nameEn,
          hasLogo: d.institution.hasLogo,
        },
        documentType: d.documentType
          ? { nameFr: d.documentType.nameFr, nameEn: d.documentType.nameEn }
          : null,
        downloadAllowed:
          found.share.downloadAllowed && (d.documentType?.downloadAllowed ?? true) && isIssuedFile(check),
      };
    }),
  );
}

/**
 * The recipient opens a link. Unknown tokens are not_found with nothing recorded; an expired,
 * revoked or used-up share answers why (and who issued the documents, not whose they are); a
 * guarded one asks for its passcode or code (and says until when it is locked, if it is);
 * otherwise each document's stored file is checked (checkStoredFile), the view is counted
 * (atomically against the view limit), recorded, and the learner is emailed on the first one when
 * they asked to be.
 */
export async function openShare(deps: CoreDeps, token: string, client: ShareClient): Promise<OpenedShare> {
  const found = await findShareByToken(deps, token, { cached: true });
  if (!found) throw new DomainError("not_found");
  const { share } = found;
  const now = deps.clock.now();
  const reason = unavailableReason(share, now);
  if (reason) return { share: unavailable(found, reason), access: null };
  if (isGated(share) && !hasAccess(deps, share, client.accessToken))
    return {
      share: {
        state: "locked",
        needs: { passcode: share.passcodeHash !== null, code: share.recipientEmail !== null },
        emailHint: share.recipientEmail ? emailHint(share.recipientEmail) : null,
        learnerName: learnerNameOf(found),
        lockedUntil: isLocked(share, now) ? (share.lockedUntil?.toISOString() ?? null) : null,
      },
      access: null,
    };

  const event = {
    shareId: share.id,
    kind: "view" as const,
    documentId: null,
    organizationId: null,
    createdAt: now,
    ip: client.ip,
    userAgent: client.userAgent,
  };
  // Without a view limit (and no first-view email pending) nothing depends on the count at once:
  // the view is batched (written within ~100 ms). Otherwise it is counted atomically, now.
  const exact = share.maxViews !== null || (share.notifyOnFirstView && share.firstViewedAt === null);
  // Checked before the view counts: an answer that cannot be given takes no view.
  const documents = await presentDocuments(deps, found);
  if (!exact) deps.shareViews.record(event);
  const counted = !exact
    ? { first: false, used: 0 }
    : await deps.transact(async (stores) => {
        const view = await stores.shares.countView(share.id, now);
        if (!view) return null;
        await stores.shares.addEvent(event);
        if (view.first && share.notifyOnFirstView) await notifyFirstView(deps, stores, found, now);
        return view;
      });
  if (!counted)
    return {
      share: unavailable(
        found,
        unavailableReason({ ...share, viewCount: share.maxViews ?? 0, downloadCount: 0 }, now) ?? "used_up",
      ),
      access: null,
    };

  return {
    share: {
      state: "open",
      shareId: share.id,
      channel: share.channel,
      recipient: share.recipientEmail,
      learnerName: learnerNameOf(found),
      message: share.message,
      expiresAt: share.expiresAt.toISOString(),
      usesLeft: share.maxViews === null ? null : Math.max(0, share.maxViews - counted.used),
      documents,
    },
    access: grantAccess(deps, share),
  };
}

async function notifyFirstView(deps: CoreDeps, stores: CoreDeps["stores"], found: FoundShare, now: Date) {
  const [user, institution] = await Promise.all([
    stores.users.findById(found.share.userId),
    stores.institutions.findById(found.documents[0]?.institution.id ?? ""),
  ]);
  if (!user || !institution) return;
  const message = firstViewEmail({
    to: user.email,
    locale: user.locale,
    institution,
    publicUrl: deps.settings.publicUrl,
    recipient: found.share.recipientEmail,
    historyUrl: `${deps.settings.publicUrl}/wallet/shares`,
  });
  await stores.jobs.enqueue({ queue: "mail", payload: { message, institutionId: institution.id } }, now);
}
