import type { FastifyRequest } from "fastify";
import { DomainError, type FieldIssue } from "../../core/errors.ts";
import { forbiddenCharacterMessage, hasForbiddenCharacter } from "../../core/forbidden-characters.ts";

const LIMITS = new Set(["FST_PARTS_LIMIT", "FST_FILES_LIMIT", "FST_FIELDS_LIMIT", "FST_PROTO_VIOLATION"]);

export interface MultipartFile {
  bytes: Uint8Array;
  filename: string;
}

/**
 * Reads a multipart/form-data body strictly: only the named file and text fields, each at most
 * once, files within their own size limit. Anything else is a bilingual 400; an oversize file 413.
 */
export async function readMultipart<F extends string, T extends string>(
  req: FastifyRequest,
  spec: { files: Record<F, number>; fields: readonly T[] },
): Promise<{ files: Partial<Record<F, MultipartFile>>; fields: Partial<Record<T, string>> }> {
  if (!req.isMultipart()) throw new DomainError("unsupported_media_type");
  const names = [...Object.keys(spec.files), ...spec.fields].join(", ");
  const unexpected = () =>
    new DomainError("validation_failed", {
      issues: [
        {
          path: "",
          message: {
            fr: `Champs permis : ${names}, une fois chacun.`,
            en: `Allowed fields: ${names}, once each.`,
          },
        },
      ],
    });
  // Multipart bodies are read here, after the hooks: the root hook's U+0000 and lone-surrogate check
  // (refuse-forbidden-characters.ts) is repeated for each field and file name.
  const forbidden = (path: string) =>
    new DomainError("validation_failed", { issues: [{ path, message: forbiddenCharacterMessage(path) }] });
  const files: Partial<Record<F, MultipartFile>> = {};
  const fields: Partial<Record<T, string>> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type === "file") {
        const name = part.fieldname as F;
        const max = spec.files[name];
        if (max === undefined || files[name]) throw unexpected();
        if (hasForbiddenCharacter(part.filename)) throw forbidden(`${name}.filename`);
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of part.file as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > max) throw new DomainError("payload_too_large");
          chunks.push(chunk);
        }
        if (part.file.truncated) throw new DomainError("payload_too_large");
        files[name] = { bytes: new Uint8Array(Buffer.concat(chunks)), filename: part.filename };
      } else {
        const name = part.fieldname as T;
        if (!spec.fields.includes(name) || name in fields || typeof part.value !== "string")
          throw unexpected();
        if (part.valueTruncated) {
          const issue: FieldIssue = {
            path: name,
            message: { fr: "Valeur trop longue.", en: "Value too long." },
          };
          throw new DomainError("validation_failed", { issues: [issue] });
        }
        if (hasForbiddenCharacter(part.value)) throw forbidden(name);
        fields[name] = part.value;
      }
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    const code = (e as { code?: string }).code ?? "";
    if (code === "FST_REQ_FILE_TOO_LARGE") throw new DomainError("payload_too_large");
    if (LIMITS.has(code)) throw unexpected();
    throw new DomainError("validation_failed", { cause: e });
  }
  return { files, fields };
}
