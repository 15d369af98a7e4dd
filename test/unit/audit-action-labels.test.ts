import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../../src/core/audit/audit.types.ts";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };

/** The label of an action ("staff.invited") in a catalog's nested auditActions, if any. */
const label = (catalog: { auditActions: unknown }, action: string): unknown =>
  action
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalog.auditActions);

describe("audit action labels", () => {
  it("names every action of the trail in French and English", () => {
    const missing = AUDIT_ACTIONS.flatMap((action) =>
      (
        [
          ["fr", fr],
          ["en", en],
        ] as const
      ).flatMap(([lang, catalog]) =>
        typeof label(catalog, action) === "string" ? [] : [`${lang}: ${action}`],
      ),
    );
    expect(missing).toEqual([]);
  });
});
