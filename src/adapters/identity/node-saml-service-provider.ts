import {
  type CacheProvider,
  generateServiceProviderMetadata,
  type Profile,
  SAML,
  ValidateInResponseTo,
} from "@node-saml/node-saml";
import type { SamlEndpoints, SamlServiceProvider, SamlValidation } from "../../core/sign-on/sign-on.ports.ts";
import type { SamlSettings } from "../../core/sign-on/sign-on.types.ts";
import { checkSignedAssertion } from "./saml-assertion-checks.ts";
import { readSamlEnvelope } from "./saml-envelope.ts";

/** NameID format asked for: a stable, opaque identifier of the person at this IdP. */
export const SAML_NAMEID_FORMAT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

/** How far the IdP's clock may be from ours when checking NotBefore and NotOnOrAfter. */
export const SAML_CLOCK_SKEW_MS = 2 * 60 * 1000;

/** node-saml keeps request ids in a cache; ours live in sso_transactions, so this one keeps nothing. */
const NO_CACHE: CacheProvider = {
  saveAsync: async () => null,
  getAsync: async () => null,
  removeAsync: async () => null,
};

/** node-saml reads the system clock for its time checks; this subclass gives them the portal's clock. */
class ClockedSaml extends SAML {
  constructor(
    options: ConstructorParameters<typeof SAML>[0],
    private readonly nowMs: () => number,
  ) {
    super(options);
  }

  protected override checkTimestampsValidityError(
    _systemNowMs: number,
    notBefore: string,
    notOnOrAfter: string,
    maxTimeLimitMs?: number,
  ): Error | null {
    return super.checkTimestampsValidityError(this.nowMs(), notBefore, notOnOrAfter, maxTimeLimitMs);
  }
}

function samlFor(
  sp: SamlEndpoints,
  idp: SamlSettings,
  options: { requestId?: string; now?: Date; skewMs: number },
) {
  return new ClockedSaml(
    {
      issuer: sp.entityId,
      callbackUrl: sp.acsUrl,
      audience: sp.entityId,
      entryPoint: idp.idpSsoUrl,
      idpCert: idp.idpCertificatePem,
      idpIssuer: idp.idpEntityId,
      identifierFormat: SAML_NAMEID_FORMAT,
      // Signed assertions are required; a signed envelope alone is not enough (wrapping attacks).
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      acceptedClockSkewMs: options.skewMs,
      // InResponseTo is checked against sso_transactions by the core, from the signed assertion.
      validateInResponseTo: ValidateInResponseTo.never,
      cacheProvider: NO_CACHE,
      disableRequestedAuthnContext: true,
      signatureAlgorithm: "sha256",
      generateUniqueId: () => options.requestId ?? "",
    },
    () => (options.now ?? new Date()).getTime(),
  );
}

/**
 * The portal as a SAML 2.0 service provider, on @node-saml/node-saml: SP metadata, the
 * HTTP-Redirect AuthnRequest, and the HTTP-POST response checks. node-saml verifies the XML
 * signature of the assertion against the configured IdP certificate only (never a certificate the
 * message carries), refuses several assertions, and checks the Conditions time window and audience;
 * this adapter adds what it leaves out for login responses: the status, the Destination, the
 * issuers, and the bearer SubjectConfirmation (Recipient, InResponseTo, time window).
 */
export function nodeSamlServiceProvider(options: { clockSkewMs: number }): SamlServiceProvider {
  const skewMs = options.clockSkewMs;
  return {
    metadata(sp) {
      return generateServiceProviderMetadata({
        issuer: sp.entityId,
        callbackUrl: sp.acsUrl,
        identifierFormat: SAML_NAMEID_FORMAT,
        wantAssertionsSigned: true,
      });
    },

    async authorizeUrl(sp, idp, requestId, relayState) {
      const saml = samlFor(sp, idp, { requestId, skewMs });
      return saml.getAuthorizeUrlAsync(relayState, undefined, {});
    },

    async validateResponse(sp, idp, samlResponse, now): Promise<SamlValidation> {
      const envelope = readSamlEnvelope(samlResponse, { sp, idp });
      if (!envelope.ok) return envelope;
      let profile: Profile | null;
      try {
        ({ profile } = await samlFor(sp, idp, { now, skewMs }).validatePostResponseAsync({
          SAMLResponse: samlResponse,
        }));
      } catch (err) {
        return { ok: false, reason: err instanceof Error ? err.message.slice(0, 200) : "invalid" };
      }
      if (!profile) return { ok: false, reason: "no assertion" };
      return checkSignedAssertion(profile.getAssertion?.(), {
        sp,
        idp,
        now,
        skewMs,
        responseInResponseTo: envelope.inResponseTo,
      });
    },
  };
}
