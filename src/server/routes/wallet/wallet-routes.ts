import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { listWalletDocuments } from "../../../core/wallet/list-wallet-documents.ts";
import { requireActor } from "../../http/auth.ts";
import { errors } from "../../presenters/schemas.ts";
import { WalletDocumentOut } from "../../presenters/wallet-schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

/** The signed-in learner's own documents (people only: API keys are refused). */
export async function walletRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  r.get(
    "/api/v1/wallet/documents",
    {
      schema: {
        tags: ["wallet"],
        summary: "The signed-in person's documents, from every institution whose record they claimed",
        response: { 200: z.object({ documents: z.array(WalletDocumentOut) }), ...errors(401, 403) },
      },
    },
    async (req) => ({ documents: await listWalletDocuments(deps.core, requireActor(req)) }),
  );
}
