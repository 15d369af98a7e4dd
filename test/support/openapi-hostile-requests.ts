import { randomUUID } from "node:crypto";

/** The slice of an OpenAPI 3 document (as @fastify/swagger renders zod schemas) this module reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  default?: unknown;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}
interface Parameter {
  in: "path" | "query" | "header" | "cookie";
  name: string;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

export interface HostileRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  body?: unknown;
  /** Where the hostile value went, e.g. "path slug", "query q", "body nameFr". */
  where: string;
}

/** A NUL and a lone surrogate, as they travel in a JSON string and in a URL (invalid UTF-8 bytes). */
const IN_JSON = ["\u0000", "\uD800"];
const IN_URL = ["%00", "%ED%A0%80"];

const first = (s: JsonSchema): JsonSchema =>
  (s.anyOf ?? s.oneOf ?? s.allOf)?.find((x) => x.type !== "null") ?? s;

const typeOf = (s: JsonSchema): string | undefined =>
  Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;

function sampleString(s: JsonSchema): string {
  switch (s.format) {
    case "email":
      return "hostile@example.test";
    case "uuid":
      return randomUUID();
    case "date":
      return "2024-01-15";
    case "date-time":
      return "2024-01-15T12:00:00.000Z";
    case "uri":
    case "url":
      return "https://example.test/x";
  }
  if (s.pattern?.includes("#")) return "#1f3a5f";
  return "x".repeat(Math.max(1, s.minLength ?? 1));
}

/** A plausible value for a schema: every property present, the first enum value, the smallest number. */
export function sampleFromSchema(schema: JsonSchema): unknown {
  const s = first(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum.find((v) => v !== null) ?? null;
  switch (typeOf(s)) {
    case "object":
      return Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, v]) => [k, sampleFromSchema(v)] as const),
      );
    case "array":
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sampleFromSchema(s.items ?? {}));
    case "string":
      return sampleString(s);
    case "integer":
    case "number":
      return s.minimum ?? 1;
    case "boolean":
      return false;
    default:
      return s.default ?? null;
  }
}

/** The paths (e.g. ["items", 0, "name"]) of every free-text string of the sample (not enums). */
export function stringPaths(schema: JsonSchema, at: (string | number)[] = []): (string | number)[][] {
  const s = first(schema);
  if (s.enum?.length || s.const !== undefined) return [];
  switch (typeOf(s)) {
    case "string":
      return [at];
    case "object":
      return Object.entries(s.properties ?? {}).flatMap(([k, v]) => stringPaths(v, [...at, k]));
    case "array":
      return stringPaths(s.items ?? {}, [...at, 0]);
    default:
      return [];
  }
}

/** The sample with `suffix` appended to the string at `path`. */
function withSuffix(sample: unknown, path: (string | number)[], suffix: string): unknown {
  if (path.length === 0) return `${String(sample)}${suffix}`;
  const copy = structuredClone(sample) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  node[last] = `${String(node[last])}${suffix}`;
  return copy;
}

/**
 * Every hostile request for every operation of the document: a NUL and a lone surrogate in each
 * path parameter, in each query parameter (an undeclared one when the operation declares none),
 * and in each string field of its JSON body. Other parts are plausible: `pathValue` gives a real
 * value for a path parameter (e.g. an existing slug), so the hostile part travels as far as it can.
 */
export function hostileRequests(
  doc: OpenApiDocument,
  pathValue: (path: string, name: string) => string,
): HostileRequest[] {
  const out: HostileRequest[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [verb, op] of Object.entries(operations)) {
      const method = verb.toUpperCase() as HostileRequest["method"];
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === "path").map((p) => p.name);
      const queryParams = params.filter((p) => p.in === "query").map((p) => p.name);
      const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
      const body = bodySchema ? sampleFromSchema(bodySchema) : undefined;
      const url = (hostile?: { name: string; value: string }) =>
        path.replace(/\{([^}]+)\}/g, (_, name: string) =>
          hostile?.name === name ? hostile.value : encodeURIComponent(pathValue(path, name)),
        );
      const plain = url();
      const add = (r: Omit<HostileRequest, "method">) =>
        out.push({ method, ...r, ...(body !== undefined && r.body === undefined ? { body } : {}) });
      for (const name of pathParams)
        for (const value of IN_URL)
          add({
            url: url({ name, value: encodeURIComponent(pathValue(path, name)) + value }),
            where: `path ${name}`,
          });
      for (const name of queryParams.length ? queryParams : ["hostile"])
        for (const value of IN_URL) add({ url: `${plain}?${name}=x${value}`, where: `query ${name}` });
      if (bodySchema)
        for (const field of stringPaths(bodySchema))
          for (const value of IN_JSON)
            add({ url: plain, body: withSuffix(body, field, value), where: `body ${field.join(".")}` });
    }
  }
  return out;
}
