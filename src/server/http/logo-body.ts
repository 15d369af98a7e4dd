import type { FastifyInstance, FastifyReply } from "fastify";
import { DomainError } from "../../core/errors.ts";
import { LOGO_MAX_BYTES } from "../../core/institutions/set-institution-logo.ts";

const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"];

/** Lets a route plugin take a raw image body (the type is sniffed from the bytes later, not trusted). */
export function acceptLogoBodies(app: FastifyInstance): void {
  app.addContentTypeParser(LOGO_TYPES, { parseAs: "buffer", bodyLimit: LOGO_MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );
}

/** The uploaded bytes, or unsupported_media_type when the body was not a raw image. */
export function logoBytes(body: unknown): Uint8Array {
  if (!Buffer.isBuffer(body)) throw new DomainError("unsupported_media_type");
  return new Uint8Array(body);
}

/** Sends a stored logo with the headers public images get (no scripts, short cache). */
export function sendLogo(reply: FastifyReply, logo: { bytes: Uint8Array; contentType: string }) {
  return reply
    .type(logo.contentType)
    .header("cache-control", "public, max-age=300")
    .header("content-security-policy", "default-src 'none'")
    .send(Buffer.from(logo.bytes));
}
