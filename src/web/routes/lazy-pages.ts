import { type ComponentType, lazy } from "react";

/** A page whose code the browser fetches the first time it is shown (its own chunk in the build). */
const lazyPage = (load: () => Promise<ComponentType>) => lazy(async () => ({ default: await load() }));

// NotFoundPage and RouteErrorPage are not here: the guards and the error boundary need them at once.

export const AccountPage = lazyPage(() => import("./AccountPage.tsx").then((m) => m.AccountPage));
export const ActivatePage = lazyPage(() => import("./ActivatePage.tsx").then((m) => m.ActivatePage));
export const ApiKeysPage = lazyPage(() => import("./ApiKeysPage.tsx").then((m) => m.ApiKeysPage));
export const BatchesPage = lazyPage(() => import("./BatchesPage.tsx").then((m) => m.BatchesPage));
export const BatchPage = lazyPage(() => import("./BatchPage.tsx").then((m) => m.BatchPage));
export const ClaimPage = lazyPage(() => import("./ClaimPage.tsx").then((m) => m.ClaimPage));
export const ConfirmEmailPage = lazyPage(() =>
  import("./ConfirmEmailPage.tsx").then((m) => m.ConfirmEmailPage),
);
export const DevOutboxPage = lazyPage(() => import("./DevOutboxPage.tsx").then((m) => m.DevOutboxPage));
export const DocumentPage = lazyPage(() => import("./DocumentPage.tsx").then((m) => m.DocumentPage));
export const DocumentRecordPage = lazyPage(() =>
  import("./DocumentRecordPage.tsx").then((m) => m.DocumentRecordPage),
);
export const DocumentsPage = lazyPage(() => import("./DocumentsPage.tsx").then((m) => m.DocumentsPage));
export const DocumentTypesPage = lazyPage(() =>
  import("./DocumentTypesPage.tsx").then((m) => m.DocumentTypesPage),
);
export const EditInstitutionPage = lazyPage(() =>
  import("./EditInstitutionPage.tsx").then((m) => m.EditInstitutionPage),
);
export const EditOrganizationPage = lazyPage(() =>
  import("./EditOrganizationPage.tsx").then((m) => m.EditOrganizationPage),
);
export const ForgotPasswordPage = lazyPage(() =>
  import("./ForgotPasswordPage.tsx").then((m) => m.ForgotPasswordPage),
);
export const HomePage = lazyPage(() => import("./HomePage.tsx").then((m) => m.HomePage));
export const InstitutionAuditPage = lazyPage(() =>
  import("./InstitutionAuditPage.tsx").then((m) => m.InstitutionAuditPage),
);
export const InstitutionOverviewPage = lazyPage(() =>
  import("./InstitutionOverviewPage.tsx").then((m) => m.InstitutionOverviewPage),
);
export const InstitutionPage = lazyPage(() => import("./InstitutionPage.tsx").then((m) => m.InstitutionPage));
export const InstitutionRevenuePage = lazyPage(() =>
  import("./InstitutionRevenuePage.tsx").then((m) => m.InstitutionRevenuePage),
);
export const InvitationPage = lazyPage(() => import("./InvitationPage.tsx").then((m) => m.InvitationPage));
export const IssueDocumentPage = lazyPage(() =>
  import("./IssueDocumentPage.tsx").then((m) => m.IssueDocumentPage),
);
export const LearnerPage = lazyPage(() => import("./LearnerPage.tsx").then((m) => m.LearnerPage));
export const LearnersPage = lazyPage(() => import("./LearnersPage.tsx").then((m) => m.LearnersPage));
export const MyOrganizationsPage = lazyPage(() =>
  import("./MyOrganizationsPage.tsx").then((m) => m.MyOrganizationsPage),
);
export const NewInstitutionPage = lazyPage(() =>
  import("./NewInstitutionPage.tsx").then((m) => m.NewInstitutionPage),
);
export const NewOrganizationPage = lazyPage(() =>
  import("./NewOrganizationPage.tsx").then((m) => m.NewOrganizationPage),
);
export const OperatorAuditPage = lazyPage(() =>
  import("./OperatorAuditPage.tsx").then((m) => m.OperatorAuditPage),
);
export const OperatorInstitutionsPage = lazyPage(() =>
  import("./OperatorInstitutionsPage.tsx").then((m) => m.OperatorInstitutionsPage),
);
export const OperatorOrganizationsPage = lazyPage(() =>
  import("./OperatorOrganizationsPage.tsx").then((m) => m.OperatorOrganizationsPage),
);
export const OperatorSignOnProvidersPage = lazyPage(() =>
  import("./OperatorSignOnProvidersPage.tsx").then((m) => m.OperatorSignOnProvidersPage),
);
export const OperatorUsersPage = lazyPage(() =>
  import("./OperatorUsersPage.tsx").then((m) => m.OperatorUsersPage),
);
export const OrganizationInboxPage = lazyPage(() =>
  import("./OrganizationInboxPage.tsx").then((m) => m.OrganizationInboxPage),
);
export const OrganizationInvitationPage = lazyPage(() =>
  import("./OrganizationInvitationPage.tsx").then((m) => m.OrganizationInvitationPage),
);
export const PaymentsPage = lazyPage(() => import("./PaymentsPage.tsx").then((m) => m.PaymentsPage));
export const PrivacyPage = lazyPage(() => import("./PrivacyPage.tsx").then((m) => m.PrivacyPage));
export const ResetPasswordPage = lazyPage(() =>
  import("./ResetPasswordPage.tsx").then((m) => m.ResetPasswordPage),
);
export const ShareDocumentsPage = lazyPage(() =>
  import("./ShareDocumentsPage.tsx").then((m) => m.ShareDocumentsPage),
);
export const SharePage = lazyPage(() => import("./SharePage.tsx").then((m) => m.SharePage));
export const SharesHistoryPage = lazyPage(() =>
  import("./SharesHistoryPage.tsx").then((m) => m.SharesHistoryPage),
);
export const SignInPage = lazyPage(() => import("./SignInPage.tsx").then((m) => m.SignInPage));
export const SignOnSettingsPage = lazyPage(() =>
  import("./SignOnSettingsPage.tsx").then((m) => m.SignOnSettingsPage),
);
export const TermsPage = lazyPage(() => import("./TermsPage.tsx").then((m) => m.TermsPage));
export const VerifyPage = lazyPage(() => import("./VerifyPage.tsx").then((m) => m.VerifyPage));
export const WalletPage = lazyPage(() => import("./WalletPage.tsx").then((m) => m.WalletPage));
