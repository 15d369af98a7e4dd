import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { completeTotpSignIn } from "../../../core/two-factor/complete-totp-sign-in.ts";
import { confirmTotpEnrolment } from "../../../core/two-factor/confirm-totp-enrolment.ts";
import { disableTotp } from "../../../core/two-factor/disable-totp.ts";
import { getTwoFactorStatus } from "../../../core/two-factor/get-two-factor-status.ts";
import { regenerateRecoveryCodes } from "../../../core/two-factor/regenerate-recovery-codes.ts";
import { startTotpEnrolment } from "../../../core/two-factor/start-totp-enrolment.ts";
import { clientInfo, PUBLIC, requireActor, SESSION_COOKIE } from "../../http/auth.ts";
import { Password } from "../../http/inputs.ts";
import {
  clearTotpChallengeCookie,
  SignInOut,
  sendSignInOutcome,
  TOTP_CHALLENGE_COOKIE,
} from "../../http/sign-in-outcome.ts";
import { qrSvg } from "../../presenters/qr-svg.ts";
import { errors } from "../../presenters/schemas.ts";
import {
  RecoveryCodesOut,
  TotpEnrolmentOut,
  TwoFactorStatusOut,
} from "../../presenters/two-factor-schemas.ts";
import { authRateLimit, type RouteContext, typed } from "../route-context.ts";

/** Six digits; spaces allowed ("123 456"). */
const TotpCode = z.string().trim().min(1).max(12);
/** A recovery code as typed ("ABCD-EFGH-JKMN", any case and spacing). */
const RecoveryCode = z.string().trim().min(1).max(40);
/** The password or a current code, to confirm a change. */
const Proof = z.union([z.strictObject({ password: Password }), z.strictObject({ code: TotpCode })]);

export async function twoFactorRoutes(app: FastifyInstance, { config, deps }: RouteContext) {
  const r = typed(app);
  const tags = ["auth"];

  r.post(
    "/api/v1/auth/sign-in/totp",
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags,
        summary: "Second step of a sign-in: a code from the authenticator app, or a recovery code",
        description:
          "Needs the challenge cookie set by a sign-in that answered totp_required (5 minutes, single use).",
        body: z.union([z.strictObject({ code: TotpCode }), z.strictObject({ recoveryCode: RecoveryCode })]),
        response: { 200: SignInOut, ...errors(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const result = await completeTotpSignIn(deps.core, {
        ...req.body,
        challenge: req.cookies[TOTP_CHALLENGE_COOKIE] ?? null,
        previousToken: req.cookies[SESSION_COOKIE] ?? null,
        ...clientInfo(req),
      });
      return sendSignInOutcome(reply, result, config.secure);
    },
  );

  r.post(
    "/api/v1/auth/sign-in/cancel",
    {
      config: PUBLIC,
      schema: { tags, summary: "Abandon a sign-in waiting for its code", response: { 204: z.null() } },
    },
    async (_req, reply) => {
      clearTotpChallengeCookie(reply, config.secure);
      return reply.code(204).send(null);
    },
  );

  r.get(
    "/api/v1/auth/two-factor",
    {
      schema: {
        tags,
        summary: "Whether two-step verification is on, and recovery codes left",
        response: { 200: TwoFactorStatusOut, ...errors(401) },
      },
    },
    async (req) => getTwoFactorStatus(deps.core, requireActor(req)),
  );

  r.post(
    "/api/v1/auth/two-factor/enrolment",
    {
      schema: {
        tags,
        summary: "Start setting up an authenticator app: a new secret, its otpauth URI and QR code",
        response: { 200: TotpEnrolmentOut, ...errors(401, 409) },
      },
    },
    async (req) => {
      const enrolment = await startTotpEnrolment(deps.core, requireActor(req));
      return { ...enrolment, qrSvg: qrSvg(deps.qrMatrix(enrolment.otpauthUri)) };
    },
  );

  r.post(
    "/api/v1/auth/two-factor/enrolment/confirm",
    {
      config: authRateLimit(config),
      schema: {
        tags,
        summary: "Turn two-step verification on with a first code; returns the recovery codes (shown once)",
        body: z.strictObject({ code: TotpCode }),
        response: { 200: RecoveryCodesOut, ...errors(400, 401, 409, 429) },
      },
    },
    async (req) => confirmTotpEnrolment(deps.core, requireActor(req), req.body),
  );

  r.post(
    "/api/v1/auth/two-factor/disable",
    {
      config: authRateLimit(config),
      schema: {
        tags,
        summary: "Turn two-step verification off (the password or a current code)",
        body: Proof,
        response: { 204: z.null(), ...errors(400, 401, 403, 409, 429) },
      },
    },
    async (req, reply) => {
      await disableTotp(deps.core, requireActor(req), req.body);
      return reply.code(204).send(null);
    },
  );

  r.post(
    "/api/v1/auth/two-factor/recovery-codes",
    {
      config: authRateLimit(config),
      schema: {
        tags,
        summary: "New recovery codes (the password or a current code); earlier ones stop working",
        body: Proof,
        response: { 200: RecoveryCodesOut, ...errors(400, 401, 403, 409, 429) },
      },
    },
    async (req) => regenerateRecoveryCodes(deps.core, requireActor(req), req.body),
  );
}
