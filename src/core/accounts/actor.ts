import type { ApiKeyCaller } from "../api-keys/api-keys.types.ts";
import type { MembershipRecord, UserRecord } from "./accounts.ports.ts";

/**
 * Who a use case acts for: a signed-in user, or an institution's API key. An API key's `user` is a
 * stand-in (its id is the key's id, its email the key's label) and its one membership is the issuer
 * role in its own institution; store a person's id with {@link actingUserId}, never `user.id`.
 */
export interface Actor {
  user: UserRecord;
  memberships: MembershipRecord[];
  sessionId: string;
  /** The client's address, for the audit trail. */
  ip: string | null;
  /** Set when the request carries an API key (Authorization: Bearer). */
  apiKey?: ApiKeyCaller;
}

/** The user account behind the actor, or null for an API key (it is nobody's account). */
export const actingUserId = (actor: Actor): string | null => (actor.apiKey ? null : actor.user.id);
