/**
 * The Office.js adapter's sync budget and host semantics (SPEC §8), counted on the in-memory Excel fake:
 * validating a 20,000-row roster in place reads in ≤ 4 syncs with every response under 5 MB, marking 500 issue
 * cells takes 1 sync and clearing 3; the fake refuses unloaded reads; host errors reach the caller.
 */
import fs from "node:fs";
import { validateWorkbook } from "../../src/core/engine";
import { createExcelAdapter, MAX_PAYLOAD_BYTES } from "../../addin/office/excel-adapter";
import { marksFromIssues } from "../../addin/office/port";
import { FakeExcel, FakeOfficeError, fakeFromXlsx } from "../fakes/excel-fake";
import { tempDir } from "../helpers/cli";
import { AS_OF } from "../helpers/build";
import { writeRoster } from "./roster-file";

const ROWS = 20_000;
let dir: string;
let fake: FakeExcel;

beforeAll(async () => {
  dir = tempDir("zhibu-office-budget-");
  fake = await fakeFromXlsx(await writeRoster(dir, ROWS, 40)); // 500 rows with a bad phone
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a 20,000-row roster is read in at most 4 syncs, each response under 5 MB, marked in 1 and cleared in 3", async () => {
  fake.resetStats();
  const adapter = createExcelAdapter({ run: fake.run, isSetSupported: () => true });
  const snapshot = await adapter.readWorkbook();
  expect(fake.stats.syncs).toBeLessThanOrEqual(4);
  expect(fake.stats.payloads.filter((b) => b > MAX_PAYLOAD_BYTES / 2).length).toBeGreaterThanOrEqual(2); // chunked
  expect(Math.max(...fake.stats.payloads)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
  const roster = snapshot.sheets.find((s) => s.values.length > ROWS);
  expect(roster?.values.length).toBe(ROWS + 2); // title + header + rows

  const result = validateWorkbook(snapshot, { asOf: AS_OF });
  const marks = marksFromIssues(result.issues);
  expect(marks).toHaveLength(500);
  expect(new Set(marks.map((m) => m.cell)).size).toBe(500);

  fake.resetStats();
  const before = fake.fills();
  const formats = fake.conditionalFormatList();
  const record = await adapter.applyMarks(marks);
  expect(fake.stats.syncs).toBe(1);
  expect(record.cells).toHaveLength(500);
  expect(fake.conditionalFormatList()).toHaveLength(formats.length + 500);

  fake.resetStats();
  await adapter.clearMarks(record);
  expect(fake.stats.syncs).toBe(3);
  expect(Math.max(...fake.stats.payloads)).toBeLessThan(100_000);
  expect(fake.fills()).toEqual(before);
  expect(fake.conditionalFormatList()).toEqual(formats);
}, 120_000);

test("one sheet is read in 2 syncs; selecting a cell takes 1 and activates its sheet", async () => {
  fake.resetStats();
  const adapter = createExcelAdapter({ run: fake.run, isSetSupported: () => true });
  const sheet = await adapter.readSheet("设置");
  expect(sheet.values.length).toBeGreaterThan(0);
  expect(fake.stats.syncs).toBe(2);
  fake.resetStats();
  await adapter.selectCell("设置", "B3");
  expect(fake.stats.syncs).toBe(1);
  expect(fake.stats.selection?.address).toMatch(/!B3$/);
  expect(fake.stats.activeSheet).toBe("设置");
});

test("reading a property before the sync that loads it throws PropertyNotLoaded, like Office.js", async () => {
  await fake.run(async (context) => {
    const range = context.workbook.worksheets.getItem("设置").getUsedRangeOrNullObject(true);
    expect(() => range.values).toThrow(/not available/);
    range.load("values");
    expect(() => range.values).toThrow(/not available/);
    expect(() => range.isNullObject).toThrow(/not available/);
    await context.sync();
    expect(range.isNullObject).toBe(false);
    expect(Array.isArray(range.values)).toBe(true);
    expect(() => range.address).toThrow(/not available/);
    try {
      void range.rowCount;
      throw new Error("no throw");
    } catch (e) {
      expect((e as FakeOfficeError).code).toBe("PropertyNotLoaded");
    }
  });
});

test("writes are applied only at sync", async () => {
  const sheet = fake.grid.sheets[0];
  if (!sheet) throw new Error("no sheet");
  const before = fake.fills();
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem(sheet.name).getRange("Z9").format.fill.color = "#FF0000";
    expect(fake.fills()).toEqual(before);
    await context.sync();
    expect(fake.fills().get(`${sheet.name}!Z9`)?.color).toBe("#FF0000");
    context.workbook.worksheets.getItem(sheet.name).getRange("Z9").format.fill.clear();
  }); // run's final sync flushes the queued clear
  expect(fake.fills()).toEqual(before);
});

test("a host error at sync rejects with the host's message, for reads and for marks", async () => {
  const adapter = createExcelAdapter({ run: fake.run, isSetSupported: () => true });
  fake.resetStats();
  fake.failAtSync(2, new FakeOfficeError("GeneralException", "An internal error has occurred."));
  await expect(adapter.readWorkbook()).rejects.toThrow("An internal error has occurred.");

  fake.resetStats();
  fake.failAtSync(
    1,
    new FakeOfficeError("InvalidOperation", "This operation is not permitted for the current object."),
  );
  const before = fake.conditionalFormatList();
  await expect(adapter.applyMarks([{ sheet: "设置", cell: "A1", severity: "error", message: "" }])).rejects.toThrow(
    "This operation is not permitted",
  );
  expect(fake.conditionalFormatList()).toEqual(before);

  fake.resetStats();
  await expect(adapter.readSheet("没有这张表")).rejects.toMatchObject({ code: "ItemNotFound" });
  await expect(adapter.selectCell("没有这张表", "A1")).rejects.toMatchObject({ code: "ItemNotFound" });
});
