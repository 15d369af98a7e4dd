import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { InstitutionRole } from "../../src/core/accounts/accounts.types.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import type { CoreDeps } from "../../src/core/ports.ts";
import { TestClient } from "./test-client.ts";

export const uniq = () => randomBytes(4).toString("hex");

/** A user with a password and memberships, written through the real stores. */
export async function makeUser(
  core: CoreDeps,
  options: {
    email?: string;
    password?: string;
    operator?: boolean;
    institutionId?: string;
    role?: InstitutionRole;
  } = {},
) {
  const email = options.email ?? `user-${uniq()}@example.test`;
  const password = options.password ?? `pw-${uniq()}-${uniq()}`;
  const user = await core.stores.users.create({
    email,
    displayName: `User ${email.split("@")[0]}`,
    locale: "fr",
    passwordHash: await core.passwords.hash(password),
    emailVerifiedAt: new Date(),
  });
  if (options.operator)
    await core.stores.memberships.add({
      userId: user.id,
      role: "operator",
      institutionId: null,
      organizationId: null,
    });
  if (options.institutionId)
    await core.stores.memberships.add({
      userId: user.id,
      role: options.role ?? "institution_admin",
      institutionId: options.institutionId,
      organizationId: null,
    });
  return { user, email, password };
}

export async function makeInstitution(core: CoreDeps, slug = `inst-${uniq()}`): Promise<Institution> {
  const inst = await core.stores.institutions.create({
    slug,
    nameFr: `Cégep ${slug}`,
    nameEn: `College ${slug}`,
    emailDomain: `${slug}.example.test`,
    primaryColor: "#1f3a5f",
    accentColor: "#b8860b",
  });
  if (!inst) throw new Error("slug taken");
  return inst;
}

/** A browser-like client signed in as a new user with these memberships. */
export async function signedInClient(
  t: { core: CoreDeps; app: FastifyInstance },
  options: Parameters<typeof makeUser>[1] = {},
): Promise<TestClient> {
  const u = await makeUser(t.core, options);
  const c = new TestClient(t.app);
  const res = await c.signIn(u.email, u.password);
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return c;
}
