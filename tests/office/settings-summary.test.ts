/**
 * 设置 and 汇总 in place (SPEC §2.5, §4, §6) through the Office.js adapter over the Excel fake: settings written
 * and read back by the engine's own settings reader; the 汇总 sheet's figures equal `summaryOf`'s tables for the
 * clean roster sample (党员总数 30), IDs and phones masked, PivotTables and charts recorded, plain tables where
 * PivotTables are missing, and a re-run replaces only 汇总.
 */
import { validateWorkbook, workbookSettings } from "../../src/core/engine";
import { summaryOf } from "../../src/core/summary/sections";
import { PIVOT_DEFS } from "../../src/core/summary/pivots";
import { SETTING_DEFS } from "../../src/core/settings";
import { FakeOfficeError, type FakeExcel, type GridValue, fakeFromXlsx } from "../fakes/excel-fake";
import { AS_OF } from "../helpers/build";
import { SAMPLES, adapterOver, freshFake, rowOf } from "./helpers";

const ROSTER = `${SAMPLES}/roster-clean.xlsx`;

describe("writeSettings", () => {
  const VALUES = {
    支部名称: "第二党支部",
    优秀分数线: 85,
    统计截止日期: "2026-06-30",
    考核优秀比例上限: 0.25,
    年度: 2026,
  };

  async function settingsAfter(fake: FakeExcel): Promise<Record<string, unknown>> {
    const snapshot = await adapterOver(fake).readWorkbook();
    return workbookSettings(snapshot).settings.values;
  }

  test("updates 值 in place in an existing 设置 (3 syncs) and the engine reads them back", async () => {
    const fake = await fakeFromXlsx(ROSTER);
    const before = fake.valuesOf("设置");
    fake.resetStats();
    await adapterOver(fake).writeSettings(VALUES);
    expect(fake.stats.syncs).toBe(3);
    // 支部名称, 统计截止日期 and 年度 were there (updated in place); 优秀分数线 and 考核优秀比例上限 appended.
    const after = fake.valuesOf("设置");
    expect(before.map((r) => r[0])).toEqual(["项目", "支部名称", "统计截止日期", "年度"]);
    expect(after.map((r) => r.slice(0, 2))).toEqual([
      ["项目", "值"],
      ["支部名称", "第二党支部"],
      ["统计截止日期", "2026-06-30"],
      ["年度", 2026],
      ["优秀分数线", 85],
      ["考核优秀比例上限", 0.25],
    ]);
    const values = await settingsAfter(fake);
    expect(values).toMatchObject({
      branchName: "第二党支部",
      excellentScore: 85,
      asOf: { kind: "date", y: 2026, m: 6, d: 30 },
      evalExcellentQuota: 0.25,
      year: 2026,
    });
    expect(fake.eventsEnabled).toBe(true);
  });

  test("creates 设置 with every default when the workbook has none (2 syncs), by 项目 or by key", async () => {
    const fake = freshFake();
    fake.resetStats();
    await adapterOver(fake).writeSettings({ 支部名称: "第三党支部", bonusCap: 3 });
    expect(fake.stats.syncs).toBe(2);
    const sheet = fake.valuesOf("设置");
    expect(sheet[0]?.slice(0, 3)).toEqual(["项目", "值", "说明"]);
    expect(sheet.slice(1).map((r) => r[0])).toEqual(SETTING_DEFS.map((d) => d.label));
    const values = await settingsAfter(fake);
    expect(values).toMatchObject({ branchName: "第三党支部", bonusCap: 3, passScore: 70, attendanceWarn: 0.8 });
    expect(fake.sheet("设置").validations.length).toBeGreaterThan(0);
  });

  test("on ExcelApi 1.7 (no validation, no events switch) the 设置 sheet is still written, without dropdowns", async () => {
    const fake = freshFake("1.7");
    await adapterOver(fake).writeSettings({ 支部名称: "第四党支部" });
    expect(fake.sheet("设置").validations).toEqual([]);
    expect(await settingsAfter(fake)).toMatchObject({ branchName: "第四党支部" });
  });

  test("appends an item the sheet lacks, and rejects an unknown one without writing", async () => {
    const fake = freshFake();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.add("设置");
      ws.getRange("A1:B2").values = [
        ["项目", "值"],
        ["支部名称", "旧名称"],
      ];
      await context.sync();
    });
    const adapter = adapterOver(fake);
    await adapter.writeSettings({ 支部名称: "新名称", 加分上限: 4 });
    expect(fake.valuesOf("设置")).toEqual([
      ["项目", "值", ""],
      ["支部名称", "新名称", ""],
      ["加分上限", 4, "加分不得超过此分"],
    ]);
    await expect(adapter.writeSettings({ 不存在的项目: 1 })).rejects.toThrow(/不存在的项目/);
  });
});

describe("writeSummarySheet", () => {
  async function summarised(
    apiVersion = "1.20",
  ): Promise<{ fake: FakeExcel; result: ReturnType<typeof validateWorkbook> }> {
    const fake = await fakeFromXlsx(ROSTER);
    fake.apiVersion = apiVersion;
    const result = validateWorkbook(await adapterOver(fake).readWorkbook(), { asOf: AS_OF });
    return { fake, result };
  }

  /** Each summary table as the 汇总 sheet shows it: the rows under its title and column headers. */
  function tableOnSheet(
    values: GridValue[][],
    title: string,
    columns: number,
    rows: number,
    from: number,
  ): { at: number; rows: GridValue[][] } {
    const at = rowOf(values, title, from);
    return { at, rows: values.slice(at + 1, at + 2 + rows).map((r) => r.slice(0, columns)) };
  }

  test("the figures on 汇总 are summaryOf's tables (党员总数 30), masked, with PivotTables and a chart, in 2 syncs", async () => {
    const { fake, result } = await summarised();
    const others = fake.grid.sheets.map((s) => [s.name, new Map(s.cells)]);
    fake.resetStats();
    const out = await adapterOver(fake).writeSummarySheet(result, {
      title: "第十一中学党支部 情况汇总",
      subtitle: "统计截止日期：2026-11-21",
      mask: true,
    });
    expect(fake.stats.syncs).toBe(2);
    expect(out.sheet).toBe("汇总");

    const values = fake.valuesOf("汇总");
    expect(values[0]?.[0]).toBe("第十一中学党支部 情况汇总");
    const basic = tableOnSheet(values, "基本情况", 2, 1, 0);
    expect(basic.rows[1]).toEqual(["党员总数（正式+预备）", 30]);
    let from = 0;
    for (const section of summaryOf(result, true).sections) {
      expect(rowOf(values, section.heading)).toBeGreaterThan(0);
      for (const table of section.tables) {
        const shown = tableOnSheet(values, table.title, table.columns.length, table.rows.length, from);
        expect(shown.at).toBeGreaterThan(from - 1);
        expect(shown.rows[0]).toEqual(table.columns);
        expect(shown.rows.slice(1)).toEqual(table.rows.map((r) => r.map((v) => v)));
        from = shown.at + 1;
      }
    }
    expect(out.tables).toBe(summaryOf(result, true).sections.reduce((n, s) => n + s.tables.length, 0));
    const text = values.flat().map(String);
    expect(text.filter((v) => /^\d{17}[\dXx]$/.test(v) || /^1\d{10}$/.test(v))).toEqual([]);

    const sheet = fake.sheet("汇总");
    // 年龄段 is a column only the file export's data sheet has: Excel places the other roster definitions.
    const rosterPivots = PIVOT_DEFS.filter((d) => d.template === "roster" && !d.rows.includes("ageBand"));
    expect(out.pivotTables).toBe(rosterPivots.length);
    expect(sheet.pivots.map((p) => [p.rows, p.columns, p.data])).toEqual([
      // The sample's own headers (aliases): the pivot fields are named as the sheet names them.
      [["类别"], [], [{ field: "类别", summarizeBy: "Count" }]],
      [["所在党小组"], ["类别"], [{ field: "类别", summarizeBy: "Count" }]],
      [["文化程度"], [], [{ field: "文化程度", summarizeBy: "Count" }]],
    ]);
    // Header row 3 down to the last data row of the sample (no table there: the header + data range).
    expect(sheet.pivots[0]?.source).toBe(`'花名册'!A3:T${fake.valuesOf("花名册").length}`);
    expect(out.charts).toBe(1);
    // The section's first "按…" table, its label and count columns: header row + the five categories.
    const byCategory = rowOf(values, "按人员类别（全部人员）") + 2;
    expect(values[byCategory - 1]?.slice(0, 2)).toEqual(["人员类别", "人数"]);
    expect(sheet.charts).toEqual([
      {
        type: "ColumnClustered",
        source: `'汇总'!A${byCategory}:B${byCategory + 5}`,
        seriesBy: "Columns",
        title: "党员花名册：按人员类别（全部人员）",
        position: expect.stringMatching(/^[A-Z]+\d+:[A-Z]+\d+$/),
      },
    ]);
    expect(fake.eventsEnabled).toBe(true);
    for (const [name, cells] of others) expect(fake.sheet(name as string).cells).toEqual(cells);
  });

  test("unmasked when asked: the probation list shows the ID numbers as the roster has them", async () => {
    const { fake, result } = await summarised();
    await adapterOver(fake).writeSummarySheet(result, { title: "t", subtitle: "s", mask: false });
    const ids = summaryOf(result, false)
      .sections[0]?.tables.find((t) => t.title === "预备党员转正提醒")
      ?.rows.map((r) => r[1]);
    const text = fake.valuesOf("汇总").flat();
    for (const id of ids ?? []) expect(text).toContain(id);
  });

  test("a re-run replaces 汇总 (pivots and charts not doubled) and touches no other sheet", async () => {
    const { fake, result } = await summarised();
    const adapter = adapterOver(fake);
    await adapter.writeSummarySheet(result, { title: "一", subtitle: "", mask: true });
    fake.sheet("汇总").cells.set(16384 * 200 + 1, { value: "手写", format: "General", fill: null });
    const others = fake.grid.sheets.filter((s) => s.name !== "汇总").map((s) => [s.name, new Map(s.cells)] as const);
    const again = await adapter.writeSummarySheet(result, { title: "二", subtitle: "", mask: true });
    expect(fake.grid.sheets.filter((s) => s.name === "汇总")).toHaveLength(1);
    expect(fake.valuesOf("汇总")[0]?.[0]).toBe("二");
    expect(fake.valuesOf("汇总").flat()).not.toContain("手写");
    expect(fake.sheet("汇总").pivots).toHaveLength(again.pivotTables);
    expect(fake.sheet("汇总").charts).toHaveLength(1);
    for (const [name, cells] of others) expect(fake.sheet(name).cells).toEqual(cells);
  });

  test("without PivotTables (ExcelApi 1.7) the tables and chart alone, pivotTables: 0", async () => {
    const { fake, result } = await summarised("1.7");
    const out = await adapterOver(fake).writeSummarySheet(result, { title: "t", subtitle: "s", mask: true });
    expect(out.pivotTables).toBe(0);
    expect(fake.sheet("汇总").pivots).toEqual([]);
    expect(out.charts).toBe(1);
    expect(rowOf(fake.valuesOf("汇总"), "基本情况")).toBeGreaterThan(0);
  });

  test("pivots over every template of a workbook made in place, sources from the inserted tables", async () => {
    const fake = freshFake();
    const adapter = adapterOver(fake);
    for (const id of ["roster", "schedule", "evaluation", "ballot"])
      await adapter.insertTemplate({ templateId: id, branch: "", sampleRows: 60, asOf: AS_OF });
    const result = validateWorkbook(await adapter.readWorkbook(), { asOf: AS_OF });
    const out = await adapter.writeSummarySheet(result, { title: "t", subtitle: "s", mask: true });
    expect(out.pivotTables).toBe(PIVOT_DEFS.filter((d) => !d.rows.includes("ageBand")).length);
    expect(new Set(fake.sheet("汇总").pivots.map((p) => p.source))).toEqual(
      new Set(["tbl_roster", "tbl_schedule", "tbl_evaluation", "tbl_ballot"]),
    );
    expect(fake.sheet("汇总").pivots.find((p) => p.data[0]?.summarizeBy === "Average")?.data).toEqual([
      { field: "总分", summarizeBy: "Average" },
    ]);
    expect(out.charts).toBe(4);
  });

  test("a host error at a sync rejects with the host's error", async () => {
    const { fake, result } = await summarised();
    fake.resetStats();
    fake.failAtSync(
      2,
      new FakeOfficeError("InvalidOperation", "This operation is not permitted for the current object."),
    );
    await expect(
      adapterOver(fake).writeSummarySheet(result, { title: "t", subtitle: "s", mask: true }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(fake.eventsEnabled).toBe(true);
  });
});
