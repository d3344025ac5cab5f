/**
 * The standalone page in English in a 320 px pane (headless Chromium): the four area tabs stay inside the pane
 * and the totals line counts in the singular where the count is one. The pane is the run's shared production
 * build. Set ZHIBU_SKIP_BROWSER=1 to skip where no Chromium is installed.
 */
import type { Page } from "playwright-core";
import { sample } from "../helpers/cli";
import { type Served, openInValidate, openSharedPane } from "./harness";

const SKIP = process.env["ZHIBU_SKIP_BROWSER"] === "1";
const WIDTH = 320;
const describeBrowser = SKIP ? describe.skip : describe;

describeBrowser("English in a 320 px pane (headless Chromium)", () => {
  let served: Served | undefined;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ({ served, page } = await openSharedPane(consoleErrors, {
      locale: "en-US",
      viewport: { width: WIDTH, height: 800 },
    }));
  }, 400_000);

  afterAll(async () => {
    await served?.close();
  });

  it("every area tab is inside the pane and the page does not scroll sideways", async () => {
    await openInValidate(page, sample("roster-messy.xlsx"));
    for (const id of ["templates", "validate", "summary", "settings"]) {
      const b = await page.locator(`#tab-${id}`).boundingBox();
      expect([id, b !== null && b.x >= 0 && b.x + b.width <= WIDTH]).toEqual([id, true]);
    }
    const sideways = await page.evaluate(() => {
      const root = document.scrollingElement!;
      return root.scrollWidth - root.clientWidth;
    });
    expect(sideways).toBeLessThanOrEqual(0);
    await page.locator("#tab-settings").click();
    await expect(page.locator("#tab-settings").getAttribute("aria-selected")).resolves.toBe("true");
  });

  it("one error is counted as 1 error", async () => {
    await openInValidate(page, sample("ballot.xlsx"));
    await expect(page.getByTestId("totals").innerText()).resolves.toBe("1 error, 0 warnings, 0 info");
    expect(consoleErrors).toEqual([]);
  });
});
