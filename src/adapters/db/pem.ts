/** DER certificates to and from one PEM text. */
export const derToPem = (ders: readonly Uint8Array[]): string =>
  ders
    .map((d) => {
      const b64 = Buffer.from(d).toString("base64").replace(/.{64}/g, "$&\n");
      return `-----BEGIN CERTIFICATE-----\n${b64.replace(/\n$/, "")}\n-----END CERTIFICATE-----\n`;
    })
    .join("");

export const pemToDer = (pem: string): Uint8Array[] =>
  [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map(
    (m) => new Uint8Array(Buffer.from((m[1] ?? "").replace(/\s+/g, ""), "base64")),
  );
