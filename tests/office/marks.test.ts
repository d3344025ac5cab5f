/**
 * Marks that survive editing (issue 10): the Excel fake's row insertion/deletion, sorting and manual fills move
 * cells and conditional formats as Excel does, and over them the adapter's marks (its own conditional formats)
 * are cleared exactly: after the user deletes, inserts and sorts rows and recolours a marked cell, every cell's
 * fill is what the user left, the user's own conditional formats are untouched and no mark remains, also from a
 * new adapter in a later session (new ids) with the record from the document settings.
 */
import { createExcelAdapter } from "../../addin/office/excel-adapter";
import { HostFeatureUnavailable, MARK_COLORS, MARK_FORMULA, type Mark, type MarkRecord } from "../../addin/office/port";
import {
  COL_LIMIT,
  FakeExcel,
  type GridCell,
  type GridValue,
  cellValue,
  localAddress,
  newGridSheet,
} from "../fakes/excel-fake";

const S = "花名册";

/** A sheet with a header row and rows 2..7: 序号, 姓名, 分数; row 4 is a duplicate of row 3. */
function roster(): FakeExcel {
  const rows: GridValue[][] = [
    ["序号", "姓名", "分数"],
    [1, "张三", 88],
    [2, "李四", 75],
    [2, "李四", 75],
    [3, "王五", 92],
    [4, "赵六", ""],
    [5, "钱七", 60],
  ];
  const cells = new Map<number, GridCell>();
  rows.forEach((row, r) =>
    row.forEach((value, c) => cells.set((r + 1) * COL_LIMIT + c + 1, { value, format: "General", fill: null })),
  );
  return new FakeExcel({ name: "t.xlsx", sheets: [newGridSheet(S, cells), newGridSheet("设置")] });
}

const column = (fake: FakeExcel, col: number): GridValue[] =>
  Array.from({ length: 7 }, (_, i) => cellValue(fake.sheet(S), i + 1, col));

const mark = (cell: string, severity: Mark["severity"] = "error", sheet = S): Mark => ({
  sheet,
  cell,
  severity,
  message: "",
});

describe("the Excel fake's edits", () => {
  test("inserting a row moves cells, conditional formats, validations and merges below it; inside, they grow", async () => {
    const fake = roster();
    const s = fake.sheet(S);
    fake.userConditionalFormat(S, "B3", "=TRUE", "#00FF00");
    fake.userConditionalFormat(S, "C2:C5", "=C2>80", "#0000FF");
    s.merges.push({ top: 6, left: 1, bottom: 6, right: 2 });
    fake.userInsertRows(S, 3);
    expect(column(fake, 2)).toEqual(["姓名", "张三", "", "李四", "李四", "王五", "赵六"]);
    expect(s.conditionalFormats.map((cf) => localAddress(cf.bounds))).toEqual(["B4", "C2:C6"]);
    expect(s.merges).toEqual([{ top: 7, left: 1, bottom: 7, right: 2 }]);
  });

  test("deleting rows moves what is below up, shrinks what spans them and removes what was only in them", () => {
    const fake = roster();
    const s = fake.sheet(S);
    fake.userConditionalFormat(S, "B4", "=TRUE", "#00FF00");
    fake.userConditionalFormat(S, "B6", "=TRUE", "#00FF00");
    fake.userConditionalFormat(S, "C3:C6", "=TRUE", "#0000FF");
    fake.userDeleteRows(S, 4, 2);
    expect(column(fake, 2)).toEqual(["姓名", "张三", "李四", "赵六", "钱七", "", ""]);
    expect(s.conditionalFormats.map((cf) => localAddress(cf.bounds))).toEqual(["B4", "C3:C4"]);
  });

  test("sorting moves values and fills with their rows, not conditional formats; blanks last either way", () => {
    const fake = roster();
    const s = fake.sheet(S);
    fake.userFill(S, "B2", "#ABCDEF");
    fake.userConditionalFormat(S, "B2", "=TRUE", "#00FF00");
    fake.userSort(S, "A1:C7", [{ key: 2, ascending: false }], true);
    expect(column(fake, 3)).toEqual(["分数", 92, 88, 75, 75, 60, ""]);
    expect(column(fake, 2)).toEqual(["姓名", "王五", "张三", "李四", "李四", "钱七", "赵六"]);
    expect(fake.fills().get(`${S}!B3`)?.color).toBe("#ABCDEF");
    expect(fake.fills().has(`${S}!B2`)).toBe(false);
    expect(s.conditionalFormats.map((cf) => localAddress(cf.bounds))).toEqual(["B2"]);
    fake.userSort(S, "A2:C7", [{ key: 1 }]);
    expect(column(fake, 2).slice(1)).toEqual(
      [...column(fake, 2).slice(1)].sort((a, b) => String(a).localeCompare(String(b), "zh-CN")),
    );
  });

  test("Office.js: range.insert(Down), range.delete(Up) and range.sort.apply act at sync like the user's edits", async () => {
    const fake = roster();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(S);
      ws.getRange("A4:XFD4").delete("Up" as Excel.DeleteShiftDirection);
      expect(cellValue(fake.sheet(S), 4, 2)).toBe("李四");
      await context.sync();
      ws.getRange("2:2").insert("Down" as Excel.InsertShiftDirection);
      ws.getRange("A3:C7").sort.apply([{ key: 0, ascending: false }]);
      await context.sync();
    });
    expect(column(fake, 1)).toEqual(["序号", "", 5, 4, 3, 2, 1]);
    fake.apiVersion = "1.1";
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets
          .getItem(S)
          .getRange("A1:C7")
          .sort.apply([{ key: 0 }]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("conditional formats: added on top with an id, found by id, null object for a missing id, deleted once", async () => {
    const fake = roster();
    fake.userConditionalFormat(S, "A1:C7", "=$C1>90", "#00FF00");
    let id = "";
    await fake.run(async (context) => {
      const formats = context.workbook.worksheets.getItem(S).getRange("B2").conditionalFormats;
      const added = formats.add("Custom" as Excel.ConditionalFormatType);
      added.custom.rule.formula = "=TRUE";
      added.custom.format.fill.color = "#ff0000";
      added.load("id, priority");
      expect(() => added.id).toThrow(/not available/);
      await context.sync();
      id = added.id;
      expect(added.priority).toBe(0);
      const all = context.workbook.worksheets.getItem(S).getRange().conditionalFormats;
      all.load("items/id, items/priority, items/customOrNullObject/rule/formula");
      await context.sync();
      expect(all.items.map((f) => [f.id === id, f.priority, f.customOrNullObject.rule.formula])).toEqual([
        [true, 0, "=TRUE"],
        [false, 1, "=$C1>90"],
      ]);
      const missing = all.getItemOrNullObject("{nope}");
      missing.load("id");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      all.getItem(id).delete();
      await context.sync();
      all.getItem(id).delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(fake.conditionalFormatList()).toEqual([`${S}!A1:C7 Custom =$C1>90 #00FF00`]);
    fake.apiVersion = "1.13";
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem(S).getRange().conditionalFormats.getItemOrNullObject(id);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("a CellValue format has no custom rule: custom fails the sync, customOrNullObject is null", async () => {
    const fake = roster();
    await fake.run(async (context) => {
      const f = context.workbook.worksheets
        .getItem(S)
        .getRange("C2:C7")
        .conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
      f.cellValue.rule = { formula1: "60", operator: "LessThan" };
      f.cellValue.format.fill.color = "#FFFF00";
      const maybe = f.customOrNullObject;
      maybe.load();
      await context.sync();
      expect(maybe.isNullObject).toBe(true);
      f.custom.rule.formula = "=TRUE";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });
});

describe("marks survive editing", () => {
  const adapterOf = (fake: FakeExcel) => createExcelAdapter({ run: fake.run, isSetSupported: fake.isSetSupported });

  /** Every cell's own fill, by sheet!A1. */
  const fills = (fake: FakeExcel) => Object.fromEntries([...fake.fills()].map(([k, v]) => [k, v?.color]));

  test("marks add conditional formats only: the cells' fills are untouched, each mark on top in its colour", async () => {
    const fake = roster();
    fake.userFill(S, "C3", "#123456");
    const before = fills(fake);
    const record = await adapterOf(fake).applyMarks([mark("B4"), mark("C3", "warning"), mark("C7", "info")]);
    expect(record.cells.map((c) => [c.cell, c.severity])).toEqual([
      ["B4", "error"],
      ["C3", "warning"],
      ["C7", "info"],
    ]);
    expect(fills(fake)).toEqual(before);
    expect(fake.conditionalFillsAt(S, "C3")).toEqual([MARK_COLORS.warning]);
    const formats = fake.sheet(S).conditionalFormats;
    expect(formats.map((f) => [localAddress(f.bounds), f.type, f.formula, f.stopIfTrue])).toEqual([
      ["B4", "Custom", MARK_FORMULA, false],
      ["C3", "Custom", MARK_FORMULA, false],
      ["C7", "Custom", MARK_FORMULA, false],
    ]);
    expect(record.cells.map((c) => c.id)).toEqual(formats.map((f) => f.id));
  });

  test("mark → delete the duplicate row, insert a row, sort, recolour a marked cell → clear: exactly the user's formatting", async () => {
    const fake = roster();
    fake.userFill(S, "B5", "#FFFF00"); // the user's own fill, on a row that will move
    const own = fake.userConditionalFormat(S, "C2:C8", "=C2<70", "#FF00FF"); // and their own rule
    const record = await adapterOf(fake).applyMarks([mark("B4"), mark("B3", "warning"), mark("C6", "info")]);

    fake.userDeleteRows(S, 4); // the duplicate: its mark goes with it
    fake.userInsertRows(S, 2); // marks below move down
    fake.userSort(S, "A2:C7", [{ key: 2, ascending: false }]); // values move, marks stay
    fake.userFill(S, "B4", "#00B050"); // the user recolours a marked cell
    fake.userFill(S, "A7", null);
    const userFills = fills(fake);
    const userFormats = fake.conditionalFormatList().filter((f) => !f.includes(MARK_FORMULA));
    expect(fake.conditionalFormatList().filter((f) => f.includes(MARK_FORMULA))).toHaveLength(2);

    await adapterOf(fake).clearMarks(record);
    expect(fills(fake)).toEqual(userFills);
    expect(userFills[`${S}!B4`]).toBe("#00B050");
    expect(Object.values(userFills)).toContain("#FFFF00");
    expect(fake.conditionalFormatList()).toEqual(userFormats);
    expect(fake.sheet(S).conditionalFormats).toEqual([own]);
    expect(localAddress(own.bounds)).toBe("C3:C8"); // C2:C8, less the deleted row, moved down by the row inserted above
  });

  test("a reopened pane (new adapter, record from the settings, new ids) clears an earlier session's marks", async () => {
    const fake = roster();
    const stored = JSON.stringify(await adapterOf(fake).applyMarks([mark("B2"), mark("A1", "info", "设置")]));
    fake.userConditionalFormat("设置", "A1:B9", '=A1=""', "#EEEEEE");
    fake.reopen();
    fake.userInsertRows(S, 1, 3);
    const record = JSON.parse(stored) as MarkRecord;
    expect(fake.sheet(S).conditionalFormats.map((f) => f.id)).not.toContain(record.cells[0]?.id);
    await adapterOf(fake).clearMarks(record);
    expect(fake.conditionalFormatList()).toEqual(['设置!A1:B9 Custom =A1="" #EEEEEE']);
  });

  test("clearing twice, or after every marked row was deleted, is no error and changes nothing", async () => {
    const fake = roster();
    const record = await adapterOf(fake).applyMarks([mark("B4")]);
    fake.userDeleteRows(S, 4);
    const before = fake.conditionalFormatList();
    fake.resetStats();
    await adapterOf(fake).clearMarks(record);
    await adapterOf(fake).clearMarks(record);
    expect(fake.conditionalFormatList()).toEqual(before);
    expect(fake.stats.syncs).toBe(4); // names + formats, twice; nothing to delete
  });

  test("before ExcelApi 1.6 marking and clearing say the host lacks conditional formats, painting nothing", async () => {
    const fake = roster();
    fake.apiVersion = "1.5";
    const before = fills(fake);
    await expect(adapterOf(fake).applyMarks([mark("B2")])).rejects.toEqual(
      new HostFeatureUnavailable("conditionalFormats", "ExcelApi 1.6"),
    );
    await expect(
      adapterOf(fake).clearMarks({ cells: [{ sheet: S, cell: "B2", severity: "error", id: "x" }] }),
    ).rejects.toBeInstanceOf(HostFeatureUnavailable);
    expect(fills(fake)).toEqual(before);
    expect(fake.stats.syncs).toBe(0);
  });
});
