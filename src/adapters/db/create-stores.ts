import type { Stores, Transact } from "../../core/ports.ts";
import { institutionStore } from "./institution-store.ts";
import { invitationStore } from "./invitation-store.ts";
import { membershipStore } from "./membership-store.ts";
import { oneTimeTokenStore } from "./one-time-token-store.ts";
import type { Db } from "./open-database.ts";
import { sessionStore } from "./session-store.ts";
import { throttleStore } from "./throttle-store.ts";
import { userStore } from "./user-store.ts";

export function createStores(db: Db): Stores {
  return {
    users: userStore(db),
    memberships: membershipStore(db),
    sessions: sessionStore(db),
    tokens: oneTimeTokenStore(db),
    invitations: invitationStore(db),
    institutions: institutionStore(db),
    throttle: throttleStore(db),
  };
}

export function createTransact(db: Db): Transact {
  return (fn) => db.transaction((tx) => fn(createStores(tx as unknown as Db)));
}
