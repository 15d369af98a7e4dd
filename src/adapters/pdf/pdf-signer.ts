import { createHash, createPrivateKey, type KeyObject, sign as nodeSign } from "node:crypto";
import { createCmsTemplate, type SignerKeyType } from "../../core/signing/cms-template.ts";
import { prepareSignatureUpdate } from "../../core/signing/prepare-signature-update.ts";
import type { PdfSigner, SignatureFields } from "../../core/signing/signing.types.ts";
import { nodeInflate } from "./node-inflate.ts";
import { spliceContents } from "./splice-contents.ts";
import { requestTimestamp } from "./timestamp-client.ts";

/** Options of {@link createPdfSigner}. */
export interface PdfSignerOptions {
  /** Signer certificate first, then the issuing CA (and optionally the root), DER. */
  chainDer: readonly Uint8Array[];
  /** The signer's private key, PKCS#8 DER (unencrypted; open it from its envelope first). */
  privateKeyPkcs8: Uint8Array;
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
 * key object — is computed here, once; `sign` then only appends the incremental update, hashes
 * the byte ranges, signs the small signed-attributes set and splices the CMS into /Contents.
 */
export function createPdfSigner(options: PdfSignerOptions): PdfSigner {
  const key: KeyObject = createPrivateKey({
    key: Buffer.from(options.privateKeyPkcs8),
    format: "der",
    type: "pkcs8",
  });
  const keyType: SignerKeyType = key.asymmetricKeyType === "ec" ? "ec" : "rsa";
  if (key.asymmetricKeyType !== "ec" && key.asymmetricKeyType !== "rsa")
    throw new Error("only RSA and ECDSA keys are supported");
  const signerCert = options.chainDer[0];
  if (!signerCert) throw new Error("the certificate chain is empty");
  const template = createCmsTemplate({
    chainDer: options.chainDer,
    keyType,
    signerCertSha256: createHash("sha256").update(signerCert).digest(),
  });
  const maxSignature =
    keyType === "rsa" ? Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 4096) / 8) : 80;
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
      const signature = nodeSign("sha256", attrs, { key, dsaEncoding: "der" });
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
