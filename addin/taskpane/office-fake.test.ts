/**
 * The pane's Excel-side steps against the real adapter over the faithful Excel fake (tests/fakes/excel-fake.ts):
 * what the pane reads validates like the file, marks are cleared exactly, and a missing sheet is recognised by the
 * host's own ItemNotFound error.
 */
import path from "node:path";
import { createExcelAdapter } from "../office/excel-adapter";
import { fakeFromXlsx } from "../../tests/fakes/excel-fake";
import { validateWorkbook } from "../../src/core/engine";
import { readWorkbookFile } from "../../src/xlsx/read";
import { cellsToMark, markIssues } from "./office-actions";
import { debounceSheets, mergeSheets, readFromHost } from "./office-validation";

const FIXTURE = path.resolve(__dirname, "../../tests/fixtures/samples/roster-messy.xlsx");

describe("pane steps over the Excel fake", () => {
  it("validates the whole workbook read through the host like the file itself", async () => {
    const fake = await fakeFromXlsx(FIXTURE);
    const host = createExcelAdapter({ run: fake.run, isSetSupported: () => true });
    const read = await readFromHost(host, "workbook");
    expect(read.sheet).toBeNull();
    const fromHost = validateWorkbook(read.snapshot);
    const fromFile = validateWorkbook((await readWorkbookFile(FIXTURE)).snapshot);
    expect(fromHost.counts).toEqual(fromFile.counts);
    expect(fromHost.issues.map((i) => `${i.sheet}!${i.cell}:${i.rule}`)).toEqual(
      fromFile.issues.map((i) => `${i.sheet}!${i.cell}:${i.rule}`),
    );
  });

  it("marks the issue cells with the add-in's conditional formats and clears exactly those", async () => {
    const fake = await fakeFromXlsx(FIXTURE);
    const host = createExcelAdapter({ run: fake.run, isSetSupported: () => true });
    const result = validateWorkbook((await readFromHost(host, "workbook")).snapshot);
    const before = fake.fills();
    const record = await markIssues(host, result, "zh-CN");
    expect(record.cells.length).toBe(cellsToMark(result.issues));
    expect(fake.conditionalFillsAt("花名册", "E25")[0]).toBe("#FFC7CE");
    expect(fake.fills()).toEqual(before);
    await host.clearMarks(record);
    expect(fake.fills()).toEqual(before);
    expect(fake.conditionalFormatList()).toEqual([]);
  });

  it("drops a sheet deleted since the last read (the host's ItemNotFound) when re-checking edits", async () => {
    const fake = await fakeFromXlsx(FIXTURE);
    const host = createExcelAdapter({ run: fake.run, isSetSupported: () => true });
    const { snapshot } = await readFromHost(host, "workbook");
    const withGhost = { ...snapshot, sheets: [...snapshot.sheets, { name: "已删除", values: [["x"]] }] };
    const merged = await mergeSheets(host, withGhost, ["已删除", "花名册"], { scope: "workbook", sheet: null });
    expect(merged.sheets.map((s) => s.name)).toEqual(snapshot.sheets.map((s) => s.name));
  });

  it("validates the active sheet with 设置 beside it, as the file's own sheet validates", async () => {
    const fake = await fakeFromXlsx(FIXTURE);
    const host = createExcelAdapter({ run: fake.run, isSetSupported: () => true });
    await host.selectCell("花名册", "A1");
    const read = await readFromHost(host, "active");
    expect(read.sheet).toBe("花名册");
    expect(read.snapshot.sheets.map((s) => s.name)).toEqual(["设置", "花名册"]);
    const fromHost = validateWorkbook(read.snapshot);
    const fromFile = validateWorkbook((await readWorkbookFile(FIXTURE)).snapshot, { sheet: "花名册" });
    expect(fromHost.asOf).toEqual(fromFile.asOf);
    expect(fromHost.issues.map((i) => `${i.sheet}!${i.cell}:${i.rule}`)).toEqual(
      fromFile.issues.filter((i) => i.sheet === "花名册").map((i) => `${i.sheet}!${i.cell}:${i.rule}`),
    );
  });

  it("reads the active sheet and 设置 in one batch of 3 syncs, and the sheet alone when there is no 设置", async () => {
    const fake = await fakeFromXlsx(FIXTURE);
    const host = createExcelAdapter({ run: fake.run, isSetSupported: fake.isSetSupported });
    const read = await host.readActiveSheet(["设置", "花名册"]);
    expect([read.sheet.name, read.beside.map((s) => s.name)]).toEqual(["花名册", ["设置"]]);
    expect(fake.stats.syncs).toBe(3);
    fake.grid.sheets.splice(
      fake.grid.sheets.findIndex((s) => s.name === "设置"),
      1,
    );
    const alone = await readFromHost(host, "active");
    expect(alone.snapshot.sheets.map((s) => s.name)).toEqual(["花名册"]);
  });

  it("re-checks after the user's edit: the watched edit is re-read and its issue goes away", async () => {
    const fake = await fakeFromXlsx(FIXTURE);
    const host = createExcelAdapter({ run: fake.run, isSetSupported: () => true });
    const first = await readFromHost(host, "workbook");
    const before = validateWorkbook(first.snapshot);
    expect(before.issues.some((i) => i.rule === "roster.id.duplicate")).toBe(true);

    let resolveAfter: (r: ReturnType<typeof validateWorkbook>) => void = () => undefined;
    let rejectAfter: (e: unknown) => void = () => undefined;
    const rechecked = new Promise<ReturnType<typeof validateWorkbook>>((resolve, reject) => {
      resolveAfter = resolve;
      rejectAfter = reject;
    });
    const fired: string[][] = [];
    const debounced = debounceSheets((sheets) => {
      fired.push(sheets);
      mergeSheets(host, first.snapshot, sheets, { scope: "workbook", sheet: null })
        .then((snapshot) => resolveAfter(validateWorkbook(snapshot)))
        .catch(rejectAfter);
    }, 20);
    const stop = await host.watchChanges((changes) => debounced.push(changes.map((c) => c.sheet)));
    // The add-in's own marks are not an edit; the user's typing is.
    await markIssues(host, before, "zh-CN");
    fake.userEdit("花名册", "E26", "");
    const after = await rechecked;
    expect(after.issues.some((i) => i.rule === "roster.id.duplicate")).toBe(false);
    expect(after.issues.some((i) => i.cell === "E26" && i.rule === "cell.required")).toBe(true);
    expect(fired).toEqual([["花名册"]]);
    await stop();
  });
});
