import type { WalletDocument } from "../../core/wallet/wallet.types.ts";
import { request } from "./http.ts";

/** The signed-in learner's documents, from every institution that issued them one. */
export async function listWalletDocuments(): Promise<WalletDocument[]> {
  return (await request<{ documents: WalletDocument[] }>("GET", "/api/v1/wallet/documents")).documents;
}
