import { compareBytes, concat, derChildren, oid, readDer, tlv } from "./der.ts";
import { OID } from "./oids.ts";

/** The signer's key family: decides the CMS signatureAlgorithm. */
export type SignerKeyType = "rsa" | "ec";

/**
 * Everything of a CMS SignedData that does not change between documents, encoded once.
 * Per document only the message digest, the signature value and (B-T) the timestamp token change.
 */
export interface CmsTemplate {
  /** The DER `SET OF Attribute` to sign: content-type, message-digest(digest), signing-certificate-v2. */
  signedAttributes(digest: Uint8Array): Uint8Array;
  /** The ContentInfo(SignedData) DER around a signature over {@link signedAttributes}. */
  assemble(signedAttributes: Uint8Array, signature: Uint8Array, timestampToken?: Uint8Array): Uint8Array;
  /** An upper bound of the DER size without timestamp, for a signature of at most `maxSignatureLength` bytes. */
  sizeBound(maxSignatureLength: number): number;
}

/** Inputs of {@link createCmsTemplate}. */
export interface CmsTemplateInput {
  /** The signer certificate first, then its issuers (the root may be left out). */
  chainDer: readonly Uint8Array[];
  keyType: SignerKeyType;
  /** SHA-256 of the signer certificate's DER, for ESS signing-certificate-v2. */
  signerCertSha256: Uint8Array;
}

/** Builds the precomputed CMS template for one signing identity (PAdES B-B, SHA-256, no signing-time). */
export function createCmsTemplate(input: CmsTemplateInput): CmsTemplate {
  const signerDer = input.chainDer[0];
  if (!signerDer) throw new Error("the chain is empty");
  const { issuer, serial } = issuerAndSerial(signerDer);
  const sha256Alg = tlv(0x30, oid(OID.sha256));
  const certs = [...input.chainDer].map((c) => Uint8Array.from(c)).sort(compareBytes);
  const certificates = tlv(0xa0, ...certs);
  const header = concat([
    Uint8Array.of(0x02, 0x01, 0x01),
    tlv(0x31, sha256Alg),
    tlv(0x30, oid(OID.data)),
    certificates,
  ]);
  const sid = tlv(0x30, issuer, serial);
  const sigAlg =
    input.keyType === "rsa"
      ? tlv(0x30, oid(OID.sha256WithRSA), Uint8Array.of(0x05, 0x00))
      : tlv(0x30, oid(OID.ecdsaSha256));
  const signerInfoHead = concat([Uint8Array.of(0x02, 0x01, 0x01), sid, sha256Alg]);

  const contentType = tlv(0x30, oid(OID.contentType), tlv(0x31, oid(OID.data)));
  const ess = essSigningCertificateV2(input.signerCertSha256, issuer, serial);
  const mdPrefix = concat([
    Uint8Array.of(0x30, 0x2f),
    oid(OID.messageDigest),
    Uint8Array.of(0x31, 0x22, 0x04, 0x20),
  ]);
  const dummyMd = concat([mdPrefix, new Uint8Array(32)]);
  const sorted = [contentType, dummyMd, ess].sort(compareBytes);
  const attrsTemplate = tlv(0x31, ...sorted);
  const mdIndex = sorted.indexOf(dummyMd);
  let digestOffset = attrsTemplate.length - concat(sorted).length;
  for (let i = 0; i < mdIndex; i++) digestOffset += (sorted[i] as Uint8Array).length;
  digestOffset += mdPrefix.length;

  return {
    signedAttributes(digest) {
      if (digest.length !== 32) throw new Error("a SHA-256 digest is 32 bytes");
      const out = attrsTemplate.slice();
      out.set(digest, digestOffset);
      return out;
    },
    assemble(signedAttributes, signature, timestampToken) {
      const implicitAttrs = signedAttributes.slice();
      implicitAttrs[0] = 0xa0;
      const parts = [signerInfoHead, implicitAttrs, sigAlg, tlv(0x04, signature)];
      if (timestampToken)
        parts.push(tlv(0xa1, tlv(0x30, oid(OID.signatureTimeStampToken), tlv(0x31, timestampToken))));
      const signerInfo = tlv(0x30, ...parts);
      const signedData = tlv(0x30, header, tlv(0x31, signerInfo));
      return tlv(0x30, oid(OID.signedData), tlv(0xa0, signedData));
    },
    sizeBound(maxSignatureLength) {
      return (
        header.length + signerInfoHead.length + attrsTemplate.length + sigAlg.length + maxSignatureLength + 64
      );
    },
  };
}

/** Extracts the raw issuer Name and serialNumber INTEGER TLVs of a certificate. */
export function issuerAndSerial(certDer: Uint8Array): { issuer: Uint8Array; serial: Uint8Array } {
  const cert = readDer(certDer, 0);
  const tbs = derChildren(certDer, cert)[0];
  if (!tbs) throw new Error("not a certificate");
  const f = derChildren(certDer, tbs);
  const i = f[0]?.tag === 0xa0 ? 1 : 0;
  const serial = f[i];
  const issuer = f[i + 2];
  if (!serial || !issuer) throw new Error("not a certificate");
  return { serial: certDer.slice(serial.start, serial.end), issuer: certDer.slice(issuer.start, issuer.end) };
}

/**
 * The ESS signing-certificate-v2 attribute (RFC 5035): the SHA-256 of the signer certificate and
 * its issuerSerial (issuer Name and serial INTEGER TLVs), binding the signature to that certificate.
 */
export function essSigningCertificateV2(
  certSha256: Uint8Array,
  issuer: Uint8Array,
  serial: Uint8Array,
): Uint8Array {
  return tlv(
    0x30,
    oid(OID.signingCertificateV2),
    tlv(
      0x31,
      tlv(0x30, tlv(0x30, tlv(0x30, tlv(0x04, certSha256), tlv(0x30, tlv(0x30, tlv(0xa4, issuer)), serial)))),
    ),
  );
}
