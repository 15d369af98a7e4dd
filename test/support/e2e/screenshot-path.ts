/** The one folder for e2e screenshots (git ignores it), relative to the project root where vitest runs. */
export const SCREENSHOT_DIR = "test-results";

/** Where a screenshot named `name` (no extension) is written. */
export function screenshotPath(name: string): string {
  return `${SCREENSHOT_DIR}/${name}.png`;
}
