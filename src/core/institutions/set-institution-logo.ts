import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { Institution } from "./institutions.types.ts";

export const LOGO_MAX_BYTES = 256 * 1024;

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** The image type from its first bytes; the declared content type is not trusted. SVG is refused (scripts). */
export function sniffImageType(bytes: Uint8Array): "image/png" | "image/jpeg" | "image/webp" | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return "image/webp";
  return null;
}

/** The logo to store for these bytes (null removes it): at most 256 KiB, PNG, JPEG or WebP by its bytes. */
export function checkLogo(bytes: Uint8Array | null): { bytes: Uint8Array; contentType: string } | null {
  if (!bytes) return null;
  if (bytes.byteLength > LOGO_MAX_BYTES) throw new DomainError("payload_too_large");
  const contentType = sniffImageType(bytes);
  if (!contentType) throw new DomainError("unsupported_media_type");
  return { bytes, contentType };
}

/** Sets (bytes) or removes (null) the institution's logo. */
export async function setInstitutionLogo(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  bytes: Uint8Array | null,
): Promise<Institution> {
  const inst = await requireAccess(deps, actor, "institution.manage", slug);
  const logo = checkLogo(bytes);
  return deps.transact(async (stores) => {
    const updated = await stores.institutions.setLogo(inst.id, logo);
    if (!updated) throw new DomainError("not_found");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: inst.id,
      action: "institution.logo_changed",
      targetType: "institution",
      targetId: inst.id,
      details: { removed: logo === null },
    });
    return updated;
  });
}
