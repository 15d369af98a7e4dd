import { runBatch } from "../issuance/run-batch.ts";
import { sendLearnerInvitation } from "../learner-invitations/send-learner-invitation.ts";
import { sendNewDocumentsEmail } from "../learner-invitations/send-new-documents-email.ts";
import type { MailMessage } from "../ports.ts";
import type { JobHandler } from "./job-handler.ts";
import { QUEUES, type QueueName } from "./queues.ts";
import { runMaintenance } from "./run-maintenance.ts";

const sendMail: JobHandler = (deps, { job }) => deps.mailer.send(job.payload.message as MailMessage);

/** What runs each queue's jobs. */
export const JOB_HANDLERS: Record<QueueName, JobHandler> = {
  [QUEUES.mail]: sendMail,
  [QUEUES.inviteLearner]: sendLearnerInvitation,
  [QUEUES.newDocuments]: sendNewDocumentsEmail,
  [QUEUES.runBatch]: runBatch,
  [QUEUES.maintenance]: runMaintenance,
};
