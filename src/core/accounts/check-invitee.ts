import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { UserRecord } from "./accounts.ports.ts";
import { assertAcceptablePassword } from "./password-policy.ts";

/**
 * Who accepts an invitation sent to this email: the existing account, after checking its own
 * password (and that it is active), or a new one, whose password and name are checked and whose
 * password hash is ready to store. Writes nothing.
 */
export async function checkInvitee(
  deps: Pick<CoreDeps, "stores" | "passwords" | "commonPasswords">,
  email: string,
  input: { displayName: string; password: string },
): Promise<{ existing: UserRecord | null; newHash: string | null }> {
  const existing = await deps.stores.users.findByEmail(email);
  if (existing) {
    if (existing.status !== "active") throw new DomainError("account_disabled");
    const ok = existing.passwordHash
      ? await deps.passwords.verify(existing.passwordHash, input.password)
      : false;
    if (!ok) throw new DomainError("password_incorrect");
    return { existing, newHash: null };
  }
  assertAcceptablePassword(deps, input.password);
  if (!input.displayName.trim())
    throw new DomainError("validation_failed", {
      issues: [
        { path: "displayName", message: { fr: "Ce champ est obligatoire.", en: "This field is required." } },
      ],
    });
  return { existing: null, newHash: await deps.passwords.hash(input.password) };
}
