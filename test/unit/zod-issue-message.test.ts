import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zodIssueMessage } from "../../src/server/http/zod-issue-message.ts";

/** Runs a schema and maps its first issue the way the error handler does. */
function messageFor(schema: z.ZodType, value: unknown) {
  const r = schema.safeParse(value);
  if (r.success) throw new Error("expected a failure");
  const { code, path, message, ...params } = r.error.issues[0] as z.core.$ZodIssue & Record<string, unknown>;
  void path;
  return zodIssueMessage({ keyword: code, instancePath: "", message, params });
}

describe("bilingual validation messages", () => {
  it("explains required, length, format, unknown fields and enums in both languages", () => {
    expect(messageFor(z.object({ a: z.string() }), {})).toEqual({
      fr: "Ce champ est obligatoire.",
      en: "This field is required.",
    });
    expect(messageFor(z.string().max(3), "abcd").en).toBe("At most 3 characters.");
    expect(messageFor(z.string().min(8), "abc").fr).toBe("Au moins 8 caractères.");
    expect(messageFor(z.email(), "nope").fr).toBe("Adresse courriel invalide.");
    expect(messageFor(z.strictObject({}), { x: 1 }).en).toBe("Unrecognized field: x.");
    expect(messageFor(z.enum(["fr", "en"]), "de").fr).toBe("Valeur non permise. Valeurs possibles : fr, en.");
    expect(messageFor(z.number(), "1").en).toBe("Invalid type: number expected.");
  });
});
