import type { Page } from "playwright-core";
import { seriousA11yViolations } from "../browser.ts";
import { takeScreenshots } from "./take-screenshots.ts";

export interface AuditOptions {
  /** The start of every screenshot's file name, e.g. `e2e-fr-org`; the page's name follows it. */
  prefix: string;
  /** Where each page's serious axe violations are kept, by page name (tests assert it is all empty). */
  a11y?: Record<string, string[]>;
  /** Shoot at these widths (see takeScreenshots); without them, one shot at the current size. */
  widths?: readonly number[];
  /** Also run axe at every width but the first, kept as `<name>-<width>`. */
  a11yAtEachWidth?: boolean;
}

/**
 * The audit a test runs on each page it reaches: wait for the page's first heading, run axe
 * (serious and critical violations), then take the screenshots. The returned function resolves
 * to that page's violations.
 */
export function makeAudit(options: AuditOptions): (page: Page, name: string) => Promise<string[]> {
  const { prefix, a11y, widths, a11yAtEachWidth } = options;
  return async (page, name) => {
    await page.locator("h1").first().waitFor();
    const violations = await seriousA11yViolations(page);
    if (a11y) a11y[name] = violations;
    const first = widths?.[0];
    await takeScreenshots(page, `${prefix}-${name}`, {
      ...(widths ? { widths } : {}),
      ...(a11yAtEachWidth
        ? {
            atEachWidth: async (width: number) => {
              if (width === first) return;
              const more = await seriousA11yViolations(page);
              if (a11y) a11y[`${name}-${width}`] = more;
            },
          }
        : {}),
    });
    return violations;
  };
}
