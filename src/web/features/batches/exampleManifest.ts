import type { Locale } from "../../../core/i18n.types.ts";
import type { ManifestField } from "../../../core/issuance/issuance.types.ts";
import { csvText } from "../../lib/csvText.ts";
import { MANIFEST_COLUMN_NAMES, MANIFEST_COLUMN_NAMES_FR } from "./batchProblem.ts";

const ORDER: ManifestField[] = ["externalId", "studentNumber", "documentType", "title", "issueDate", "file"];

/** A two-row example manifest with the column names of the reader's language. */
export function exampleManifest(lang: Locale, title: string, issueDate: string): string {
  const names = lang === "fr" ? MANIFEST_COLUMN_NAMES_FR : MANIFEST_COLUMN_NAMES;
  const folder = lang === "fr" ? "diplomes" : "diplomas";
  return csvText([
    ORDER.map((field) => names[field]),
    ["DEC-2026-0001", "1001", "DEC", title, issueDate, `${folder}/1001.pdf`],
    ["DEC-2026-0002", "1002", "DEC", title, issueDate, `${folder}/1002.pdf`],
  ]);
}

export { ORDER as MANIFEST_FIELDS };
