import { createBrowserRouter, type Params } from "react-router";
import type { CurrentUser } from "../../core/accounts/accounts.types.ts";
import { Layout } from "../components/Layout.tsx";
import { RequireAuth } from "../features/auth/RequireAuth.tsx";
import { isInstitutionAdmin, isInstitutionStaff, isOperator } from "../lib/roles.ts";
import { AccountPage } from "./AccountPage.tsx";
import { ActivatePage } from "./ActivatePage.tsx";
import { ApiKeysPage } from "./ApiKeysPage.tsx";
import { BatchesPage } from "./BatchesPage.tsx";
import { BatchPage } from "./BatchPage.tsx";
import { ClaimPage } from "./ClaimPage.tsx";
import { ConfirmEmailPage } from "./ConfirmEmailPage.tsx";
import { DevOutboxPage } from "./DevOutboxPage.tsx";
import { DocumentPage } from "./DocumentPage.tsx";
import { DocumentRecordPage } from "./DocumentRecordPage.tsx";
import { DocumentsPage } from "./DocumentsPage.tsx";
import { DocumentTypesPage } from "./DocumentTypesPage.tsx";
import { EditInstitutionPage } from "./EditInstitutionPage.tsx";
import { EditOrganizationPage } from "./EditOrganizationPage.tsx";
import { ForgotPasswordPage } from "./ForgotPasswordPage.tsx";
import { HomePage } from "./HomePage.tsx";
import { InstitutionAuditPage } from "./InstitutionAuditPage.tsx";
import { InstitutionOverviewPage } from "./InstitutionOverviewPage.tsx";
import { InstitutionPage } from "./InstitutionPage.tsx";
import { InstitutionRevenuePage } from "./InstitutionRevenuePage.tsx";
import { InvitationPage } from "./InvitationPage.tsx";
import { IssueDocumentPage } from "./IssueDocumentPage.tsx";
import { LearnerPage } from "./LearnerPage.tsx";
import { LearnersPage } from "./LearnersPage.tsx";
import { MyOrganizationsPage } from "./MyOrganizationsPage.tsx";
import { NewInstitutionPage } from "./NewInstitutionPage.tsx";
import { NewOrganizationPage } from "./NewOrganizationPage.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { OperatorAuditPage } from "./OperatorAuditPage.tsx";
import { OperatorInstitutionsPage } from "./OperatorInstitutionsPage.tsx";
import { OperatorOrganizationsPage } from "./OperatorOrganizationsPage.tsx";
import { OperatorSignOnProvidersPage } from "./OperatorSignOnProvidersPage.tsx";
import { OperatorUsersPage } from "./OperatorUsersPage.tsx";
import { OrganizationInboxPage } from "./OrganizationInboxPage.tsx";
import { OrganizationInvitationPage } from "./OrganizationInvitationPage.tsx";
import { PaymentsPage } from "./PaymentsPage.tsx";
import { PrivacyPage } from "./PrivacyPage.tsx";
import { ResetPasswordPage } from "./ResetPasswordPage.tsx";
import { RouteErrorPage } from "./RouteErrorPage.tsx";
import { ShareDocumentsPage } from "./ShareDocumentsPage.tsx";
import { SharePage } from "./SharePage.tsx";
import { SharesHistoryPage } from "./SharesHistoryPage.tsx";
import { SignInPage } from "./SignInPage.tsx";
import { SignOnSettingsPage } from "./SignOnSettingsPage.tsx";
import { TermsPage } from "./TermsPage.tsx";
import { VerifyPage } from "./VerifyPage.tsx";
import { WalletPage } from "./WalletPage.tsx";

const operatorOnly = (user: CurrentUser) => isOperator(user);
const operatorOrStaff = (user: CurrentUser, params: Readonly<Params<string>>) =>
  isOperator(user) || isInstitutionStaff(user, params.slug ?? "");
const operatorOrAdmin = (user: CurrentUser, params: Readonly<Params<string>>) =>
  isOperator(user) || isInstitutionAdmin(user, params.slug ?? "");

export function createRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      children: [
        {
          errorElement: <RouteErrorPage />,
          children: [
            { index: true, element: <HomePage /> },
            { path: "sign-in", element: <SignInPage /> },
            { path: "forgot-password", element: <ForgotPasswordPage /> },
            { path: "reset-password", element: <ResetPasswordPage /> },
            { path: "invitation", element: <InvitationPage /> },
            { path: "organization-invitation", element: <OrganizationInvitationPage /> },
            {
              path: "organizations",
              element: (
                <RequireAuth>
                  <MyOrganizationsPage />
                </RequireAuth>
              ),
            },
            {
              path: "organizations/:slug/inbox",
              element: (
                <RequireAuth>
                  <OrganizationInboxPage />
                </RequireAuth>
              ),
            },
            {
              path: "operator/organizations",
              element: (
                <RequireAuth allow={operatorOnly}>
                  <OperatorOrganizationsPage />
                </RequireAuth>
              ),
            },
            {
              path: "operator/organizations/new",
              element: (
                <RequireAuth allow={operatorOnly}>
                  <NewOrganizationPage />
                </RequireAuth>
              ),
            },
            {
              path: "operator/organizations/:slug",
              element: (
                <RequireAuth allow={operatorOnly}>
                  <EditOrganizationPage />
                </RequireAuth>
              ),
            },
            { path: "verify", element: <VerifyPage /> },
            { path: "v/:id", element: <DocumentRecordPage /> },
            { path: "s/:token", element: <SharePage /> },
            { path: "claim", element: <ClaimPage /> },
            { path: "activate", element: <ActivatePage /> },
            { path: "confirm-email", element: <ConfirmEmailPage /> },
            { path: "terms", element: <TermsPage /> },
            { path: "privacy", element: <PrivacyPage /> },
            {
              path: "wallet",
              element: (
                <RequireAuth>
                  <WalletPage />
                </RequireAuth>
              ),
            },
            {
              path: "wallet/share",
              element: (
                <RequireAuth>
                  <ShareDocumentsPage />
                </RequireAuth>
              ),
            },
            {
              path: "wallet/payments",
              element: (
                <RequireAuth>
                  <PaymentsPage />
                </RequireAuth>
              ),
            },
            {
              path: "wallet/shares",
              element: (
                <RequireAuth>
                  <SharesHistoryPage />
                </RequireAuth>
              ),
            },
            {
              path: "account",
              element: (
                <RequireAuth>
                  <AccountPage />
                </RequireAuth>
              ),
            },
            {
              path: "operator/institutions",
              element: (
                <RequireAuth allow={operatorOnly}>
                  <OperatorInstitutionsPage />
                </RequireAuth>
              ),
            },
            {
              path: "operator/institutions/new",
              element: (
                <RequireAuth allow={operatorOnly}>
                  <NewInstitutionPage />
                </RequireAuth>
              ),
            },
            {
              path: "operator/institutions/:slug",
              element: (
                <RequireAuth allow={operatorOnly}>
                  <EditInstitutionPage />
                </RequireAuth>
              ),
            },
            {
              path: "operator/audit",
              element: (
                <RequireAuth allow={operatorOnly}>
                  <OperatorAuditPage />
                </RequireAuth>
              ),
            },
            {
              path: "operator/sign-on-providers",
              element: (
                <RequireAuth allow={operatorOnly}>
                  <OperatorSignOnProvidersPage />
                </RequireAuth>
              ),
            },
            {
              path: "institutions/:slug/sign-on",
              element: (
                <RequireAuth allow={operatorOrAdmin}>
                  <SignOnSettingsPage />
                </RequireAuth>
              ),
            },
            {
              path: "operator/users",
              element: (
                <RequireAuth allow={operatorOnly}>
                  <OperatorUsersPage />
                </RequireAuth>
              ),
            },
            {
              path: "institutions/:slug",
              element: (
                <RequireAuth allow={operatorOrStaff}>
                  <InstitutionOverviewPage />
                </RequireAuth>
              ),
            },
            {
              path: "institutions/:slug/staff",
              element: (
                <RequireAuth allow={operatorOrStaff}>
                  <InstitutionPage />
                </RequireAuth>
              ),
            },
            {
              path: "institutions/:slug/audit",
              element: (
                <RequireAuth allow={operatorOrAdmin}>
                  <InstitutionAuditPage />
                </RequireAuth>
              ),
            },
            {
              path: "institutions/:slug/revenue",
              element: (
                <RequireAuth allow={operatorOrAdmin}>
                  <InstitutionRevenuePage />
                </RequireAuth>
              ),
            },
            {
              path: "institutions/:slug/learners",
              element: (
                <RequireAuth allow={operatorOrStaff}>
                  <LearnersPage />
                </RequireAuth>
              ),
            },
            {
              path: "institutions/:slug/learners/:id",
              element: (
                <RequireAuth allow={operatorOrStaff}>
                  <LearnerPage />
                </RequireAuth>
              ),
            },
            {
              path: "institutions/:slug/documents",
              element: (
                <RequireAuth allow={operatorOrStaff}>
                  <DocumentsPage />
                </RequireAuth>
              ),
            },
            {
              path: "institutions/:slug/documents/new",
              element: (
                <RequireAuth allow={operatorOrStaff}>
                  <IssueDocumentPage />
                </RequireAuth>
              ),
            },
            {
              path: "institutions/:slug/batches",
              element: (
                <RequireAuth allow={operatorOrStaff}>
                  <BatchesPage />
                </RequireAuth>
              ),
            },
            {
              path: "institutions/:slug/batches/:id",
              element: (
                <RequireAuth allow={operatorOrStaff}>
                  <BatchPage />
                </RequireAuth>
              ),
            },
            {
              path: "institutions/:slug/documents/:id",
              element: (
                <RequireAuth allow={operatorOrStaff}>
                  <DocumentPage />
                </RequireAuth>
              ),
            },
            {
              path: "institutions/:slug/document-types",
              element: (
                <RequireAuth allow={operatorOrStaff}>
                  <DocumentTypesPage />
                </RequireAuth>
              ),
            },
            {
              path: "institutions/:slug/api-keys",
              element: (
                <RequireAuth allow={operatorOrAdmin}>
                  <ApiKeysPage />
                </RequireAuth>
              ),
            },
            { path: "dev/outbox", element: <DevOutboxPage /> },
            { path: "dev/outbox/:id", element: <DevOutboxPage /> },
            { path: "*", element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
