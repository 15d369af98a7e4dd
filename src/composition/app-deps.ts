import type { Outbox } from "../adapters/mail/outbox-mailer.ts";
import type { CoreDeps } from "../core/ports.ts";
import type { QrMatrix } from "../core/signing/signing.types.ts";

/** What buildApp needs besides the config: the use cases' dependencies and a few server-only pieces. */
export interface AppDeps {
  core: CoreDeps;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  /** The development outbox when mail is not sent through SMTP. */
  outbox: Outbox | null;
  /** Secret for signing cookies (the CSRF secret cookie). */
  /** Cookie signing secrets: the first signs, any verifies (a master-key rotation). */
  cookieSecret: string | string[];
  /** Folder of the built web app, or null to serve the API only. */
  webRoot: string | null;
  version: string;
  /** The QR code of a text (the authenticator app's otpauth URI at two-factor enrolment). */
  qrMatrix(text: string): QrMatrix;
  /** DER certificates as one PEM text (the trust anchors a third party downloads). */
  derToPem(ders: readonly Uint8Array[]): string;
}
