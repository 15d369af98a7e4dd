/** Where the portal's revocation and timestamp services answer (routes in server/routes/verification/). */
export const OCSP_PATH = "/pki/ocsp";
/** The current issuing CA's and root's CRLs by stable names (the CDP of certificates issued before issue 14). */
export const ISSUING_CA_CRL_PATH = "/pki/issuing-ca.crl";
export const ROOT_CA_CRL_PATH = "/pki/root-ca.crl";
/** Where the portal's built-in RFC 3161 timestamp authority answers: `${PUBLIC_URL}/pki/tsa` is its TSA URL. */
export const TSA_PATH = "/pki/tsa";
/** The CRL of the portal CA with this key id (SHA-1 of its public key, hex). */
export const caCrlPath = (keyId: string) => `/pki/ca/${keyId}.crl`;
/** The certificate (DER) of the portal CA with this key id: the target of id-ad-caIssuers. */
export const caCertificatePath = (keyId: string) => `/pki/ca/${keyId}.crt`;

/** The URLs written into a certificate the CA with this key id issues (AIA and CDP). */
export interface RevocationUrls {
  ocsp: string;
  caIssuers: string;
  crl: string;
}

export const revocationUrls = (publicUrl: string, issuerKeyId: string): RevocationUrls => ({
  ocsp: `${publicUrl}${OCSP_PATH}`,
  caIssuers: `${publicUrl}${caCertificatePath(issuerKeyId)}`,
  crl: `${publicUrl}${caCrlPath(issuerKeyId)}`,
});
