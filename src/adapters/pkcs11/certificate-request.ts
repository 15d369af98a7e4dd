import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import type { CertificateSubject } from "../../core/signing/hardware-keys.ts";
import type { SignatureKey } from "../pdf/signature-key.ts";

const SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
const ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";

/**
 * A PKCS#10 certificate signing request (DER) for a key whose private half signs elsewhere:
 * subject C, O, CN as the portal's own certificates write them, no attributes, signed by `key`.
 */
export async function certificateRequest(
  publicKeySpki: Uint8Array,
  key: SignatureKey,
  subject: CertificateSubject,
): Promise<Uint8Array> {
  const name = new x509.Name([
    { C: [subject.country] },
    { O: [subject.organization] },
    { CN: [subject.institutionName] },
  ]);
  const request = new ExternallySignedRequest({
    version: 0,
    subject: pkijs.RelativeDistinguishedNames.fromBER(name.toArrayBuffer()),
    subjectPublicKeyInfo: pkijs.PublicKeyInfo.fromBER(Uint8Array.from(publicKeySpki)),
    attributes: [],
  });
  const tbs = request.encodeInfo();
  request.tbsView = tbs;
  request.signatureAlgorithm = new pkijs.AlgorithmIdentifier(
    key.type === "rsa"
      ? { algorithmId: SHA256_WITH_RSA, algorithmParams: new asn1js.Null() }
      : { algorithmId: ECDSA_WITH_SHA256 },
  );
  request.signatureValue = new asn1js.BitString({ valueHex: Uint8Array.from(await key.sign(tbs)) });
  return new Uint8Array(request.toSchema().toBER());
}

/** pkijs' request, whose CertificationRequestInfo is signed by the caller rather than by WebCrypto. */
class ExternallySignedRequest extends pkijs.CertificationRequest {
  encodeInfo(): Uint8Array {
    return new Uint8Array(this.encodeTBS().toBER());
  }
}
