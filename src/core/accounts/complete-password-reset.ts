import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { assertAcceptablePassword } from "./password-policy.ts";

/** Sets a new password from a reset link: single use, expiring; every session of the user ends; audited. */
export async function completePasswordReset(
  deps: CoreDeps,
  input: { token: string; password: string },
): Promise<void> {
  assertAcceptablePassword(deps, input.password);
  const now = deps.clock.now();
  const record = await deps.stores.tokens.findByHash(deps.secrets.hashToken(input.token));
  if (record?.purpose !== "password_reset" || record.usedAt || record.expiresAt <= now) {
    throw new DomainError("reset_link_invalid");
  }
  const hash = await deps.passwords.hash(input.password);
  await deps.transact(async (stores) => {
    if (!(await stores.tokens.consume(record.id, now))) throw new DomainError("reset_link_invalid");
    const user = await stores.users.update(record.userId, { passwordHash: hash });
    if (user?.status !== "active") throw new DomainError("reset_link_invalid");
    await stores.sessions.revokeAll(record.userId, now);
    await stores.throttle.clear(`email:${deps.secrets.hashToken(user.email.trim().toLowerCase())}`);
    await recordAudit(
      deps,
      stores,
      { actorUserId: user.id, actorLabel: user.email, ip: null },
      { institutionId: null, action: "user.password_reset", targetType: "user", targetId: user.id },
    );
  });
}
