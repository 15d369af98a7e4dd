import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { Actor } from "./actor.ts";
import { assertAcceptablePassword } from "./password-policy.ts";

/** Changes the password after checking the current one; every other session is signed out; audited. */
export async function changePassword(
  deps: CoreDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  assertAcceptablePassword(deps, input.newPassword);
  const hash = actor.user.passwordHash;
  if (!hash || !(await deps.passwords.verify(hash, input.currentPassword)))
    throw new DomainError("password_incorrect");
  const newHash = await deps.passwords.hash(input.newPassword);
  await deps.transact(async (stores) => {
    await stores.users.update(actor.user.id, { passwordHash: newHash });
    await stores.sessions.revokeAll(actor.user.id, deps.clock.now(), actor.sessionId);
    await recordAudit(
      deps,
      stores,
      { actorUserId: actor.user.id, actorLabel: actor.user.email, ip: actor.ip },
      { institutionId: null, action: "user.password_changed", targetType: "user", targetId: actor.user.id },
    );
  });
}
