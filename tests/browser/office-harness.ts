/** Shared by the Office-mode browser tests: the test-only Office page with the messy roster, and what to expect. */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../src/core/types";
import { snapshotSheet } from "../../src/xlsx/snapshot";
import { ROOT, type Served, serveAndLaunch } from "./harness";

export const FIXTURE = path.join(ROOT, "tests/fixtures/samples/roster-messy.xlsx");
export const ROSTER = "花名册";

export const totalsText = (c: { error: number; warning: number; info: number }) =>
  `${c.error} 个错误，${c.warning} 个警告，${c.info} 个提示`;

/** What the pane reads for the active sheet 花名册 (the sheet and 设置), after `edit` as the user made it. */
export async function activeSnapshot(edit?: (wb: ExcelJS.Workbook) => void): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE);
  edit?.(wb);
  return { name: ROSTER, sheets: [snapshotSheet(wb.getWorksheet("设置")!), snapshotSheet(wb.getWorksheet(ROSTER)!)] };
}

/** Builds tests/browser/office-page into a new temp folder named from `prefix`, with the fixture and the icon. */
function buildOfficePage(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  execFileSync(process.execPath, [path.join(ROOT, "tests/browser/build-office-page.js"), dir], {
    cwd: ROOT,
    stdio: "pipe",
  });
  copyFileSync(FIXTURE, path.join(dir, "roster-messy.xlsx"));
  mkdirSync(path.join(dir, "assets"));
  copyFileSync(path.join(ROOT, "assets/icon-32.png"), path.join(dir, "assets/icon-32.png"));
  return dir;
}

/** The Office page built and served, and Chromium launched; `close` stops both and removes the folder. */
export async function serveOfficePage(prefix: string): Promise<Served> {
  const dir = buildOfficePage(prefix);
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const served = await serveAndLaunch(dir);
    return {
      ...served,
      close: async () => {
        await served.close();
        remove();
      },
    };
  } catch (err) {
    remove();
    throw err;
  }
}
