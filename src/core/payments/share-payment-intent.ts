import type { SecretBox } from "../ports.ts";
import type { ShareInput } from "../sharing/sharing.types.ts";

/**
 * What a share payment keeps in payments.intent: the share's validated parameters (the passcode
 * sealed, never in clear), then, once paid, the new share's id and its link sealed until the owner
 * takes it once from the confirmation page (then erased), or why the share could not be made.
 */
export interface SharePaymentIntent {
  share: ShareInput;
  sealedPasscode?: string | null;
  shareId?: string | null;
  sealedLink?: string | null;
  shareError?: string | null;
}

/** The passcode is sealed for its user (before the payment row exists), the link for its payment. */
export const sharePaymentSecretPurpose = (key: string, what: "passcode" | "link") =>
  `share-payment-${what}:${key}`;
const purpose = sharePaymentSecretPurpose;

const toBase64 = (bytes: Uint8Array) => {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export const sealFor = (box: SecretBox, key: string, what: "passcode" | "link", text: string) =>
  toBase64(box.seal(purpose(key, what), text));

export const openFor = (box: SecretBox, key: string, what: "passcode" | "link", sealed: string) =>
  box.open(purpose(key, what), fromBase64(sealed));

export const asShareIntent = (intent: Record<string, unknown>): SharePaymentIntent | null =>
  intent && typeof intent.share === "object" && intent.share !== null
    ? (intent as unknown as SharePaymentIntent)
    : null;

/** The ShareInput to create, with its passcode opened again. */
export function shareInputOf(box: SecretBox, userId: string, intent: SharePaymentIntent): ShareInput {
  const passcode = intent.sealedPasscode ? openFor(box, userId, "passcode", intent.sealedPasscode) : null;
  return { ...intent.share, passcode };
}
