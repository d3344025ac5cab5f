/**
 * The 校验 issue list of the standalone page in real headless Chromium, in a 320 px wide pane: 按规则 and 按人员
 * with the person and the message on one line, selecting an issue bringing the focus section into view and focus
 * (and Escape or 返回列表 going back), the 按人员 entries against the CLI's JSON report, and 重新校验 of an edited
 * file. The pane is the run's shared production build (harness.ts sharedPaneBuild), served with scripts/serve.mjs.
 * Set ZHIBU_SKIP_BROWSER=1 to skip where no Chromium is installed.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import ExcelJS from "exceljs";
import type { Issue } from "../../src/core/types";
import { validateWorkbook } from "../../src/core/engine";
import { snapshotWorkbook } from "../../src/xlsx/snapshot";
import { runCli, sample } from "../helpers/cli";
import { OUT, type Served, requireChromium, openInValidate, openSharedPane } from "./harness";

const SKIP = process.env["ZHIBU_SKIP_BROWSER"] === "1";
const MESSY = sample("roster-messy.xlsx");
/** The date the samples' README and the other tests validate at (also the samples' own 统计截止日期). */
const AS_OF = "2026-11-21";
const WIDTH = 320;
const HEIGHT = 800;

const totalsText = (c: { error: number; warning: number; info: number }) =>
  `${c.error} 个错误，${c.warning} 个警告，${c.info} 个提示`;

/** The CLI's JSON report's issues for a file. */
async function reportIssues(file: string): Promise<Issue[]> {
  const r = await runCli(["validate", file, "--format", "json", "--as-of", AS_OF]);
  expect(r.stderr).toBe("");
  return (JSON.parse(r.stdout) as { issues: Issue[] }).issues;
}

const at = (i: Issue) => (i.cell ? `${i.sheet}!${i.cell}` : i.sheet);

/** A copy of the messy roster, saved as `name` in `dir`, after `edit`. */
async function editedCopy(dir: string, name: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(MESSY);
  edit(wb.getWorksheet("花名册")!);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The box of an element, failing when it has none (not rendered). */
async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error("element has no box");
  return b;
}

const inViewport = (b: { y: number; height: number }) => b.y >= 0 && b.y + b.height <= HEIGHT;

/** For the first `n` issue entries: lead text, and the tops of the lead and of the message's first line. */
async function firstLines(page: Page, n: number) {
  const issues = page.getByTestId("issue");
  const out: Array<{ location: string | null; lead: string | null; leadTop: number; messageTop: number }> = [];
  for (let i = 0; i < n; i++) {
    const issue = issues.nth(i);
    const lead = issue.getByTestId("issue-lead");
    out.push({
      location: await issue.getAttribute("data-location"),
      lead: await lead.textContent(),
      leadTop: (await box(lead)).y,
      messageTop: (await box(issue.getByTestId("issue-message"))).y,
    });
  }
  return out;
}

/** No horizontal overflow: the page, the list and each issue entry fit their width. */
async function overflowing(page: Page, list: string): Promise<string[]> {
  return page.evaluate((testId) => {
    const wide = (e: Element) => e.scrollWidth > e.clientWidth + 1;
    const out: string[] = [];
    if (wide(document.scrollingElement!)) out.push("page");
    const l = document.querySelector(`[data-testid="${testId}"]`);
    if (!l) out.push(`no ${testId}`);
    else if (wide(l)) out.push(testId);
    document.querySelectorAll('[data-testid="issue"]').forEach((e) => {
      if (wide(e)) out.push(e.getAttribute("data-location") ?? "issue");
    });
    return out;
  }, list);
}

const describeBrowser = SKIP ? describe.skip : describe;

describeBrowser("the 校验 issue list in a 320 px pane (headless Chromium)", () => {
  let served: Served | undefined;
  let page: Page;
  let work = "";
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    requireChromium();
    mkdirSync(OUT, { recursive: true });
    work = mkdtempSync(path.join(tmpdir(), "zhibu-issue-list-"));
    ({ served, page } = await openSharedPane(consoleErrors, { viewport: { width: WIDTH, height: HEIGHT } }));
  }, 400_000);

  afterAll(async () => {
    await served?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("按规则: each issue's person and message start on one line; the rule id is a tooltip; nothing overflows", async () => {
    await openInValidate(page, MESSY);
    const report = await reportIssues(MESSY);
    const personAt = new Map(report.map((i) => [at(i), i.person]));
    await expect(page.getByTestId("view-rule").getAttribute("aria-selected")).resolves.toBe("true");

    const lines = await firstLines(page, 5);
    for (const l of lines) {
      // The bold lead is the person the engine names for that cell.
      expect([l.location, l.lead]).toEqual([l.location, personAt.get(l.location!)]);
      expect(Math.abs(l.leadTop - l.messageTop)).toBeLessThanOrEqual(4);
    }
    // The cell is on the caption line below, without the sheet (the workbook has one data sheet).
    const first = page.getByTestId("issue").first();
    await expect(first.getByTestId("issue-cell").textContent()).resolves.toBe("E7");
    expect((await box(first.getByTestId("issue-cell"))).y).toBeGreaterThan(lines[0]!.messageTop);
    await expect(overflowing(page, "groups")).resolves.toEqual([]);

    // The rule id is not on the group header's line; hovering the header shows it.
    const header = page.locator('[data-rule="roster.id.checksum"]').locator("button").first();
    await expect(header.textContent()).resolves.not.toContain("roster.id.checksum");
    await header.hover();
    await expect(page.getByRole("tooltip").textContent()).resolves.toBe("规则 roster.id.checksum");
    await page.mouse.move(0, 0);
    await page.getByRole("tooltip").waitFor({ state: "hidden" });
    await page.screenshot({ path: path.join(OUT, "pane-320-by-rule.png"), fullPage: true });
  });

  it("按人员: the rule and the message start on one line under each person's name and row; nothing overflows", async () => {
    await page.getByTestId("view-person").click();
    await page.getByTestId("people").waitFor();
    await expect(page.getByTestId("groups").count()).resolves.toBe(0);

    const lines = await firstLines(page, 5);
    for (const l of lines) expect(Math.abs(l.leadTop - l.messageTop)).toBeLessThanOrEqual(4);
    const person = page.getByTestId("person").first();
    await expect(person.getByTestId("person-name").textContent()).resolves.toBe("孙荷");
    await expect(person.getByTestId("person-row").textContent()).resolves.toBe("第 7 行");
    const nameTop = (await box(person.getByTestId("person-name"))).y;
    expect(Math.abs((await box(person.getByTestId("person-row"))).y - nameTop)).toBeLessThanOrEqual(4);
    await expect(person.getByTestId("issue-lead").first().textContent()).resolves.toBe("身份证号校验位错误");
    await expect(person.getByTestId("issue-cell").first().textContent()).resolves.toBe("E7 · 错误");
    // Issues tied to no one (here the row whose name is empty) come last.
    const last = page.getByTestId("person").last();
    await expect(last.getByTestId("person-name").textContent()).resolves.toBe("未署名 / 表级问题");
    await expect(
      last.getByTestId("issue").evaluateAll((els) => els.map((e) => e.getAttribute("data-location"))),
    ).resolves.toEqual(["花名册!B37"]);
    await expect(overflowing(page, "people")).resolves.toEqual([]);
    await page.screenshot({ path: path.join(OUT, "pane-320-by-person.png"), fullPage: true });
  });

  it("按人员 lists exactly the issues the JSON report gives each person, two people of one name apart", async () => {
    // 冯毓 (row 25) gets two more issues, and the name 冯毓 is also given to row 30, with an issue of its own.
    const file = await editedCopy(work, "roster-several.xlsx", (ws) => {
      ws.getCell("D25").value = "汉";
      ws.getCell("Q25").value = "1863050901";
      ws.getCell("B30").value = "冯毓";
      ws.getCell("Q30").value = "12345";
    });
    await openInValidate(page, file);
    await expect(page.getByTestId("view-person").getAttribute("aria-selected")).resolves.toBe("true");
    const report = await reportIssues(file);

    const entries = await page.getByTestId("person").evaluateAll((els) =>
      els.map((e) => ({
        person: e.getAttribute("data-person"),
        row: e.getAttribute("data-row"),
        sheet: e.getAttribute("data-sheet"),
        severity: e.querySelector('[data-testid="person-count"]')?.getAttribute("data-severity") ?? null,
        count: e.querySelector('[data-testid="person-count"]')?.textContent ?? null,
        issues: Array.from(e.querySelectorAll('[data-testid="issue"]')).map((i) => i.getAttribute("data-location")),
      })),
    );
    const fengYu = entries.filter((e) => e.person === "冯毓");
    expect(fengYu.map((e) => [e.row, e.count])).toEqual([
      ["25", "3"],
      ["30", "1"],
    ]);
    const expected = new Map<string, Issue[]>();
    for (const i of report) {
      const key = i.person === null ? "-" : `${i.sheet}|${i.row}|${i.person}`;
      expected.set(key, [...(expected.get(key) ?? []), i]);
    }
    expect(entries.length).toBe(expected.size);
    for (const e of entries) {
      const mine = expected.get(e.person === null ? "-" : `${e.sheet}|${e.row}|${e.person}`) ?? [];
      expect([e.person, e.row, [...e.issues].sort()]).toEqual([e.person, e.row, mine.map(at).sort()]);
      expect(e.count).toBe(String(mine.length));
      const worst = (["error", "warning", "info"] as const).find((s) => mine.some((i) => i.severity === s));
      expect(e.severity).toBe(worst);
    }
  });

  it("clicking the 10th issue brings the focus section into view and focus; Escape returns to the issue", async () => {
    await openInValidate(page, MESSY);
    await page.getByTestId("view-rule").click();
    await page.getByTestId("groups").waitFor();
    const focus = page.getByTestId("focus");
    const tenth = page.getByTestId("issue").nth(9);
    const location = await tenth.getAttribute("data-location");
    await tenth.scrollIntoViewIfNeeded();
    expect(inViewport(await box(focus))).toBe(false);

    await tenth.click();
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "focus");
    expect(inViewport(await box(focus))).toBe(true);
    await expect(page.getByTestId("focus-location").textContent()).resolves.toBe(location);
    await expect(page.getByTestId("focus-rule").textContent()).resolves.toMatch(/ · 规则 [a-z.]+$/);

    await page.keyboard.press("Escape");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-location"))).resolves.toBe(location);
    expect(inViewport(await box(tenth))).toBe(true);
  });

  it("Enter on a focused issue does the same; 返回列表 returns to it", async () => {
    const focus = page.getByTestId("focus");
    const twelfth = page.getByTestId("issue").nth(11);
    const location = await twelfth.getAttribute("data-location");
    await twelfth.focus();
    expect(inViewport(await box(focus))).toBe(false);

    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "focus");
    expect(inViewport(await box(focus))).toBe(true);
    await expect(page.getByTestId("focus-location").textContent()).resolves.toBe(location);
    await expect(twelfth.getAttribute("aria-current")).resolves.toBe("true");

    await page.getByTestId("focus-back").click();
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-location"))).resolves.toBe(location);
  });

  it("重新校验 validates the file picked again, keeping the view and the filters", async () => {
    await page.getByTestId("view-person").click();
    await page.getByTestId("filter-warning").click();
    await expect(page.getByTestId("filter-warning").getAttribute("aria-pressed")).resolves.toBe("false");
    const before = await page.getByTestId("totals").textContent();
    expect(before).toBe("9 个错误，5 个警告，0 个提示");
    await expect(page.getByTestId("rechecked").count()).resolves.toBe(0);
    await expect(page.getByTestId("validate-summary").textContent()).resolves.toContain("请在弹出的窗口中再选一次它");

    // The user corrects 民族 of row 15 (汉 → 汉族) in Excel and saves the file under its name.
    const edited = await editedCopy(mkdtempSync(path.join(work, "edited-")), "roster-messy.xlsx", (ws) => {
      ws.getCell("D15").value = "汉族";
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(edited);
    const expected = validateWorkbook(snapshotWorkbook(wb, "roster-messy.xlsx"));
    expect(totalsText(expected.counts)).not.toBe(before);

    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByTestId("recheck").click()]);
    await chooser.setFiles(edited);
    await page.getByTestId("rechecked").waitFor({ timeout: 20000 });
    await expect(page.getByTestId("rechecked").textContent()).resolves.toMatch(/^已重新校验：\d{2}:\d{2}:\d{2}$/);
    await expect(page.getByTestId("totals").textContent()).resolves.toBe(totalsText(expected.counts));
    await expect(page.getByTestId("file-name").textContent()).resolves.toBe("roster-messy.xlsx");
    await expect(page.getByTestId("view-person").getAttribute("aria-selected")).resolves.toBe("true");
    await page.getByTestId("people").waitFor();
    await expect(page.getByTestId("filter-warning").getAttribute("aria-pressed")).resolves.toBe("false");
    await expect(page.locator('[data-testid="person"][data-person="贺冰"]').count()).resolves.toBe(0);

    // Another file opened is not a re-check.
    await openInValidate(page, sample("roster-clean.xlsx"));
    await expect(page.getByTestId("rechecked").count()).resolves.toBe(0);
  });

  it("logged no console error", () => {
    expect(consoleErrors).toEqual([]);
  });
});
