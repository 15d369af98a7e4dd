import { createBrowserRouter, Outlet, type Params, type RouteObject } from "react-router";
import type { CurrentUser } from "../../core/accounts/accounts.types.ts";
import { Layout } from "../components/Layout.tsx";
import { RequireAuth } from "../features/auth/RequireAuth.tsx";
import { isInstitutionAdmin, isInstitutionStaff, isOperator } from "../lib/roles.ts";
import { LazyOutlet } from "./LazyOutlet.tsx";
import {
  AccountPage,
  ActivatePage,
  ApiKeysPage,
  BatchesPage,
  BatchPage,
  ClaimPage,
  ConfirmEmailPage,
  DevOutboxPage,
  DocumentPage,
  DocumentRecordPage,
  DocumentsPage,
  DocumentTypesPage,
  EditInstitutionPage,
  EditOrganizationPage,
  ForgotPasswordPage,
  HomePage,
  InstitutionAuditPage,
  InstitutionOverviewPage,
  InstitutionPage,
  InstitutionRevenuePage,
  InvitationPage,
  IssueDocumentPage,
  LearnerPage,
  LearnersPage,
  MyOrganizationsPage,
  NewInstitutionPage,
  NewOrganizationPage,
  OperatorAuditPage,
  OperatorInstitutionsPage,
  OperatorOrganizationsPage,
  OperatorSignOnProvidersPage,
  OperatorUsersPage,
  OrganizationInboxPage,
  OrganizationInvitationPage,
  PaymentsPage,
  PrivacyPage,
  ResetPasswordPage,
  ShareDocumentsPage,
  SharePage,
  SharesHistoryPage,
  SignInPage,
  SignOnSettingsPage,
  TermsPage,
  VerifyPage,
  WalletPage,
} from "./lazy-pages.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { RouteErrorPage } from "./RouteErrorPage.tsx";

type Allow = (user: CurrentUser, params: Readonly<Params<string>>) => boolean;

const operatorOnly: Allow = (user) => isOperator(user);
const operatorOrStaff: Allow = (user, params) =>
  isOperator(user) || isInstitutionStaff(user, params.slug ?? "");
const operatorOrAdmin: Allow = (user, params) =>
  isOperator(user) || isInstitutionAdmin(user, params.slug ?? "");

/**
 * A layout route for pages behind one guard: anonymous visitors go to the sign-in page (and come
 * back), signed-in people `allow` refuses get the "not found" page. Without `allow`, anyone signed in.
 * The guard decides before the page's code is fetched.
 */
function guarded(allow: Allow | undefined, children: RouteObject[]): RouteObject {
  return {
    element: (
      <RequireAuth allow={allow}>
        <Outlet />
      </RequireAuth>
    ),
    children,
  };
}

/** Anyone, signed in or not. */
const publicPages: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: "sign-in", element: <SignInPage /> },
  { path: "forgot-password", element: <ForgotPasswordPage /> },
  { path: "reset-password", element: <ResetPasswordPage /> },
  { path: "invitation", element: <InvitationPage /> },
  { path: "organization-invitation", element: <OrganizationInvitationPage /> },
  { path: "verify", element: <VerifyPage /> },
  { path: "v/:id", element: <DocumentRecordPage /> },
  { path: "s/:token", element: <SharePage /> },
  { path: "claim", element: <ClaimPage /> },
  { path: "activate", element: <ActivatePage /> },
  { path: "confirm-email", element: <ConfirmEmailPage /> },
  { path: "terms", element: <TermsPage /> },
  { path: "privacy", element: <PrivacyPage /> },
  { path: "dev/outbox", element: <DevOutboxPage /> },
  { path: "dev/outbox/:id", element: <DevOutboxPage /> },
];

/** Anyone signed in: the wallet, the account, the organizations one belongs to (the API checks more). */
const signedInPages = guarded(undefined, [
  { path: "account", element: <AccountPage /> },
  { path: "wallet", element: <WalletPage /> },
  { path: "wallet/share", element: <ShareDocumentsPage /> },
  { path: "wallet/payments", element: <PaymentsPage /> },
  { path: "wallet/shares", element: <SharesHistoryPage /> },
  { path: "organizations", element: <MyOrganizationsPage /> },
  { path: "organizations/:slug/inbox", element: <OrganizationInboxPage /> },
]);

/** The operator's console. */
const operatorPages = guarded(operatorOnly, [
  { path: "operator/institutions", element: <OperatorInstitutionsPage /> },
  { path: "operator/institutions/new", element: <NewInstitutionPage /> },
  { path: "operator/institutions/:slug", element: <EditInstitutionPage /> },
  { path: "operator/organizations", element: <OperatorOrganizationsPage /> },
  { path: "operator/organizations/new", element: <NewOrganizationPage /> },
  { path: "operator/organizations/:slug", element: <EditOrganizationPage /> },
  { path: "operator/users", element: <OperatorUsersPage /> },
  { path: "operator/audit", element: <OperatorAuditPage /> },
  { path: "operator/sign-on-providers", element: <OperatorSignOnProvidersPage /> },
]);

/** An institution's pages for any of its staff (and the operator). */
const institutionStaffPages = guarded(operatorOrStaff, [
  { path: "institutions/:slug", element: <InstitutionOverviewPage /> },
  { path: "institutions/:slug/staff", element: <InstitutionPage /> },
  { path: "institutions/:slug/learners", element: <LearnersPage /> },
  { path: "institutions/:slug/learners/:id", element: <LearnerPage /> },
  { path: "institutions/:slug/documents", element: <DocumentsPage /> },
  { path: "institutions/:slug/documents/new", element: <IssueDocumentPage /> },
  { path: "institutions/:slug/documents/:id", element: <DocumentPage /> },
  { path: "institutions/:slug/batches", element: <BatchesPage /> },
  { path: "institutions/:slug/batches/:id", element: <BatchPage /> },
  { path: "institutions/:slug/document-types", element: <DocumentTypesPage /> },
]);

/** An institution's pages for its administrators (and the operator). */
const institutionAdminPages = guarded(operatorOrAdmin, [
  { path: "institutions/:slug/audit", element: <InstitutionAuditPage /> },
  { path: "institutions/:slug/revenue", element: <InstitutionRevenuePage /> },
  { path: "institutions/:slug/api-keys", element: <ApiKeysPage /> },
  { path: "institutions/:slug/sign-on", element: <SignOnSettingsPage /> },
]);

export function createRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      children: [
        {
          element: <LazyOutlet />,
          errorElement: <RouteErrorPage />,
          children: [
            ...publicPages,
            signedInPages,
            operatorPages,
            institutionStaffPages,
            institutionAdminPages,
            { path: "*", element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
