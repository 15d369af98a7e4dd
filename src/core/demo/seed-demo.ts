import type { CoreDeps } from "../ports.ts";

export const DEMO_SLUG = "demo";
export const DEMO_OPERATOR_EMAIL = "operator@demo.sceau.localhost";
export const DEMO_ADMIN_EMAIL = "registraire@demo.sceau.localhost";

export interface SeededAccount {
  email: string;
  role: "operator" | "institution_admin";
  /** Set only when this run created the account: it is shown once and never stored in clear. */
  password: string | null;
}

export interface SeedResult {
  institutionCreated: boolean;
  accounts: SeededAccount[];
}

/**
 * Idempotent: the demo institution "Cégep de démonstration", an operator and an institution admin.
 * Accounts that exist keep their passwords; new ones get a random password returned once.
 */
export async function seedDemo(deps: CoreDeps): Promise<SeedResult> {
  return deps.transact(async (stores) => {
    let inst = await stores.institutions.findBySlug(DEMO_SLUG);
    const institutionCreated = !inst;
    inst ??= await stores.institutions.create({
      slug: DEMO_SLUG,
      nameFr: "Cégep de démonstration",
      nameEn: "Demonstration College",
      emailDomain: "demo.sceau.localhost",
      primaryColor: "#1f3a5f",
      accentColor: "#b8860b",
    });
    if (!inst) throw new Error("demo institution could not be created");
    const accounts: SeededAccount[] = [];
    const wanted = [
      { email: DEMO_OPERATOR_EMAIL, displayName: "Opérateur Sceau", role: "operator" as const },
      {
        email: DEMO_ADMIN_EMAIL,
        displayName: "Registraire de démonstration",
        role: "institution_admin" as const,
      },
    ];
    for (const w of wanted) {
      let user = await stores.users.findByEmail(w.email);
      let password: string | null = null;
      if (!user) {
        password = deps.secrets.randomToken().slice(0, 16);
        user = await stores.users.create({
          email: w.email,
          displayName: w.displayName,
          locale: "fr",
          passwordHash: await deps.passwords.hash(password),
          emailVerifiedAt: deps.clock.now(),
        });
      }
      const memberships = await stores.memberships.listForUsers([user.id]);
      const institutionId = w.role === "operator" ? null : inst.id;
      if (!memberships.some((m) => m.role === w.role && m.institutionId === institutionId)) {
        await stores.memberships.add({ userId: user.id, role: w.role, institutionId, organizationId: null });
      }
      accounts.push({ email: w.email, role: w.role, password });
    }
    return { institutionCreated, accounts };
  });
}
