import type { ApiKey, ApiKeyScope } from "./api-keys.types.ts";

export interface ApiKeyStore {
  create(input: {
    institutionId: string;
    name: string;
    prefix: string;
    keyHash: string;
    scopes: ApiKeyScope[];
    createdByUserId: string | null;
    now: Date;
  }): Promise<ApiKey>;
  /** Newest first, revoked ones included. */
  list(institutionId: string): Promise<ApiKey[]>;
  findById(institutionId: string, id: string): Promise<ApiKey | null>;
  findByHash(keyHash: string): Promise<ApiKey | null>;
  /** Revokes the key if still active; null when absent, another institution's or already revoked. */
  revoke(institutionId: string, id: string, now: Date): Promise<ApiKey | null>;
  /** Sets last_used_at to now unless it is already later than `unlessAfter` (one write a minute, not one a request). */
  touch(id: string, now: Date, unlessAfter: Date): Promise<void>;
}

/** A POST's answer kept under its Idempotency-Key; statusCode 0 marks a request still running. */
export interface IdempotencyRecord {
  owner: string;
  key: string;
  requestHash: string;
  statusCode: number;
  responseBody: unknown;
  createdAt: Date;
}

export interface IdempotencyStore {
  find(owner: string, key: string): Promise<IdempotencyRecord | null>;
  /** Claims the key for a request about to run; false when the owner already holds this key (the unique constraint decides races). */
  reserve(owner: string, key: string, requestHash: string, now: Date): Promise<boolean>;
  /** Stores the answer of the request that holds the key. */
  complete(owner: string, key: string, statusCode: number, responseBody: unknown): Promise<void>;
  /** Frees the key (the request failed, or its record expired). */
  release(owner: string, key: string): Promise<void>;
  /** Drops the records created before this date. */
  purge(createdBefore: Date): Promise<void>;
}
