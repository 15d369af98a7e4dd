import type { FastifyRequest } from "fastify";
import { DomainError, type FieldIssue } from "../../../core/errors.ts";

const FIELDS = new Set(["title", "issueDate"]);
const LIMITS = new Set(["FST_PARTS_LIMIT", "FST_FILES_LIMIT", "FST_FIELDS_LIMIT", "FST_PROTO_VIOLATION"]);

const invalid = (issues: FieldIssue[]) => new DomainError("validation_failed", { issues });
const noFile = () =>
  invalid([{ path: "file", message: { fr: "Aucun fichier PDF reçu.", en: "No PDF file received." } }]);
const unexpected = () =>
  invalid([
    {
      path: "",
      message: {
        fr: "Champs permis : file (le PDF), title et issueDate, une fois chacun.",
        en: "Allowed fields: file (the PDF), title and issueDate, once each.",
      },
    },
  ]);

/** Reads a replacement upload (multipart/form-data: `file`, optional `title` and `issueDate`) strictly. */
export async function readReplacementUpload(
  req: FastifyRequest,
): Promise<{ pdf: Uint8Array; title: string | null; issueDate: string | null }> {
  if (!req.isMultipart()) throw new DomainError("unsupported_media_type");
  let pdf: Uint8Array | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type === "file") {
        if (part.fieldname !== "file" || pdf) throw unexpected();
        pdf = new Uint8Array(await part.toBuffer());
      } else {
        if (!FIELDS.has(part.fieldname) || part.fieldname in fields || typeof part.value !== "string")
          throw unexpected();
        if (part.valueTruncated)
          throw invalid([
            {
              path: part.fieldname,
              message: { fr: "Valeur trop longue.", en: "Value too long." },
            },
          ]);
        fields[part.fieldname] = part.value;
      }
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    const code = (e as { code?: string }).code ?? "";
    if (code === "FST_REQ_FILE_TOO_LARGE") throw new DomainError("payload_too_large");
    if (LIMITS.has(code)) throw unexpected();
    throw new DomainError("validation_failed", { cause: e });
  }
  if (!pdf || pdf.byteLength === 0) throw noFile();
  return { pdf, title: fields.title ?? null, issueDate: fields.issueDate ?? null };
}
