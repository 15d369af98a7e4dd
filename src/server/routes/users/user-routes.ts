import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { listUsers } from "../../../core/users/list-users.ts";
import { setUserStatus } from "../../../core/users/set-user-status.ts";
import { requireActor } from "../../http/auth.ts";
import { Uuid } from "../../http/inputs.ts";
import { errors, UserSummaryOut } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

export async function userRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  const tags = ["users"];
  const OneUser = z.object({ user: UserSummaryOut });

  r.get(
    "/api/v1/users",
    {
      schema: {
        tags,
        summary: "Users and their memberships (operator)",
        querystring: z.strictObject({
          q: z.string().max(200).default(""),
          page: z.coerce.number().int().min(1).max(100000).default(1),
        }),
        response: {
          200: z.object({
            users: z.array(UserSummaryOut),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
          ...errors(400, 401, 404),
        },
      },
    },
    async (req) => listUsers(deps.core, requireActor(req), req.query),
  );

  for (const [action, status] of [
    ["disable", "disabled"],
    ["enable", "active"],
  ] as const) {
    r.post(
      `/api/v1/users/:id/${action}`,
      {
        schema: {
          tags,
          summary: action === "disable" ? "Disable a user (their sessions end)" : "Enable a user",
          params: z.strictObject({ id: Uuid }),
          response: { 200: OneUser, ...errors(401, 404, 409) },
        },
      },
      async (req) => ({ user: await setUserStatus(deps.core, requireActor(req), req.params.id, status) }),
    );
  }
}
