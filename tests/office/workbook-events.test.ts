/**
 * A new workbook from an .xlsx (Excel.createWorkbook, ExcelApi 1.8) and watching the user's edits (onChanged,
 * ExcelApi 1.9 on the collection or 1.7 per sheet) through the Office.js adapter over the Excel fake: the
 * handler hears the user's edits, never the add-in's own writes (events are off while it writes).
 */
import { HostFeatureUnavailable, type ChangedRange } from "../../addin/office/port";
import { FakeOfficeError, fakeFromXlsx } from "../fakes/excel-fake";
import { validateWorkbook } from "../../src/core/engine";
import { marksFromIssues } from "../../addin/office/port";
import { AS_OF } from "../helpers/build";
import { SAMPLES, adapterOver, freshFake } from "./helpers";

const BASE64 = Buffer.from("PK\u0003\u0004 not really a workbook").toString("base64");

describe("openNewWorkbook", () => {
  test("creates and opens a workbook from the base64 in one sync (ExcelApi 1.8)", async () => {
    const fake = freshFake("1.8");
    fake.resetStats();
    await adapterOver(fake).openNewWorkbook(BASE64);
    expect(fake.createdWorkbooks).toEqual([{ base64: BASE64, opened: true }]);
    expect(fake.stats.syncs).toBe(1);
  });

  test("uses Excel.createWorkbook when the caller passes it", async () => {
    const fake = freshFake();
    const calls: string[] = [];
    await adapterOver(fake, { createWorkbook: async (b) => void calls.push(b) }).openNewWorkbook(BASE64);
    expect(calls).toEqual([BASE64]);
    expect(fake.createdWorkbooks).toEqual([]);
  });

  test("rejects with HostFeatureUnavailable before ExcelApi 1.8, so the pane downloads instead", async () => {
    const fake = freshFake("1.7");
    const opening = adapterOver(fake).openNewWorkbook(BASE64);
    await expect(opening).rejects.toBeInstanceOf(HostFeatureUnavailable);
    await expect(opening).rejects.toMatchObject({ feature: "createWorkbook", requirement: "ExcelApi 1.8" });
    expect(fake.createdWorkbooks).toEqual([]);
  });

  test("a host error surfaces", async () => {
    const fake = freshFake();
    fake.failAtSync(1, new FakeOfficeError("GeneralException", "An internal error has occurred."));
    await expect(adapterOver(fake).openNewWorkbook(BASE64)).rejects.toMatchObject({ code: "GeneralException" });
  });
});

describe.each(["1.9", "1.8", "1.7"])("watchChanges on ExcelApi %s", (version) => {
  test("the user's edits reach the handler; the add-in's writes and marks do not; unsubscribing stops it", async () => {
    const fake = await fakeFromXlsx(`${SAMPLES}/roster-messy.xlsx`);
    fake.apiVersion = version;
    const adapter = adapterOver(fake);
    const heard: ChangedRange[] = [];
    fake.resetStats();
    const stop = await adapter.watchChanges((changes) => heard.push(...changes));
    expect(fake.stats.syncs).toBe(version === "1.9" ? 1 : 2);
    const sheet = fake.grid.sheets[0]?.name ?? "";

    fake.userEdit(sheet, "C5", "男");
    await Promise.resolve();
    expect(heard).toEqual([{ sheet, address: "C5" }]);

    // The fake raises onChanged for API writes made with events on (so the silence below means something) …
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange("Z1").values = [["x"]];
      await context.sync();
    });
    expect(heard).toHaveLength(2);
    heard.length = 0;

    // … and the add-in's own writes run with events off (where the host has the switch, ExcelApi 1.8).
    const result = validateWorkbook(await adapter.readWorkbook(), { asOf: AS_OF });
    const record = await adapter.applyMarks(marksFromIssues(result.issues));
    await adapter.clearMarks(record);
    if (version !== "1.7") {
      await adapter.insertTemplate({ templateId: "ballot", branch: "", sampleRows: 3, asOf: AS_OF });
      await adapter.writeSettings({ 支部名称: "第一党支部" });
      await adapter.writeSummarySheet(result, { title: "t", subtitle: "", mask: true });
      expect(heard).toEqual([]);
      expect(fake.eventsEnabled).toBe(true);
    } else {
      await adapter.writeSummarySheet(result, { title: "t", subtitle: "", mask: true });
      // Without runtime.enableEvents the 汇总 write is heard (a sheet made after watching has no handler at 1.7).
      expect(heard.every((c) => c.sheet === "汇总")).toBe(true);
      heard.length = 0;
    }

    fake.userEdit(sheet, "D6:E7", "x");
    await Promise.resolve();
    expect(heard).toEqual([{ sheet, address: "D6:E7" }]);

    heard.length = 0;
    fake.resetStats();
    await stop();
    expect(fake.stats.syncs).toBe(1);
    fake.userEdit(sheet, "C5", "女");
    await Promise.resolve();
    expect(heard).toEqual([]);
  });
});

test("a sheet added after watching is heard by name on ExcelApi 1.9", async () => {
  const fake = freshFake("1.9");
  const adapter = adapterOver(fake);
  const heard: ChangedRange[] = [];
  const stop = await adapter.watchChanges((changes) => heard.push(...changes));
  await adapter.insertTemplate({ templateId: "roster", branch: "", sampleRows: 0 });
  fake.userEdit("党员花名册", "B3", "张三");
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(heard).toEqual([{ sheet: "党员花名册", address: "B3" }]);
  await stop();
});

test("before ExcelApi 1.7 watching is unavailable", async () => {
  const fake = freshFake("1.6");
  await expect(adapterOver(fake).watchChanges(() => undefined)).rejects.toMatchObject({
    feature: "onChanged",
    requirement: "ExcelApi 1.7",
  });
});
