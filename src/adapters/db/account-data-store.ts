import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { AccountDataStore } from "../../core/privacy/privacy.ports.ts";
import type { Db } from "./open-database.ts";
import {
  auditEvents,
  documents,
  documentTypes,
  identityProviders,
  institutions,
  learners,
  linkedAccounts,
  memberships,
  oneTimeTokens,
  recoveryCodes,
  sessions,
  shares,
  ssoTransactions,
  userEmails,
  users,
  userTotp,
} from "./schema.ts";

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function accountDataStore(db: Db): AccountDataStore {
  return {
    async collect(userId) {
      const [user] = await db.select().from(users).where(eq(users.id, userId));
      if (!user) throw new Error(`no user ${userId}`);
      const emails = await db
        .select()
        .from(userEmails)
        .where(eq(userEmails.userId, userId))
        .orderBy(asc(userEmails.createdAt));
      const linked = await db
        .select({
          account: linkedAccounts,
          key: identityProviders.key,
          nameFr: identityProviders.nameFr,
          nameEn: identityProviders.nameEn,
        })
        .from(linkedAccounts)
        .innerJoin(identityProviders, eq(identityProviders.id, linkedAccounts.providerId))
        .where(eq(linkedAccounts.userId, userId));
      const sessionRows = await db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, userId))
        .orderBy(asc(sessions.createdAt));
      const [totp] = await db
        .select({ enabledAt: userTotp.enabledAt })
        .from(userTotp)
        .where(eq(userTotp.userId, userId));
      const roles = await db.select().from(memberships).where(eq(memberships.userId, userId));
      const learnerRows = await db
        .select({ learner: learners, institution: institutions })
        .from(learners)
        .innerJoin(institutions, eq(institutions.id, learners.institutionId))
        .where(eq(learners.userId, userId))
        .orderBy(asc(learners.createdAt));
      const learnerIds = learnerRows.map((r) => r.learner.id);
      const documentRows = learnerIds.length
        ? await db
            .select({ document: documents, type: documentTypes })
            .from(documents)
            .innerJoin(
              learners,
              and(eq(learners.id, documents.learnerId), eq(learners.institutionId, documents.institutionId)),
            )
            .leftJoin(documentTypes, eq(documentTypes.id, documents.documentTypeId))
            .where(inArray(documents.learnerId, learnerIds))
            .orderBy(asc(documents.createdAt), asc(documents.id))
        : [];
      const targets = [userId, ...learnerIds, ...documentRows.map((r) => r.document.id)];
      const events = await db
        .select()
        .from(auditEvents)
        .where(or(eq(auditEvents.actorUserId, userId), inArray(auditEvents.targetId, targets)))
        .orderBy(asc(auditEvents.seq));
      return {
        user: {
          id: user.id,
          email: user.email,
          displayName: user.displayName,
          locale: user.locale,
          status: user.status,
          emailVerifiedAt: iso(user.emailVerifiedAt),
          createdAt: user.createdAt.toISOString(),
        },
        emails: emails.map((e) => ({
          email: e.email,
          verifiedAt: iso(e.verifiedAt),
          createdAt: e.createdAt.toISOString(),
        })),
        linkedAccounts: linked.map((l) => ({
          provider: { key: l.key, nameFr: l.nameFr, nameEn: l.nameEn },
          subject: l.account.subject,
          email: l.account.email,
          createdAt: l.account.createdAt.toISOString(),
          lastUsedAt: iso(l.account.lastUsedAt),
        })),
        sessions: sessionRows.map((s) => ({
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          revokedAt: iso(s.revokedAt),
          ip: s.ip,
          userAgent: s.userAgent,
        })),
        twoFactor: totp ? { enabledAt: iso(totp.enabledAt) } : null,
        memberships: roles.map((m) => ({ role: m.role, institutionId: m.institutionId })),
        learnerRecords: learnerRows.map(({ learner: l, institution: i }) => ({
          id: l.id,
          institution: { id: i.id, slug: i.slug, nameFr: i.nameFr, nameEn: i.nameEn },
          studentNumber: l.studentNumber,
          givenName: l.givenName,
          familyName: l.familyName,
          dateOfBirth: l.dateOfBirth,
          institutionalEmail: l.institutionalEmail,
          personalEmail: l.personalEmail,
          locale: l.locale,
          createdAt: l.createdAt.toISOString(),
        })),
        documents: documentRows.map(({ document: d, type }) => ({
          id: d.id,
          institutionId: d.institutionId,
          learnerId: d.learnerId,
          title: d.title,
          documentType: type ? { code: type.code, nameFr: type.nameFr, nameEn: type.nameEn } : null,
          issueDate: d.issueDate,
          status: d.status,
          signedAt: d.signedAt.toISOString(),
          revokedAt: iso(d.revokedAt),
          revocationReason: d.revocationReason,
          supersededBy: d.supersededBy,
          externalId: d.externalId,
          sha256: d.sha256,
          byteSize: d.byteSize,
        })),
        auditEvents: events.map((e) => {
          const byYou = e.actorUserId === userId;
          return {
            id: e.id,
            createdAt: e.createdAt.toISOString(),
            action: e.action,
            targetType: e.targetType,
            targetId: e.targetId,
            byYou,
            ip: byYou ? e.ip : null,
            details: e.details as Record<string, unknown>,
          };
        }),
      };
    },

    async close(userId, tombstone, now) {
      await db
        .update(users)
        .set({
          status: "closed",
          email: tombstone,
          emailNormalized: tombstone,
          displayName: "",
          passwordHash: null,
          updatedAt: now,
        })
        .where(eq(users.id, userId));
      await db
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
      await db.update(learners).set({ userId: null, updatedAt: now }).where(eq(learners.userId, userId));
      // Shares stop working at once (the sharing use cases, when they land, add their events here).
      await db
        .update(shares)
        .set({ revokedAt: now })
        .where(and(eq(shares.userId, userId), isNull(shares.revokedAt)));
      await db.delete(userEmails).where(eq(userEmails.userId, userId));
      await db.delete(linkedAccounts).where(eq(linkedAccounts.userId, userId));
      await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      await db.delete(userTotp).where(eq(userTotp.userId, userId));
      await db.delete(ssoTransactions).where(eq(ssoTransactions.userId, userId));
      await db
        .update(oneTimeTokens)
        .set({ usedAt: now })
        .where(and(eq(oneTimeTokens.userId, userId), isNull(oneTimeTokens.usedAt)));
    },
  };
}
