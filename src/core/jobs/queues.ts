/** The job queues and what their payloads hold. */
export const QUEUES = {
  /** {message: MailMessage}: an email rendered when enqueued (it holds no secret). */
  mail: "mail",
  /** {invitationId}: creates the learner's access code and claim password, then emails them. */
  inviteLearner: "learner.invite",
  /** {learnerId, documentIds}: tells an invited learner that new documents are waiting. */
  newDocuments: "learner.new-documents",
  /** {batchId}: issues a batch's pending rows. */
  runBatch: "batch.run",
  /** {}: the periodic maintenance (expired checkouts, sign-on transactions, idempotency records); it queues its next run. */
  maintenance: "maintenance",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
