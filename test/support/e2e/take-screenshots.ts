import type { Page } from "playwright-core";
import { screenshotPath } from "./screenshot-path.ts";

export interface ScreenshotOptions {
  /**
   * Widths to shoot at, each at a height of 900 px, `-<width>` added to the file name; the page is
   * then put back to 1280 × 900. Without widths: one shot at the current size, no suffix.
   */
  widths?: readonly number[];
  /** Milliseconds to wait after each resize before shooting (layout that settles late). */
  settleMs?: number;
  /** Called at each width after its shot (e.g. an accessibility check at a phone width). */
  atEachWidth?: (width: number) => Promise<void>;
}

/** Full-page screenshots of the page into the screenshot folder, as `<name>.png` or `<name>-<width>.png`. */
export async function takeScreenshots(
  page: Page,
  name: string,
  options: ScreenshotOptions = {},
): Promise<void> {
  const { widths, settleMs, atEachWidth } = options;
  if (!widths) {
    await page.screenshot({ path: screenshotPath(name), fullPage: true });
    return;
  }
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    if (settleMs) await page.waitForTimeout(settleMs);
    await page.screenshot({ path: screenshotPath(`${name}-${width}`), fullPage: true });
    await atEachWidth?.(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
