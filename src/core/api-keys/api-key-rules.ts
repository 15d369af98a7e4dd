import { DomainError } from "../errors.ts";
import { API_KEY_SCOPES, type ApiKeyCaller, type ApiKeyInput, type ApiKeyScope } from "./api-keys.types.ts";

/** Every key starts with this, so leaked keys are easy to recognise (secret scanners, logs). */
export const API_KEY_PREFIX = "sceau_";
/** How many characters of the key are kept in clear to recognise it. */
export const API_KEY_DISPLAY_LENGTH = 12;
export const API_KEY_NAME_MAX = 100;
/** last_used_at is written at most this often per key, so reads stay reads. */
export const API_KEY_TOUCH_EVERY_MS = 60 * 1000;
/** How long a stored answer to an Idempotency-Key is replayed (then the periodic maintenance drops it). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** The audit trail's name for a key (the key is not a person: actorUserId stays null). */
export const apiKeyLabel = (key: Pick<ApiKeyCaller, "name" | "prefix">): string =>
  `API key ${key.name} (${key.prefix}…)`;

/** Trims the name and orders the scopes; throws validation_failed with bilingual messages. */
export function normalizeApiKeyInput(input: ApiKeyInput): ApiKeyInput {
  const name = input.name.trim().replace(/\s+/g, " ");
  const scopes = API_KEY_SCOPES.filter((s: ApiKeyScope) => input.scopes.includes(s));
  const issues = [];
  if (!name || name.length > API_KEY_NAME_MAX)
    issues.push({
      path: "name",
      message: {
        fr: `Donnez un nom de 1 à ${API_KEY_NAME_MAX} caractères (ex. : Système de gestion des études).`,
        en: `Give a name of 1 to ${API_KEY_NAME_MAX} characters (e.g. Student information system).`,
      },
    });
  if (scopes.length === 0)
    issues.push({
      path: "scopes",
      message: { fr: "Choisissez au moins une permission.", en: "Choose at least one permission." },
    });
  if (issues.length > 0) throw new DomainError("validation_failed", { issues });
  return { name, scopes };
}
