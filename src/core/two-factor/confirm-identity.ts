import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { checkSecondFactor } from "./check-second-factor.ts";

/** What a signed-in user gives to confirm a sensitive change: the password or a current code. */
export interface IdentityProof {
  password?: string | undefined;
  code?: string | undefined;
}

/**
 * Confirms that the person at the keyboard owns the account: the password (password_incorrect)
 * or, when two-step verification is on, a current code from the app (counted and backed off).
 */
export async function confirmIdentity(deps: CoreDeps, actor: Actor, proof: IdentityProof): Promise<void> {
  if (proof.password !== undefined) {
    const hash = actor.user.passwordHash;
    if (!hash || !(await deps.passwords.verify(hash, proof.password)))
      throw new DomainError("password_incorrect");
    return;
  }
  if (proof.code !== undefined) {
    await checkSecondFactor(deps, actor.user.id, { code: proof.code });
    return;
  }
  throw new DomainError("password_incorrect");
}
