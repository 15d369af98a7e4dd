import type { CoreDeps } from "../ports.ts";
import { ensurePortalPki } from "../signing/ensure-portal-pki.ts";
import { issueSigningIdentity } from "../signing/issue-signing-identity.ts";
import { TSA_PATH } from "../signing/pki-paths.ts";

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
  /** True when this run issued the demo institution's signing certificate. */
  identityIssued: boolean;
  accounts: SeededAccount[];
}

/**
 * Idempotent: the development PKI, the demo institution "Cégep de démonstration" with its signing
 * certificate and the built-in timestamp authority (so it signs PAdES B-LTA), an operator and an institution admin. Accounts that exist keep their passwords; new
 * ones get a random password returned once.
 */
export async function seedDemo(deps: CoreDeps): Promise<SeedResult> {
  const seeded = await seedDemoRecords(deps);
  await ensurePortalPki(deps);
  const inst = await deps.stores.institutions.findBySlug(DEMO_SLUG);
  let identityIssued = false;
  if (inst && !(await deps.stores.signingIdentities.active(inst.id))) {
    await issueSigningIdentity(deps, inst);
    identityIssued = true;
  }
  return { ...seeded, identityIssued };
}

async function seedDemoRecords(deps: CoreDeps): Promise<Omit<SeedResult, "identityIssued">> {
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
    // Its timestamp authority is the portal's built-in one: documents are signed PAdES B-LTA.
    if (institutionCreated)
      inst =
        (await stores.institutions.update(inst.id, { tsaUrl: `${deps.settings.publicUrl}${TSA_PATH}` })) ??
        inst;
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
    if ((await stores.documentTypes.list(inst.id, { includeArchived: true })).length === 0)
      for (const type of DEMO_DOCUMENT_TYPES) await stores.documentTypes.create(inst.id, type);
    return { institutionCreated, accounts };
  });
}

/** Two document types, so that the demo can issue right away (codes for the batch manifest: DEC, RELEVE). */
const DEMO_DOCUMENT_TYPES = [
  {
    code: "DEC",
    nameFr: "Diplôme d'études collégiales",
    nameEn: "Diploma of College Studies",
    descriptionFr: "Le diplôme décerné au terme d'un programme d'études collégiales.",
    descriptionEn: "The diploma awarded on completing a college program.",
    unlockFeeCents: 0,
    shareFeeCents: 0,
    currency: "CAD",
    downloadAllowed: true,
    defaultShareDays: 90,
  },
  {
    code: "RELEVE",
    nameFr: "Relevé de notes",
    nameEn: "Transcript",
    descriptionFr: "Les cours suivis et les notes obtenues.",
    descriptionEn: "The courses taken and the grades obtained.",
    unlockFeeCents: 0,
    shareFeeCents: 500,
    currency: "CAD",
    downloadAllowed: true,
    defaultShareDays: 30,
  },
];
