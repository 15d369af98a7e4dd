import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import { prepareShare } from "./prepare-share.ts";
import type { ShareInput, ShareQuote } from "./sharing.types.ts";

/** What the share would cost, checked as createShare would check it (the price shown before acting). */
export async function quoteShare(deps: CoreDeps, actor: Actor, input: ShareInput): Promise<ShareQuote> {
  return (await prepareShare(deps, actor, input)).quote;
}
