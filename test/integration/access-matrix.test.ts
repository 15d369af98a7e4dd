import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can } from "../../src/core/access/can.ts";
import { PERMISSIONS, type Permission } from "../../src/core/access/permissions.ts";
import { requireAccess } from "../../src/core/access/require-access.ts";
import type { Role } from "../../src/core/accounts/accounts.types.ts";
import type { Actor } from "../../src/core/accounts/actor.ts";
import { authenticateApiKey } from "../../src/core/api-keys/authenticate-api-key.ts";
import { createApiKey } from "../../src/core/api-keys/create-api-key.ts";
import { DomainError } from "../../src/core/errors.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import type { Organization } from "../../src/core/organizations/organizations.types.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { BACKENDS } from "../support/test-database.ts";

/**
 * Every permission against every kind of caller, through requireAccess on the real stores. The
 * targets: institution A (its slug), organization O (its slug), the learner's document D in A (its
 * id); portal and account permissions have none. "staff" is an admin of A, "issuer" an issuer of A,
 * "other staff" an admin of institution B, the API key is A's (all scopes: routes check scopes).
 */
const CALLERS = [
  "anonymous",
  "learner",
  "otherLearner",
  "staff",
  "issuer",
  "otherStaff",
  "orgStaff",
  "orgReviewer",
  "operator",
  "apiKey",
] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = "allowed" | "not_found" | "api_key_scope";

const Y = "allowed";
const N = "not_found";
const S = "api_key_scope";

// biome-ignore format: the table reads as a table
const EXPECTED: Record<Permission, [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]> = {
  //                     anon learner other staff issuer otherSt orgSt orgRev oper apiKey
  "institution.read":     [N,  N,      N,    Y,    Y,     N,      N,    N,     Y,   Y],
  "institution.manage":   [N,  N,      N,    Y,    N,     N,      N,    N,     Y,   N],
  "staff.manage":         [N,  N,      N,    Y,    N,     N,      N,    N,     Y,   N],
  "learners.manage":      [N,  N,      N,    Y,    Y,     N,      N,    N,     Y,   Y],
  "documents.read":       [N,  N,      N,    Y,    Y,     N,      N,    N,     Y,   Y],
  "documents.issue":      [N,  N,      N,    Y,    Y,     N,      N,    N,     Y,   Y],
  "documents.revoke":     [N,  N,      N,    Y,    Y,     N,      N,    N,     Y,   Y],
  "payments.manage":      [N,  N,      N,    Y,    N,     N,      N,    N,     Y,   N],
  "audit.read":           [N,  N,      N,    Y,    N,     N,      N,    N,     Y,   N],
  "api-keys.manage":      [N,  N,      N,    Y,    N,     N,      N,    N,     Y,   S],
  "organization.inbox":   [N,  N,      N,    N,    N,     N,      Y,    Y,     N,   N],
  "organization.staff":   [N,  N,      N,    N,    N,     N,      Y,    N,     Y,   N],
  "organization.manage":  [N,  N,      N,    N,    N,     N,      N,    N,     Y,   N],
  "portal.operate":       [N,  N,      N,    N,    N,     N,      N,    N,     Y,   N],
  "portal.audit":         [N,  N,      N,    N,    N,     N,      N,    N,     Y,   N],
  "users.manage":         [N,  N,      N,    N,    N,     N,      N,    N,     Y,   N],
  "organizations.manage": [N,  N,      N,    N,    N,     N,      N,    N,     Y,   N],
  "account.self":         [N,  Y,      Y,    Y,    Y,     Y,      Y,    Y,     Y,   N],
  "wallet.document":      [N,  Y,      N,    N,    N,     N,      N,    N,     N,   N],
};

/** The same organization permissions once O is archived: only the operator keeps what it had. */
// biome-ignore format: the table reads as a table
const EXPECTED_ARCHIVED: Partial<Record<Permission, Partial<Record<Caller, Outcome>>>> = {
  "organization.inbox":  { orgStaff: N, orgReviewer: N, operator: N },
  "organization.staff":  { orgStaff: N, orgReviewer: N, operator: Y },
  "organization.manage": { orgStaff: N, orgReviewer: N, operator: Y },
};

describe.each(BACKENDS)("the access matrix on %s", (backend) => {
  let t: TestApp;
  let a: Institution;
  let org: Organization;
  let archived: Organization;
  let documentId: string;
  const actors = {} as Record<Caller, Actor | null>;
  const archivedActors = {} as Partial<Record<Caller, Actor>>;

  const actorOf = async (userId: string): Promise<Actor> => {
    const user = await t.core.stores.users.findById(userId);
    if (!user) throw new Error("no user");
    const memberships = await t.core.stores.memberships.listForUsers([userId]);
    return { user, memberships, sessionId: `session-${uniq()}`, ip: null };
  };
  const member = async (role: Role, where: { institutionId?: string; organizationId?: string }) => {
    const { user } = await makeUser(t.core);
    await t.core.stores.memberships.add({
      userId: user.id,
      role,
      institutionId: where.institutionId ?? null,
      organizationId: where.organizationId ?? null,
    });
    return actorOf(user.id);
  };
  const makeOrganization = async () => {
    const created = await t.core.stores.organizations.create({
      slug: `org-${uniq()}`,
      nameFr: "Université Exemple",
      nameEn: "Example University",
      kind: "education",
      country: "CA",
      contactEmail: null,
      searchText: "universite exemple",
    });
    if (!created) throw new Error("slug taken");
    return created;
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    a = await makeInstitution(t.core);
    const b = await makeInstitution(t.core);
    org = await makeOrganization();
    archived = await makeOrganization();
    const type = await makeDocumentType(t.core, a);
    const learnerRecord = await makeLearner(t.core, a);
    const otherRecord = await makeLearner(t.core, a);
    const { document } = await makeDocument(t.core, a, { learner: learnerRecord, type });
    documentId = document.id;
    const learner = await makeUser(t.core);
    await t.core.stores.learners.linkUser(learnerRecord.id, learner.user.id);
    const otherLearner = await makeUser(t.core);
    await t.core.stores.learners.linkUser(otherRecord.id, otherLearner.user.id);
    actors.anonymous = null;
    actors.learner = await actorOf(learner.user.id);
    actors.otherLearner = await actorOf(otherLearner.user.id);
    actors.staff = await member("institution_admin", { institutionId: a.id });
    actors.issuer = await member("issuer", { institutionId: a.id });
    actors.otherStaff = await member("institution_admin", { institutionId: b.id });
    actors.orgStaff = await member("organization_admin", { organizationId: org.id });
    actors.orgReviewer = await member("reviewer", { organizationId: org.id });
    actors.operator = await member("operator", {});
    const { key } = await createApiKey(t.core, actors.staff, a.slug, {
      name: "SIS",
      scopes: ["read", "issue", "revoke"],
    });
    actors.apiKey = await authenticateApiKey(t.core, key);
    if (!actors.apiKey) throw new Error("the API key does not authenticate");
    archivedActors.orgStaff = await member("organization_admin", { organizationId: archived.id });
    archivedActors.orgReviewer = await member("reviewer", { organizationId: archived.id });
    archivedActors.operator = actors.operator;
    await t.core.stores.organizations.update(archived.id, { archivedAt: new Date() });
  });
  afterAll(async () => {
    await t?.close();
  });

  const targetOf = (permission: Permission, organization: Organization): string | undefined => {
    if (permission.startsWith("organization.")) return organization.slug;
    if (permission === "wallet.document") return documentId;
    if (["portal.", "users.", "organizations.", "account."].some((p) => permission.startsWith(p)))
      return undefined;
    return a.slug;
  };

  /** requireAccess's answer, and that an allowed call returns the target it names. */
  const outcome = async (actor: Actor | null, permission: Permission, target: string | undefined) => {
    const call = requireAccess as (...args: unknown[]) => Promise<unknown>;
    try {
      const loaded = await call(t.core, actor, permission, ...(target === undefined ? [] : [target]));
      if (target === undefined) expect(loaded).toBeUndefined();
      else
        expect(loaded).toSatisfy((r: { slug?: string; id?: string }) => r.slug === target || r.id === target);
      return "allowed";
    } catch (e) {
      if (e instanceof DomainError) return e.code;
      throw e;
    }
  };

  it("answers every permission for every caller as the table says", async () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
    const actual: Record<string, Outcome[]> = {};
    for (const permission of PERMISSIONS) {
      const target = targetOf(permission, org);
      actual[permission] = [];
      for (const caller of CALLERS)
        actual[permission].push((await outcome(actors[caller], permission, target)) as Outcome);
    }
    expect(actual).toEqual(EXPECTED);
  });

  it("answers an archived organization's permissions as the table says", async () => {
    const actual: typeof EXPECTED_ARCHIVED = {};
    for (const [permission, row] of Object.entries(EXPECTED_ARCHIVED) as [
      Permission,
      Record<Caller, Outcome>,
    ][]) {
      actual[permission] = {};
      for (const caller of Object.keys(row) as Caller[])
        actual[permission][caller] = (await outcome(
          archivedActors[caller] ?? null,
          permission,
          archived.slug,
        )) as Outcome;
    }
    expect(actual).toEqual(EXPECTED_ARCHIVED);
  });

  it("gives the same verdicts through can on the loaded targets", async () => {
    const owned = await t.core.stores.documentAccess.findOwned(actors.learner?.user.id ?? "", documentId);
    if (!owned) throw new Error("the learner does not own the document");
    const check = can as (...args: unknown[]) => boolean;
    for (const permission of PERMISSIONS) {
      const record = permission.startsWith("organization.")
        ? org
        : permission === "wallet.document"
          ? owned
          : targetOf(permission, org) === undefined
            ? undefined
            : a;
      CALLERS.forEach((caller, i) => {
        // The wallet lookup is the ownership check: can only sees a document found among the actor's own.
        if (permission === "wallet.document" && caller !== "learner") return;
        expect(check(actors[caller], permission, record), `${permission} for ${caller}`).toBe(
          EXPECTED[permission][i] === "allowed",
        );
      });
    }
  });
});
