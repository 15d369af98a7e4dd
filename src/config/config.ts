import { z } from "zod";

/**
 * The only reader of the environment. Validated once; every problem is listed together;
 * the result is frozen. Safe defaults for development; production refuses to start without
 * the settings that cannot be guessed.
 */

const LogLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Sceau <no-reply@sceau.localhost>"),
  SCEAU_MASTER_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/_-]{43}=?$/, "must be 32 random bytes in base64 (openssl rand -base64 32)")
    .optional(),
  SCEAU_PREVIOUS_MASTER_KEYS: z
    .string()
    .regex(
      /^[A-Za-z0-9+/_-]{43}=?(\s*,\s*[A-Za-z0-9+/_-]{43}=?)*$/,
      "must be a comma-separated list of master keys (32 bytes in base64 each)",
    )
    .optional(),
  LOG_LEVEL: LogLevel.optional(),
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  LANG: z.string().optional(),
  TRUST_ROOTS_FILE: z.string().min(1).optional(),
  VERIFY_RATE_LIMIT: z.coerce.number().int().min(1).max(100000).default(30),
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).max(100000).default(20),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  WEB_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  ARCHIVE_RENEW_MARGIN_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  JOB_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(4),
  JOB_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  JOB_LEASE_MS: z.coerce.number().int().min(500).max(3_600_000).default(60_000),
  JOB_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, "must be a Stripe secret key (sk_…)")
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9_+/=]+$/, "must be a webhook signing secret (whsec_…)")
    .optional(),
  STRIPE_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  SIGNING_KEYS: z.enum(["sealed", "pkcs11"]).default("sealed"),
  PKCS11_MODULE: z.string().min(1).optional(),
  PKCS11_TOKEN_LABEL: z.string().min(1).max(32).optional(),
  PKCS11_SLOT: z.coerce.number().int().min(0).optional(),
  PKCS11_PIN: z.string().min(1).optional(),
  PKCS11_PIN_FILE: z.string().min(1).optional(),
});

export type Environment = "development" | "production" | "test";

export interface Config {
  readonly env: Environment;
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  /** true when PUBLIC_URL is https: cookies get Secure and responses HSTS. */
  readonly secure: boolean;
  readonly database:
    | { readonly kind: "pglite"; readonly dir: string }
    | { readonly kind: "postgres"; readonly url: string };
  readonly dataDir: string;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** Base64 master key, or null in development/test, where it is generated into DATA_DIR. */
  readonly masterKey: string | null;
  /**
   * Base64 master keys replaced by `masterKey` (SCEAU_PREVIOUS_MASTER_KEYS, comma-separated): during
   * a rotation secrets sealed under them still open, and `sceau keys rotate-master` re-seals them
   * under the current key. Empty outside a rotation.
   */
  readonly previousMasterKeys: readonly string[];
  readonly logLevel: z.infer<typeof LogLevel>;
  readonly trustProxy: boolean;
  readonly sessionTtlHours: number;
  /** B-LTA: renew an archive timestamp this many days before its certificate expires. */
  readonly archiveRenewMarginDays: number;
  /** Language of the command line's messages, from LANG. */
  readonly cliLocale: "fr" | "en";
  /** A PEM file of extra root certificates verification accepts beside the portal's own. */
  readonly trustRootsFile: string | null;
  /** Verifications per minute and client IP on the public verification API. */
  readonly verifyRateLimit: number;
  /** Requests per minute and client IP on each authentication route. */
  readonly authRateLimit: number;
  /**
   * Server processes sharing the port (Node's cluster: the first process forks them and hands out
   * connections in turn). More than one needs PostgreSQL: PGlite lives inside one process.
   */
  readonly webProcesses: number;
  /** The development outbox page exists only outside production and without SMTP. */
  readonly devOutbox: boolean;
  /**
   * Background jobs run by this process: how many at once (0: none here, another process such
   * as `sceau worker` runs them), how often to look for work, how long a claimed job is held
   * before another worker may take it over (a crash), and the first retry delay (doubling).
   */
  readonly jobs: { concurrency: number; pollMs: number; leaseMs: number; retryBaseMs: number };
  /**
   * How fees are charged: Stripe Checkout when both Stripe keys are set; otherwise the development
   * gateway (a labelled test checkout) outside production, and none in production (fees refused).
   * apiUrl replaces https://api.stripe.com (stripe-mock, tests).
   */
  readonly payments:
    | {
        readonly gateway: "stripe";
        readonly secretKey: string;
        readonly webhookSecret: string;
        readonly apiUrl: string | null;
      }
    | { readonly gateway: "development" }
    | { readonly gateway: "none" };
  /**
   * Where institution signing keys live: sealed under the master key in the database (default),
   * or generated on a PKCS#11 token (HSM) and never exported. The PIN is a function, so that the
   * configuration can be printed or logged without it.
   */
  readonly signingKeys: { readonly provider: "sealed" } | Pkcs11Settings;
}

export interface Pkcs11Settings {
  readonly provider: "pkcs11";
  /** The PKCS#11 module (shared library). */
  readonly module: string;
  readonly token: { readonly label: string } | { readonly slot: number };
  readonly pin: { readonly file: string } | { readonly value: () => string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration / configuration invalide:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and validates the environment (process.env unless given). Throws ConfigError listing every problem. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = Env.safeParse(raw);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${issue.path.join(".") || "environment"}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production") {
    if (!e.SCEAU_MASTER_KEY) problems.push("SCEAU_MASTER_KEY: required in production");
    if (!e.PUBLIC_URL) problems.push("PUBLIC_URL: required in production");
    if (!e.DATABASE_URL)
      problems.push("DATABASE_URL: required in production (PGlite is for development and demos)");
  }
  if (e.WEB_PROCESSES > 1 && !e.DATABASE_URL)
    problems.push("WEB_PROCESSES: more than 1 needs DATABASE_URL (the embedded PGlite lives in one process)");
  if (!e.STRIPE_SECRET_KEY !== !e.STRIPE_WEBHOOK_SECRET)
    problems.push("STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: set both or neither");
  if (e.SIGNING_KEYS === "pkcs11") {
    if (!e.PKCS11_MODULE) problems.push("PKCS11_MODULE: required with SIGNING_KEYS=pkcs11");
    if ((e.PKCS11_TOKEN_LABEL === undefined) === (e.PKCS11_SLOT === undefined))
      problems.push("PKCS11_TOKEN_LABEL, PKCS11_SLOT: set one of them with SIGNING_KEYS=pkcs11");
    if ((e.PKCS11_PIN === undefined) === (e.PKCS11_PIN_FILE === undefined))
      problems.push("PKCS11_PIN, PKCS11_PIN_FILE: set one of them with SIGNING_KEYS=pkcs11");
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  const config: Config = {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    secure: publicUrl.startsWith("https://"),
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dir: `${e.DATA_DIR.replace(/\/+$/, "")}/pglite` },
    dataDir: e.DATA_DIR,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    masterKey: e.SCEAU_MASTER_KEY ?? null,
    previousMasterKeys: Object.freeze(
      (e.SCEAU_PREVIOUS_MASTER_KEYS ?? "")
        .split(",")
        .map((k) => k.trim())
        .filter((k) => k !== ""),
    ),
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === "test" ? "silent" : "info"),
    trustProxy: e.TRUST_PROXY,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    archiveRenewMarginDays: e.ARCHIVE_RENEW_MARGIN_DAYS,
    authRateLimit: e.AUTH_RATE_LIMIT,
    verifyRateLimit: e.VERIFY_RATE_LIMIT,
    webProcesses: e.WEB_PROCESSES,
    trustRootsFile: e.TRUST_ROOTS_FILE ?? null,
    cliLocale: e.LANG?.toLowerCase().startsWith("fr") ? "fr" : "en",
    devOutbox: e.NODE_ENV !== "production" && !e.SMTP_URL,
    jobs: {
      concurrency: e.JOB_CONCURRENCY,
      pollMs: e.JOB_POLL_MS,
      leaseMs: e.JOB_LEASE_MS,
      retryBaseMs: e.JOB_RETRY_BASE_MS,
    },
    payments:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
        ? {
            gateway: "stripe",
            secretKey: e.STRIPE_SECRET_KEY,
            webhookSecret: e.STRIPE_WEBHOOK_SECRET,
            apiUrl: e.STRIPE_API_URL ?? null,
          }
        : { gateway: e.NODE_ENV === "production" ? "none" : "development" },
    signingKeys: e.SIGNING_KEYS === "pkcs11" ? pkcs11Settings(e) : { provider: "sealed" },
  };
  return Object.freeze({
    ...config,
    database: Object.freeze(config.database),
    jobs: Object.freeze(config.jobs),
    payments: Object.freeze(config.payments),
    signingKeys: Object.freeze(config.signingKeys),
  });
}

function pkcs11Settings(e: z.infer<typeof Env>): Pkcs11Settings {
  const pin = e.PKCS11_PIN;
  return {
    provider: "pkcs11",
    module: e.PKCS11_MODULE ?? "",
    token:
      e.PKCS11_TOKEN_LABEL !== undefined
        ? Object.freeze({ label: e.PKCS11_TOKEN_LABEL })
        : Object.freeze({ slot: e.PKCS11_SLOT ?? 0 }),
    pin: Object.freeze(
      e.PKCS11_PIN_FILE !== undefined ? { file: e.PKCS11_PIN_FILE } : { value: () => pin ?? "" },
    ),
  };
}
