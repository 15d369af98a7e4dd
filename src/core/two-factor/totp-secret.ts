import type { CoreDeps } from "../ports.ts";

/** The SecretBox purpose of a user's TOTP secret: bound to the user, so a copied row does not open. */
export const totpSecretPurpose = (userId: string) => `totp-secret:${userId}`;
const purpose = totpSecretPurpose;

export const sealTotpSecret = (
  deps: Pick<CoreDeps, "secretBox">,
  userId: string,
  secret: string,
): Uint8Array => deps.secretBox.seal(purpose(userId), secret);

export const openTotpSecret = (
  deps: Pick<CoreDeps, "secretBox">,
  userId: string,
  sealed: Uint8Array,
): string => deps.secretBox.open(purpose(userId), sealed);
