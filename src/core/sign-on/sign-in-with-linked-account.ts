import { finishSignIn, type SignInClient, type SignInOutcome } from "../accounts/finish-sign-in.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { IdentityProviderRecord } from "./sign-on.ports.ts";
import type { SignOnIdentity } from "./sign-on.types.ts";

/**
 * "Sign in with <provider>": only an account already linked to a Sceau account signs in (never an
 * automatic account creation); an unlinked subject is "sign_on_not_linked".
 */
export async function signInWithLinkedAccount(
  deps: CoreDeps,
  input: SignInClient & { provider: IdentityProviderRecord; identity: SignOnIdentity },
): Promise<SignInOutcome> {
  const now = deps.clock.now();
  return deps.transact(async (stores) => {
    const link = await stores.linkedAccounts.findBySubject(input.provider.id, input.identity.subject);
    if (!link) throw new DomainError("sign_on_not_linked");
    const user = await stores.users.findById(link.userId);
    if (user?.status !== "active") throw new DomainError("account_disabled");
    await stores.linkedAccounts.touch(link.id, now);
    return finishSignIn(deps, user, input, stores);
  });
}
