import { createHmac, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import { fflateZipWriter } from "../adapters/archive/fflate-zip-writer.ts";
import { yauzlZipReader } from "../adapters/archive/yauzl-zip-reader.ts";
import { fsBlobStore } from "../adapters/blob/fs-blob-store.ts";
import { argon2PasswordHasher } from "../adapters/crypto/argon2-password-hasher.ts";
import { hmacTokenSigner } from "../adapters/crypto/hmac-token-signer.ts";
import { nodeSecrets } from "../adapters/crypto/node-secrets.ts";
import { systemClock } from "../adapters/crypto/system-clock.ts";
import { createStores, createTransact } from "../adapters/db/create-stores.ts";
import { dataKeyStore } from "../adapters/db/data-key-store.ts";
import { listenShareChanges } from "../adapters/db/listen-share-changes.ts";
import { migrateDatabase } from "../adapters/db/migrate-database.ts";
import { type Database, type DatabaseTarget, openDatabase } from "../adapters/db/open-database.ts";
import { derToPem, pemToDer } from "../adapters/db/pem.ts";
import { pendingMigrations } from "../adapters/db/pending-migrations.ts";
import { shareLookupCache } from "../adapters/db/share-lookup-cache.ts";
import { shareViewLog } from "../adapters/db/share-view-log.ts";
import {
  nodeSamlServiceProvider,
  SAML_CLOCK_SKEW_MS,
} from "../adapters/identity/node-saml-service-provider.ts";
import { openidOidcClient } from "../adapters/identity/openid-oidc-client.ts";
import { institutionDataKeys } from "../adapters/keys/institution-data-keys.ts";
import { loadMasterKeys } from "../adapters/keys/load-master-key.ts";
import { sealedSecretBox } from "../adapters/keys/sealed-secret-box.ts";
import { type Outbox, outboxMailer } from "../adapters/mail/outbox-mailer.ts";
import { smtpMailer } from "../adapters/mail/smtp-mailer.ts";
import { commonPasswordList } from "../adapters/passwords/common-password-list.ts";
import { developmentPaymentGateway } from "../adapters/payment/development-payment-gateway.ts";
import { stripePaymentGateway } from "../adapters/payment/stripe-payment-gateway.ts";
import { fileVerdictCache } from "../adapters/pdf/file-verdict-cache.ts";
import { longTermValidation } from "../adapters/pdf/long-term-validation.ts";
import { nodeInflate } from "../adapters/pdf/node-inflate.ts";
import { nodePdfTools } from "../adapters/pdf/node-pdf-tools.ts";
import { nodeVerifierCrypto } from "../adapters/pdf/node-verifier-crypto.ts";
import { qrMatrix } from "../adapters/pdf/qr-matrix.ts";
import { type Pkcs11SigningKeys, pkcs11SigningKeys } from "../adapters/pkcs11/pkcs11-signing-keys.ts";
import { sealedRevocationSigner } from "../adapters/pki/sealed-revocation-signer.ts";
import { sealedSigningKeys } from "../adapters/pki/sealed-signing-keys.ts";
import { sealedTimestampAuthority } from "../adapters/pki/sealed-timestamp-authority.ts";
import { nodeTotpAuthenticator } from "../adapters/totp/node-totp-authenticator.ts";
import type { Config } from "../config/config.ts";
import type { QueueName } from "../core/jobs/queues.ts";
import type { Clock, Mailer } from "../core/ports.ts";
import type { HardwareKeys } from "../core/signing/hardware-keys.ts";
import { ISSUING_CA_CRL_PATH, revocationUrls as revocationUrlsOf } from "../core/signing/pki-paths.ts";
import { portalServicesFetch } from "../core/signing/portal-services-fetch.ts";
import { createVerificationCache } from "../core/verification/signature-algorithms.ts";
import type { AppDeps } from "./app-deps.ts";
import { type JobWorker, startJobWorker } from "./job-worker.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const WEB_ROOT = join(ROOT, "dist", "web");
/** Where the portal serves its issuing CA's certificate revocation list. */
/** How long a view of a share without a view limit may wait in memory before it is written. */
const SHARE_VIEW_FLUSH_MS = 100;
/**
 * Shares the recipient page keeps in memory: a change committed anywhere reaches the cache through
 * the database's notifications within milliseconds; the time to live only bounds what a lost
 * notification could leave behind.
 */
const SHARE_CACHE = { ttlMs: 10_000, maxEntries: 10_000 };
/** Verdicts of stored files (a certificate's expiry or a restart's trust anchors reach them within 10 min). */
const FILE_VERDICTS = { ttlMs: 600_000, maxEntries: 10_000 };
export const VERSION: string = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;

export interface Runtime {
  deps: AppDeps;
  database: Database;
  /** The HSM's keys when SIGNING_KEYS=pkcs11 (`sceau pki hsm …`), else null. */
  hardwareKeys: HardwareKeys | null;
  /** Starts running background jobs in this process (at most one worker; stopped by close). */
  startWorker(queues?: QueueName[]): JobWorker;
  /** Stops the worker, waits for background tasks (mail) and closes connections. */
  close(): Promise<void>;
}

export const databaseTarget = (config: Config): DatabaseTarget =>
  config.database.kind === "pglite" ? { kind: "pglite", dir: config.database.dir } : config.database;

/**
 * The one place where adapters are wired to the use cases. Opens the database; outside
 * production it applies pending migrations (unless `migrate: false`), in production it refuses to run with any pending.
 */
export async function buildRuntime(
  config: Config,
  logger: Logger,
  options: {
    database?: Database;
    mailer?: Mailer;
    webRoot?: string | null;
    clock?: Clock;
    /** false: only check that none is pending (a cluster's worker: its primary applied them). */
    migrate?: boolean;
    /**
     * false: no connection listens for share changes and the share cache stays off (every look-up
     * reads the database): for processes that serve no recipient page (the command line).
     */
    shareCache?: boolean;
  } = {},
): Promise<Runtime> {
  const target = databaseTarget(config);
  const database = options.database ?? (await openDatabase(target));
  if (!options.database) {
    if (config.env === "production" || options.migrate === false) {
      const pending = await pendingMigrations(database);
      if (pending > 0) {
        await database.close();
        throw new Error(`${pending} database migration(s) pending: run "sceau migrate" first`);
      }
    } else {
      await migrateDatabase(database, target);
    }
  }
  // The current master key first, then the previous ones of a rotation (opening only).
  const masterKeys = loadMasterKeys(
    config.masterKey,
    config.previousMasterKeys,
    config.dataDir,
    config.env !== "production",
  );
  const [masterKey] = masterKeys;
  const derived = (label: string) => (key: Buffer) => createHmac("sha256", key).update(label).digest();
  const outbox: Outbox | null =
    config.devOutbox && !options.mailer
      ? outboxMailer(join(config.dataDir, "outbox"), config.mailFrom)
      : null;
  const smtp = config.smtpUrl && !options.mailer ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
  const mailer: Mailer = options.mailer ?? smtp ?? outbox ?? failingMailer();

  const shareCache = shareLookupCache(SHARE_CACHE);
  const shareChanges =
    options.shareCache === false
      ? null
      : await listenShareChanges(database, shareCache, (err) =>
          logger.warn({ err }, "share change notifications lost: the share cache is off until they are back"),
        );

  const pending = new Set<Promise<void>>();
  const background = (label: string, task: () => Promise<void>) => {
    const p = task()
      .catch((err) => logger.error({ err, task: label }, "background task failed"))
      .finally(() => pending.delete(p));
    pending.add(p);
  };

  const crlUrl = `${config.publicUrl}${ISSUING_CA_CRL_PATH}`;
  const revocationUrls = (issuerKeyId: string) => revocationUrlsOf(config.publicUrl, issuerKeyId);
  // The portal's own TSA, OCSP responder and CRLs are answered in process (also from the CLI).
  const servicesFetch = portalServicesFetch(config.publicUrl, () => deps.core);
  const hsm: Pkcs11SigningKeys | null =
    config.signingKeys.provider === "pkcs11"
      ? pkcs11SigningKeys(masterKeys, {
          crlUrl,
          revocationUrls,
          token: config.signingKeys,
          fetch: servicesFetch,
        })
      : null;

  const deps: AppDeps = {
    core: {
      stores: createStores(database.db),
      transact: createTransact(database.db),
      mailer,
      passwords: argon2PasswordHasher(),
      commonPasswords: commonPasswordList(),
      secrets: nodeSecrets(),
      tokenSigner: hmacTokenSigner(
        derived("sceau/signed-tokens/v1")(masterKey),
        masterKeys.slice(1).map(derived("sceau/signed-tokens/v1")),
      ),
      clock: options.clock ?? systemClock,
      settings: {
        publicUrl: config.publicUrl,
        sessionTtlHours: config.sessionTtlHours,
        archiveRenewMarginDays: config.archiveRenewMarginDays,
        developmentPki: config.env !== "production",
      },
      keys: hsm ?? sealedSigningKeys(masterKeys, { crlUrl, revocationUrls, fetch: servicesFetch }),
      ltv: longTermValidation({ fetch: servicesFetch }),
      revocation: sealedRevocationSigner(masterKeys),
      timestamps: sealedTimestampAuthority(masterKeys, { revocationUrls }),
      pdf: nodePdfTools,
      zip: yauzlZipReader,
      secretBox: sealedSecretBox(masterKeys),
      oidc: openidOidcClient({ allowLoopbackHttp: config.env !== "production" }),
      totp: nodeTotpAuthenticator,
      zipWriter: fflateZipWriter,
      saml: nodeSamlServiceProvider({ clockSkewMs: SAML_CLOCK_SKEW_MS }),
      blobs: fsBlobStore(
        join(config.dataDir, "blobs"),
        institutionDataKeys(masterKeys, dataKeyStore(database.db)),
        {
          onCorrupt: (blob) =>
            logger.error({ blob }, "CORRUPT BLOB: a stored document file failed its checks"),
        },
      ),
      verifier: {
        crypto: nodeVerifierCrypto(),
        inflate: nodeInflate,
        cache: createVerificationCache(),
        extraTrustAnchorsDer: config.trustRootsFile
          ? pemToDer(readFileSync(config.trustRootsFile, "utf8"))
          : [],
      },
      paymentGateway:
        config.payments.gateway === "stripe"
          ? stripePaymentGateway(config.payments)
          : config.payments.gateway === "development"
            ? developmentPaymentGateway(
                createHmac("sha256", masterKey).update("sceau/dev-payments/v1").digest(),
                config.publicUrl,
              )
            : null,
      newId: randomUUID,
      background,
      shareViews: shareViewLog(database.db, {
        flushMs: SHARE_VIEW_FLUSH_MS,
        onError: (err, dropped) => logger.error({ err, dropped }, "share views: write failed"),
      }),
      shareCache,
      fileVerdicts: fileVerdictCache(FILE_VERDICTS),
    },
    ping: () => database.ping(),
    outbox: options.mailer ? null : outbox,
    // Signed with the first, unsigned with any (cookies signed before a master-key rotation).
    cookieSecret: masterKeys.map((k) => derived("sceau/cookie-signing/v1")(k).toString("base64url")),
    webRoot:
      options.webRoot !== undefined
        ? options.webRoot
        : existsSync(join(WEB_ROOT, "index.html"))
          ? WEB_ROOT
          : null,
    version: VERSION,
    qrMatrix,
    derToPem,
  };
  let worker: JobWorker | null = null;
  return {
    deps,
    database,
    hardwareKeys: hsm,
    startWorker(queues) {
      worker ??= startJobWorker(deps.core, logger, config.jobs, queues);
      return worker;
    },
    async close() {
      await worker?.stop();
      await Promise.allSettled([...pending]);
      await deps.core.shareViews.flush();
      await shareChanges?.close();
      smtp?.close();
      hsm?.close();
      await database.close();
    },
  };
}

function failingMailer(): Mailer {
  return {
    send: async () => {
      throw new Error("no mail transport: set SMTP_URL");
    },
  };
}
