import { escapeHtml } from "../../../core/mail/escape-html.ts";
import type { TestCheckout } from "../../../core/payments/get-test-checkout.ts";
import { renderPage } from "../../pages/page-shell.ts";

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1a202c}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px;border:1px solid #cbd5e0}
.banner{background:#7a1d00;color:#fff;padding:1rem;border-radius:6px;font-weight:700;font-size:1.1rem}
.banner p{margin:.25rem 0}
dl{display:grid;grid-template-columns:auto 1fr;gap:.5rem 1rem}
dt{font-weight:600}
.actions{display:flex;gap:1rem;flex-wrap:wrap;margin-top:1.5rem}
button{font:inherit;font-size:1rem;padding:.75rem 1.25rem;border-radius:6px;border:2px solid #1f3a5f;cursor:pointer}
.pay{background:#1f3a5f;color:#fff}
.cancel{background:#fff;color:#1f3a5f}
button:focus-visible{outline:3px solid #b8860b;outline-offset:2px}
`;

const form = (action: string, event: { body: string; signature: string }, cls: string, label: string) =>
  `<form method="post" action="${escapeHtml(action)}">
  <input type="hidden" name="event" value="${escapeHtml(event.body)}">
  <input type="hidden" name="signature" value="${escapeHtml(event.signature)}">
  <button type="submit" class="${cls}">${label}</button>
</form>`;

/** The development gateway's checkout page, in French and English, clearly marked as a test (its CSP: ownStyleCsp). */
export function renderTestCheckoutPage(
  c: TestCheckout,
  nonce: string,
  action: string,
  events: { paid: { body: string; signature: string }; expired: { body: string; signature: string } } | null,
): string {
  const e = escapeHtml;
  const main = `<div class="banner" role="note">
<p>TEST — aucun argent n'est débité</p>
<p lang="en">TEST — no money moves</p>
</div>
<h1>Paiement de test <span lang="en">/ Test checkout</span></h1>
<p>Passerelle de paiement de développement de Sceau. <span lang="en">Sceau's development payment gateway.</span></p>
<dl>
<dt>Document</dt><dd>${e(c.document)}</dd>
<dt>Établissement <span lang="en">/ Institution</span></dt><dd>${e(c.institution.fr)}</dd>
<dt>Montant <span lang="en">/ Amount</span></dt><dd>${e(c.amount.fr)} <span lang="en">(${e(c.amount.en)})</span></dd>
</dl>
${
  events
    ? `<div class="actions">
${form(action, events.paid, "pay", `Payer ${e(c.amount.fr)} <span lang="en">/ Pay</span>`)}
${form(action, events.expired, "cancel", `Annuler <span lang="en">/ Cancel</span>`)}
</div>`
    : `<p>Ce paiement n'est plus ouvert. <span lang="en">This checkout is no longer open.</span></p>
<p><a href="${e(c.cancelUrl)}">Retour au portefeuille <span lang="en">/ Back to the wallet</span></a></p>`
}`;
  return renderPage({
    title: { fr: "Paiement de test", en: "Test checkout" },
    style: { css: STYLE, nonce },
    main,
  });
}
