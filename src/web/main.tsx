import "./styles/base.css";
import "./styles/layout.css";
import "./styles/header.css";
import "./styles/forms.css";
import "./styles/content.css";
import "./styles/tables.css";
import "./styles/institutions.css";
import "./styles/api-keys.css";
import "./styles/outbox.css";
import "./styles/verification.css";
import "./styles/record.css";
import "./styles/dashboard.css";
import "./styles/documents.css";
import "./styles/issuance.css";
import "./styles/two-factor.css";
import "./styles/organizations.css";
import "./styles/sign-on.css";
import "./styles/sharing.css";
import "./styles/wallet.css";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { RouterProvider } from "react-router/dom";
import { createQueryClient } from "./api/query-client.ts";
import { createI18n } from "./i18n/i18n.ts";
import { createRouter } from "./routes/router.tsx";

const container = document.getElementById("root");
if (!container) throw new Error("The page has no #root element.");

const i18n = createI18n();
const queryClient = createQueryClient();
const router = createRouter();

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
