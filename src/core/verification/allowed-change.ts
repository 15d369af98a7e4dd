/** Kinds of additions a later incremental update may make without changing the signed content. */
export type AllowedChange = "dss" | "doc_timestamp" | "signature";
