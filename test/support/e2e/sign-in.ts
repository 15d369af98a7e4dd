import type { Page } from "playwright-core";
import { submitSignIn } from "../browser.ts";

interface Credentials {
  /** The server's base URL. */
  url: string;
  email: string;
  password: string;
}

/** Through the sign-in page, as a person does. */
export interface FormSignIn extends Credentials {
  /** The sign-in form's labels, from a catalog: `t.signIn`. */
  labels: { email: string; password: string; submit: string };
  /** Called on the sign-in page before the form is filled (e.g. to audit it). */
  beforeSubmit?: (page: Page) => Promise<unknown>;
  /** A URL pattern to wait for once submitted (e.g. `**\/wallet`). */
  waitForUrl?: string;
}

/** Through the API from the page (no sign-in page), setting the account's language too. */
export interface ApiSignIn extends Credentials {
  locale: "fr" | "en";
}

/** Signs `page` in, through the sign-in form or, given a `locale`, straight through the API. */
export async function signIn(page: Page, options: FormSignIn | ApiSignIn): Promise<void> {
  if ("locale" in options) {
    await page.goto(`${options.url}/`);
    await page.evaluate(
      async ([email, password, locale]) => {
        const { token } = await (await fetch("/api/v1/auth/csrf")).json();
        const headers = { "content-type": "application/json", "x-csrf-token": token };
        await fetch("/api/v1/auth/sign-in", {
          method: "POST",
          headers,
          body: JSON.stringify({ email, password }),
        });
        await fetch("/api/v1/auth/me", { method: "PATCH", headers, body: JSON.stringify({ locale }) });
      },
      [options.email, options.password, options.locale],
    );
    return;
  }
  await page.goto(`${options.url}/sign-in`);
  await options.beforeSubmit?.(page);
  await submitSignIn(page, options.labels, options.email, options.password);
  if (options.waitForUrl) await page.waitForURL(options.waitForUrl);
}
