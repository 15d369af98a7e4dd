import type { i18n as I18n } from "i18next";
import en from "../../i18n/en.json";

type Tree = { [key: string]: string | Tree };

function codes(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const code = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [code] : codes(value, code);
  });
}

/** The actions the catalogs name ("staff.invited"…), for the filter; an action without a label is still listed, by its code. */
export const LABELLED_AUDIT_ACTIONS: readonly string[] = codes(en.auditActions as Tree);

/**
 * An action in plain words. Actions are added over time: one the catalogs do not know yet is
 * shown by its code rather than as a missing key.
 */
export function auditActionLabel(i18n: I18n, action: string): string {
  const key = `auditActions.${action}`;
  return i18n.exists(key) ? i18n.t(key as "auditActions.audit.exported") : action;
}
