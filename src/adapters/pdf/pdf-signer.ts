import { createHash } from "node:crypto";
import { createCmsTemplate } from "../../core/signing/cms-template.ts";
import { prepareSignatureUpdate } from "../../core/signing/prepare-signature-update.ts";
import type { PdfSigner, SignatureFields } from "../../core/signing/signing.types.ts";
import { nodeInflate } from "./node-inflate.ts";
import { nodeSignatureKey, type SignatureKey } from "./signature-key.ts";
import { spliceContents } from "./splice-contents.ts";
import { requestTimestamp } from "./timestamp-client.ts";

/** Options of {@link createPdfSigner}. */
export type PdfSignerOptions = PdfSignerCommon &
  (
    | {
        /** The signer's private key, PKCS#8 DER (unencrypted; open it from its envelope first). */
        privateKeyPkcs8: Uint8Array;
      }
    | {
        /** A key held elsewhere (a hardware token): only its signature operation is called. */
        key: SignatureKey;
      }
  );

interface PdfSignerCommon {
  /** Signer certificate first, then the issuing CA (and optionally the root), DER. */
  chainDer: readonly Uint8Array[];
  /** RFC 3161 timestamp authority; when set, signatures are PAdES B-T. */
  tsaUrl?: string;
  /** Fetch implementation for the TSA (default: global fetch). */
  fetch?: typeof fetch;
  /** Bytes reserved for the timestamp token (default 12 KiB). */
  timestampReserve?: number;
}

/**
 * Creates a PAdES B-B (or B-T with `tsaUrl`) signer for one signing identity. Everything that does
 * not depend on the document — certificate set, ESS signing-certificate-v2, signer identifier,
 * key — is computed here, once; `sign` then only appends the incremental update, hashes
 * the byte ranges, signs the small signed-attributes set and splices the CMS into /Contents.
 */
export function createPdfSigner(options: PdfSignerOptions): PdfSigner {
  const key = "key" in options ? options.key : nodeSignatureKey(options.privateKeyPkcs8);
  const signerCert = options.chainDer[0];
  if (!signerCert) throw new Error("the certificate chain is empty");
  const template = createCmsTemplate({
    chainDer: options.chainDer,
    keyType: key.type,
    signerCertSha256: createHash("sha256").update(signerCert).digest(),
  });
  const maxSignature = key.maxSignatureBytes;
  const capacity =
    Math.ceil(
      (template.sizeBound(maxSignature) + (options.tsaUrl ? (options.timestampReserve ?? 12_288) : 0)) / 64,
    ) * 64;

  return {
    async sign(pdf: Uint8Array, fields: SignatureFields): Promise<Uint8Array> {
      const prepared = await prepareSignatureUpdate(
        pdf,
        { fields, contentsCapacity: capacity },
        { inflate: nodeInflate },
      );
      const [, a, b] = prepared.byteRange;
      const out = prepared.bytes;
      const digest = createHash("sha256").update(out.subarray(0, a)).update(out.subarray(b)).digest();
      const attrs = template.signedAttributes(digest);
      const signature = await key.sign(attrs);
      const token = options.tsaUrl
        ? await requestTimestamp(signature, {
            tsaUrl: options.tsaUrl,
            ...(options.fetch ? { fetch: options.fetch } : {}),
          })
        : undefined;
      return spliceContents(prepared, template.assemble(attrs, signature, token));
    },
  };
}
