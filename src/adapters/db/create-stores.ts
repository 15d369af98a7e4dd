import type { Stores, Transact } from "../../core/ports.ts";
import { accountDataStore } from "./account-data-store.ts";
import { apiKeyStore } from "./api-key-store.ts";
import { archiveRenewalStore } from "./archive-renewal-store.ts";
import { auditStore } from "./audit-store.ts";
import { batchStore } from "./batch-store.ts";
import { dashboardStore } from "./dashboard-store.ts";
import { documentAccessStore } from "./document-access-store.ts";
import { documentStore } from "./document-store.ts";
import { documentTypeStore } from "./document-type-store.ts";
import { idempotencyStore } from "./idempotency-store.ts";
import { identityProviderStore } from "./identity-provider-store.ts";
import { institutionStore } from "./institution-store.ts";
import { invitationStore } from "./invitation-store.ts";
import { issuanceStore } from "./issuance-store.ts";
import { jobStore } from "./job-store.ts";
import { learnerInvitationStore } from "./learner-invitation-store.ts";
import { learnerStore } from "./learner-store.ts";
import { linkedAccountStore } from "./linked-account-store.ts";
import { membershipStore } from "./membership-store.ts";
import { ocspSignerStore } from "./ocsp-signer-store.ts";
import { oneTimeTokenStore } from "./one-time-token-store.ts";
import type { Db } from "./open-database.ts";
import { organizationInboxStore } from "./organization-inbox-store.ts";
import { organizationStore } from "./organization-store.ts";
import { paymentStore } from "./payment-store.ts";
import { portalAuthorityStore } from "./portal-authority-store.ts";
import { samlReplayStore } from "./saml-replay-store.ts";
import { sessionStore } from "./session-store.ts";
import { shareStore } from "./share-store.ts";
import { signingIdentityStore } from "./signing-identity-store.ts";
import { ssoTransactionStore } from "./sso-transaction-store.ts";
import { throttleStore } from "./throttle-store.ts";
import { twoFactorStore } from "./two-factor-store.ts";
import { userEmailStore } from "./user-email-store.ts";
import { userStore } from "./user-store.ts";
import { walletStore } from "./wallet-store.ts";

export function createStores(db: Db): Stores {
  return {
    organizations: organizationStore(db),
    organizationInbox: organizationInboxStore(db),
    users: userStore(db),
    userEmails: userEmailStore(db),
    memberships: membershipStore(db),
    sessions: sessionStore(db),
    tokens: oneTimeTokenStore(db),
    invitations: invitationStore(db),
    institutions: institutionStore(db),
    throttle: throttleStore(db),
    authorities: portalAuthorityStore(db),
    ocspSigners: ocspSignerStore(db),
    signingIdentities: signingIdentityStore(db),
    documents: documentStore(db),
    archive: archiveRenewalStore(db),
    learners: learnerStore(db),
    documentTypes: documentTypeStore(db),
    audit: auditStore(db),
    apiKeys: apiKeyStore(db),
    idempotency: idempotencyStore(db),
    dashboard: dashboardStore(db),
    jobs: jobStore(db),
    batches: batchStore(db),
    issuance: issuanceStore(db),
    learnerInvitations: learnerInvitationStore(db),
    wallet: walletStore(db),
    shares: shareStore(db),
    identityProviders: identityProviderStore(db),
    ssoTransactions: ssoTransactionStore(db),
    linkedAccounts: linkedAccountStore(db),
    twoFactor: twoFactorStore(db),
    accountData: accountDataStore(db),
    samlReplay: samlReplayStore(db),
    payments: paymentStore(db),
    documentAccess: documentAccessStore(db),
  };
}

export function createTransact(db: Db): Transact {
  return (fn) => db.transaction((tx) => fn(createStores(tx as unknown as Db)));
}
