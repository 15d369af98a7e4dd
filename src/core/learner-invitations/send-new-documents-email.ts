import type { JobHandler } from "../jobs/job-handler.ts";
import { newDocumentsEmail } from "./learner-emails.ts";

/** Job: tells a learner who was already invited that new documents are in their wallet. */
export const sendNewDocumentsEmail: JobHandler = async (deps, { job }) => {
  const { stores } = deps;
  const institutionId = String(job.payload.institutionId);
  const [learner, institution] = await Promise.all([
    stores.learners.findById(institutionId, String(job.payload.learnerId)),
    stores.institutions.findById(institutionId),
  ]);
  const to = learner?.personalEmail ?? learner?.institutionalEmail;
  if (!learner || !institution || !to) return;
  const ids = Array.isArray(job.payload.documentIds) ? job.payload.documentIds.map(String) : [];
  const docs = await Promise.all(
    ids.slice(0, 11).map((id) => stores.documents.findInInstitution(institutionId, id)),
  );
  const titles = docs.flatMap((d) => (d && d.status === "active" ? [d.title] : []));
  if (titles.length === 0) return;
  if (ids.length > 11) titles.push(...Array(ids.length - 11).fill("…"));
  await deps.mailer.send(
    newDocumentsEmail({
      to,
      locale: learner.locale,
      givenName: learner.givenName,
      institution,
      publicUrl: deps.settings.publicUrl,
      titles,
    }),
  );
};
