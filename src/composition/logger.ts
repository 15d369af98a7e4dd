import pino, { type Logger } from "pino";
import type { Config } from "../config/config.ts";

/** Structured JSON logs; secrets (cookies, tokens, passwords, the HSM PIN) are never written. */
export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino({
    level: config.logLevel,
    redact: {
      paths: [
        "req.headers.cookie",
        "req.headers.authorization",
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        "*.password",
        "*.token",
        "*.masterKey",
        "*.previousMasterKeys",
        "*.pin",
        "*.signingKeys.pin",
      ],
      censor: "[redacted]",
    },
  });
}
