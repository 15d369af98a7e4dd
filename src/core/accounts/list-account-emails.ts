import type { CoreDeps } from "../ports.ts";
import type { AccountEmail, AccountEmails } from "./accounts.types.ts";

/** True when the address is at one of these domains or a subdomain of one (case ignored). */
export function atDomain(email: string, domains: string[]): boolean {
  const host = email.trim().toLowerCase().split("@").pop() ?? "";
  return domains.some((d) => {
    const domain = d.trim().toLowerCase();
    return domain !== "" && (host === domain || host.endsWith(`.${domain}`));
  });
}

/**
 * The addresses on the user's account (primary first) and whether every way left to sign in
 * depends on an institutional address: every confirmed address is at an institution's email
 * domain and no outside account (operator's providers, institution sign-on) is linked.
 */
export async function listAccountEmails(
  deps: Pick<CoreDeps, "stores">,
  userId: string,
): Promise<AccountEmails> {
  const { stores } = deps;
  const [user, secondary, institutions, linked] = await Promise.all([
    stores.users.findById(userId),
    stores.userEmails.listForUser(userId),
    stores.institutions.listAll(),
    stores.users.hasLinkedAccount(userId),
  ]);
  if (!user) return { emails: [], onlyInstitutional: false };
  const domains = institutions.flatMap((i) => (i.emailDomain ? [i.emailDomain] : []));
  const emails: AccountEmail[] = [
    {
      id: null,
      email: user.email,
      primary: true,
      verified: true,
      institutional: atDomain(user.email, domains),
    },
    ...secondary.map((row) => ({
      id: row.id,
      email: row.email,
      primary: false,
      verified: row.verifiedAt !== null,
      institutional: atDomain(row.email, domains),
    })),
  ];
  const onlyInstitutional = !linked && emails.every((e) => !e.verified || e.institutional);
  return { emails, onlyInstitutional };
}
