import { isoDay } from "../dates/calendar-date.ts";
import type { Bilingual } from "../i18n.types.ts";
import type { CoreDeps } from "../ports.ts";
import { looksLikePdf } from "../signing/sign-document.ts";
import { PdfFile } from "../verification/pdf/pdf-file.ts";
import type { BatchIssue, BatchIssueCode } from "./issuance.types.ts";
import { externalIdProblem, issueDateProblem, PDF_MAX_BYTES, titleProblem } from "./issue-rules.ts";
import { readManifest } from "./read-manifest.ts";

/** Limits of one upload. */
export const BATCH_LIMITS = {
  maxEntries: 50_000,
  maxEntryBytes: PDF_MAX_BYTES,
  maxTotalBytes: 2 * 1024 ** 3,
};

/** A manifest row that passed every check, with its PDF. */
export interface PlannedItem {
  line: number;
  externalId: string;
  learnerId: string;
  documentTypeId: string;
  title: string;
  issueDate: string;
  fileName: string;
  pdf: Uint8Array;
}

export interface BatchPlan {
  issues: BatchIssue[];
  /** Rows to issue. */
  items: PlannedItem[];
  /** Rows whose external id was already issued to the same learner, or waits in another batch. */
  alreadyIssued: number;
}

const FILE_MESSAGES: Record<string, (name: string) => Bilingual> = {
  file_unsafe_name: (n) => ({
    fr: `Nom de fichier refusé dans l'archive (chemin absolu, « .. » ou caractères interdits) : ${n}`,
    en: `File name refused in the archive (absolute path, ".." or forbidden characters): ${n}`,
  }),
  file_too_large: (n) => ({
    fr: `Fichier trop volumineux (plus de ${PDF_MAX_BYTES / 1024 ** 2} Mo) : ${n}`,
    en: `File too large (over ${PDF_MAX_BYTES / 1024 ** 2} MB): ${n}`,
  }),
  file_unreadable: (n) => ({
    fr: `Fichier illisible ou chiffré dans l'archive : ${n}`,
    en: `Unreadable or encrypted file in the archive: ${n}`,
  }),
};

/**
 * Checks a whole batch before anything is written: the manifest's rows (values, duplicates,
 * learners, document types, dates) against the archive's files (missing, unused, reused, unsafe
 * names, oversize, not a PDF, encrypted, unreadable). Writes nothing.
 */
export async function validateBatch(
  deps: CoreDeps,
  institutionId: string,
  manifest: Uint8Array,
  zip: Uint8Array,
): Promise<BatchPlan> {
  const { rows, issues } = readManifest(manifest);
  const archive = await deps.zip.read(zip, BATCH_LIMITS);
  const add = (i: Omit<BatchIssue, "message"> & { message: Bilingual }) => issues.push(i);
  const rowIssue = (line: number, field: BatchIssue["field"], code: BatchIssueCode, message: Bilingual) =>
    add({ line, field, file: null, code, message });

  // The archive's files
  const files = new Map<string, Uint8Array>();
  const brokenFiles = new Map<string, BatchIssueCode>();
  for (const p of archive.problems) {
    brokenFiles.set(p.file, p.code);
    add({
      line: null,
      field: "archive",
      file: p.file,
      code: p.code,
      message: FILE_MESSAGES[p.code]?.(p.file) as Bilingual,
    });
  }
  for (const entry of archive.entries) {
    if (files.has(entry.name)) {
      add({
        line: null,
        field: "archive",
        file: entry.name,
        code: "file_reused",
        message: {
          fr: `Fichier en double dans l'archive : ${entry.name}`,
          en: `Duplicate file in the archive: ${entry.name}`,
        },
      });
      continue;
    }
    files.set(entry.name, entry.bytes);
  }

  // Look-ups, in bulk
  const numbers = [...new Set(rows.map((r) => r.values.studentNumber).filter(Boolean))];
  const learners = new Map<string, string>();
  for (let i = 0; i < numbers.length; i += 5000)
    for (const l of await deps.stores.learners.findByStudentNumbers(
      institutionId,
      numbers.slice(i, i + 5000),
    ))
      learners.set(l.studentNumber, l.id);
  const types = new Map(
    (await deps.stores.documentTypes.list(institutionId, { includeArchived: true })).map((t) => [t.code, t]),
  );
  const externalIds = [...new Set(rows.map((r) => r.values.externalId).filter(Boolean))];
  const issuedBefore = new Map(
    (await deps.stores.issuance.findByExternalIds(institutionId, externalIds)).map((d) => [d.externalId, d]),
  );
  const waiting = await deps.stores.batches.pendingExternalIds(institutionId, externalIds);

  const today = isoDay(deps.clock.now());
  const firstLine = new Map<string, number>();
  const fileLine = new Map<string, number>();
  const usedFiles = new Set<string>();
  const items: PlannedItem[] = [];
  let alreadyIssued = 0;
  const badLines = new Set(issues.flatMap((i) => (i.line === null ? [] : [i.line])));
  for (const { line, values: v } of rows) {
    const before = issues.length;
    const problem = (field: BatchIssue["field"], code: BatchIssueCode, message: Bilingual | null) => {
      if (message) rowIssue(line, field, code, message);
    };
    if (v.externalId) {
      problem("externalId", "too_long", externalIdProblem(v.externalId));
      const first = firstLine.get(v.externalId);
      if (first !== undefined)
        problem("externalId", "duplicate_external_id", {
          fr: `Identifiant externe en double : déjà à la ligne ${first}.`,
          en: `Duplicate external id: already on line ${first}.`,
        });
      else firstLine.set(v.externalId, line);
    }
    const learnerId = v.studentNumber ? learners.get(v.studentNumber) : undefined;
    if (v.studentNumber && !learnerId)
      problem("studentNumber", "learner_unknown", {
        fr: `Aucune personne étudiante n'a le numéro ${v.studentNumber} dans cet établissement : importez-la d'abord.`,
        en: `No learner has student number ${v.studentNumber} in this institution: import them first.`,
      });
    const type = v.documentType ? types.get(v.documentType.toUpperCase()) : undefined;
    if (v.documentType && !type)
      problem("documentType", "document_type_unknown", {
        fr: `Type de document inconnu : ${v.documentType}. Utilisez le code d'un type existant.`,
        en: `Unknown document type: ${v.documentType}. Use the code of an existing type.`,
      });
    else if (type?.archivedAt)
      problem("documentType", "document_type_archived", {
        fr: `Le type de document ${type.code} est archivé.`,
        en: `Document type ${type.code} is archived.`,
      });
    if (v.title) problem("title", "too_long", titleProblem(v.title));
    if (v.issueDate) {
      const dateProblem = issueDateProblem(v.issueDate, today);
      problem(
        "issueDate",
        /^\d{4}-\d{2}-\d{2}$/.test(v.issueDate) && dateProblem && v.issueDate > today
          ? "future_date"
          : "bad_date",
        dateProblem,
      );
    }
    const previous = v.externalId ? issuedBefore.get(v.externalId) : undefined;
    if (previous && learnerId && previous.learnerId !== learnerId)
      problem("externalId", "already_issued_other_learner", {
        fr: `L'identifiant externe ${v.externalId} a déjà servi pour le document d'une autre personne.`,
        en: `External id ${v.externalId} was already used for another learner's document.`,
      });
    const pdf = v.file ? files.get(v.file) : undefined;
    if (v.file) {
      usedFiles.add(v.file);
      const otherLine = fileLine.get(v.file);
      if (otherLine !== undefined)
        problem("file", "file_reused", {
          fr: `Le fichier ${v.file} sert déjà à la ligne ${otherLine}.`,
          en: `File ${v.file} is already used on line ${otherLine}.`,
        });
      else fileLine.set(v.file, line);
      if (!pdf && !brokenFiles.has(v.file))
        problem("file", "file_missing", {
          fr: `Fichier absent de l'archive : ${v.file}`,
          en: `File missing from the archive: ${v.file}`,
        });
      if (pdf && otherLine === undefined) {
        const code = await pdfProblem(pdf);
        if (code) problem("file", code, FILE_PROBLEMS[code](v.file));
      }
    }
    if (issues.length > before || badLines.has(line) || !learnerId || !type || !pdf) continue;
    if ((previous && previous.learnerId === learnerId) || waiting.has(v.externalId)) {
      alreadyIssued++;
      continue;
    }
    items.push({
      line,
      externalId: v.externalId,
      learnerId,
      documentTypeId: type.id,
      title: v.title,
      issueDate: v.issueDate,
      fileName: v.file,
      pdf,
    });
  }
  for (const name of files.keys())
    if (!usedFiles.has(name))
      add({
        line: null,
        field: "archive",
        file: name,
        code: "file_unused",
        message: {
          fr: `Fichier de l'archive absent du manifeste : ${name}. Retirez-le ou ajoutez sa ligne.`,
          en: `File in the archive but not in the manifest: ${name}. Remove it or add its row.`,
        },
      });
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { issues, items, alreadyIssued };
}

type PdfProblem = "file_not_pdf" | "file_encrypted" | "file_unreadable";

const FILE_PROBLEMS: Record<PdfProblem, (name: string) => Bilingual> = {
  file_not_pdf: (n) => ({
    fr: `${n} n'est pas un PDF (son contenu n'en est pas un, quelle que soit son extension).`,
    en: `${n} is not a PDF (its content is not one, whatever its extension).`,
  }),
  file_encrypted: (n) => ({
    fr: `${n} est un PDF protégé par mot de passe ou chiffré : il ne peut pas être signé.`,
    en: `${n} is a password-protected or encrypted PDF: it cannot be signed.`,
  }),
  file_unreadable: (n) => ({
    fr: `${n} est un PDF endommagé qui ne peut pas être lu.`,
    en: `${n} is a damaged PDF that cannot be read.`,
  }),
};

async function pdfProblem(bytes: Uint8Array): Promise<PdfProblem | null> {
  if (!looksLikePdf(bytes)) return "file_not_pdf";
  try {
    const file = await PdfFile.open(bytes);
    return file.trailer.map.has("Encrypt") ? "file_encrypted" : null;
  } catch {
    return "file_unreadable";
  }
}
