/** The batch row error codes the interface names in words; any other shows as "error <code>". */
const KNOWN = [
  "already_issued",
  "not_a_pdf",
  "payload_too_large",
  "document_type_archived",
  "external_id_taken",
] as const;

export type KnownItemError = (typeof KNOWN)[number];

export function itemErrorKey(code: string): KnownItemError | "other" {
  return (KNOWN as readonly string[]).includes(code) ? (code as KnownItemError) : "other";
}
