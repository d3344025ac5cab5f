/**
 * Generated template workbooks (SPEC §2 "Generated templates", §2.5 设置): written with exceljs to a temp file,
 * read back through the real reader and validated by the real engine.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/types";
import type { TemplateDef } from "../../src/core/templates/types";
import { roster } from "../../src/core/templates/roster";
import { ETHNICITIES } from "../../src/core/templates/ethnicities";
import { SETTING_DEFS } from "../../src/core/settings";
import { sampleRosterRows } from "../../src/core/samples/roster";
import { readWorkbookFile } from "../../src/xlsx/read";
import { validateWorkbook } from "../../src/core/engine";
import { buildTemplateWorkbook, toExcelValue } from "../../src/xlsx/write-template";
import { IN_SHEET_CHECKS } from "../../src/core/templates/sheet-plan";
import { AS_OF, CANONICAL, ROSTER_FIELDS, date } from "../helpers/build";
import { sheetFields } from "../../src/core/templates/fields";

/** The roster columns generated sheets have (read-only fields such as 固定电话 are read, not generated). */
const ROSTER_COLUMNS = sheetFields(roster);

const BRANCH = "实验小学党支部";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zhibu-write-template-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function roundTrip(wb: ExcelJS.Workbook, name: string) {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  const { snapshot, workbook } = await readWorkbookFile(file, { keepWorkbook: true });
  if (!workbook) throw new Error("no workbook");
  return { file, snapshot, workbook };
}

interface DvModel {
  type: string;
  formulae?: unknown[];
  prompt?: string;
  showInputMessage?: boolean;
  showErrorMessage?: boolean;
  error?: string;
}

function validations(ws: ExcelJS.Worksheet): Record<string, DvModel | undefined> {
  return (ws as unknown as { dataValidations: { model: Record<string, DvModel | undefined> } }).dataValidations.model;
}

interface CfModel {
  ref: string;
  rules: { type: string; formulae?: string[] }[];
}

function conditionalFormats(ws: ExcelJS.Worksheet): CfModel[] {
  return (ws as unknown as { conditionalFormattings: CfModel[] }).conditionalFormattings;
}

function tables(ws: ExcelJS.Worksheet): { name: string; tableRef: string; columns: { name: string }[] }[] {
  const list = (ws as unknown as { getTables(): { table?: unknown }[] }).getTables();
  return list.map((t) => (t.table ?? t) as { name: string; tableRef: string; columns: { name: string }[] });
}

function letter(key: string): string {
  const i = ROSTER_COLUMNS.findIndex((f) => f.key === key);
  if (i < 0) throw new Error(key);
  return String.fromCharCode(65 + i);
}

describe("roster template with 200 sample rows", () => {
  let snapshot: Awaited<ReturnType<typeof roundTrip>>["snapshot"];
  let workbook: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  const rows = sampleRosterRows(200, { seed: 5, asOf: AS_OF });

  beforeAll(async () => {
    const wb = buildTemplateWorkbook({ templates: [roster], branch: BRANCH, rows: { roster: rows }, asOf: AS_OF });
    ({ snapshot, workbook } = await roundTrip(wb, "roster-200.xlsx"));
    ws = workbook.getWorksheet(roster.sheetName)!;
  });

  test("reads back as a roster with header row 2 and 200 data rows, and validates with no issues", () => {
    const result = validateWorkbook(snapshot, { asOf: AS_OF });
    expect(result.issues.slice(0, 5)).toEqual([]);
    const report = result.sheets.find((s) => s.sheet === roster.sheetName);
    expect(report).toMatchObject({ template: "roster", headerRow: 2, dataRows: 200 });
    expect(report!.columns).toMatchObject({ seq: "A", idNumber: "E", note: "T" });
    // 设置, 说明 and the hidden 选项 sheet are not templates.
    for (const name of ["设置", "说明", "选项"]) {
      expect(result.sheets.find((s) => s.sheet === name)).toMatchObject({ template: null, dataRows: 0 });
    }
  });

  test("sheets, order and visibility", () => {
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      [roster.sheetName, "visible"],
      ["设置", "visible"],
      ["说明", "visible"],
      ["选项", "hidden"],
    ]);
  });

  test("merged title with the branch name, canonical headers on row 2, required headers bold red", () => {
    expect(ws.getCell("A1").value).toBe(`${BRANCH}党员花名册`);
    expect((ws.model as { merges?: string[] }).merges).toContain("A1:T1");
    const headers = ROSTER_FIELDS.map((_, i) => ws.getRow(2).getCell(i + 1).value);
    expect(headers).toEqual(ROSTER_FIELDS.map((k) => CANONICAL[k]));
    for (const f of ROSTER_COLUMNS) {
      const font = ws.getCell(`${letter(f.key)}2`).font;
      expect(font?.bold).toBe(true);
      expect(font?.color?.argb === "FFC00000").toBe(f.required === true);
    }
  });

  test("an Excel table over header and data", () => {
    const t = tables(ws);
    expect(t).toHaveLength(1);
    expect(t[0]!.tableRef).toBe("A2:T202");
    expect(t[0]!.columns.map((c) => c.name)).toEqual(ROSTER_COLUMNS.map((f) => f.header));
  });

  test("data cells: IDs and phones as text, dates as real dates in yyyy-mm-dd", () => {
    for (const r of [3, 100, 202]) {
      expect(ws.getCell(`E${r}`).numFmt).toBe("@");
      expect(typeof ws.getCell(`E${r}`).value).toBe("string");
      expect(ws.getCell(`Q${r}`).numFmt).toBe("@");
      expect(ws.getCell(`F${r}`).numFmt).toBe("yyyy-mm-dd");
      expect(ws.getCell(`F${r}`).value).toBeInstanceOf(Date);
    }
    expect(ws.getCell("E3").value).toBe(rows[0]!["idNumber"]);
    const b = rows[0]!["birthDate"] as { y: number; m: number; d: number };
    expect((ws.getCell("F3").value as Date).toISOString().slice(0, 10)).toBe(
      `${b.y}-${String(b.m).padStart(2, "0")}-${String(b.d).padStart(2, "0")}`,
    );
  });

  test("column widths come from the field definitions", () => {
    ROSTER_COLUMNS.forEach((f, i) => {
      // exceljs leaves out columns of width 9 and reads them back as the sheet's default width.
      if (f.width !== undefined) expect(ws.getColumn(i + 1).width ?? ws.properties.defaultColWidth).toBe(f.width);
    });
  });

  test("dropdowns for every enum field; 民族 (56 values) points at the hidden 选项 sheet", () => {
    const dv = validations(ws);
    const enums = ROSTER_COLUMNS.filter((f) => f.type === "enum");
    expect(enums.length).toBeGreaterThanOrEqual(5);
    for (const f of enums) {
      for (const r of [3, 202]) expect(dv[`${letter(f.key)}${r}`]?.type).toBe("list");
    }
    expect(dv["C3"]?.formulae).toEqual(['"男,女"']);
    const formula = String(dv["D3"]?.formulae?.[0]);
    const m = /^'选项'!\$([A-Z]+)\$2:\$([A-Z]+)\$(\d+)$/.exec(formula);
    expect(m).not.toBeNull();
    expect(m![1]).toBe(m![2]);
    expect(Number(m![3])).toBe(57);
    const options = workbook.getWorksheet("选项")!;
    const listed: CellValue[] = [];
    for (let r = 2; r <= 57; r++) listed.push(options.getCell(`${m![1]}${r}`).value as CellValue);
    expect(listed).toEqual([...ETHNICITIES]);
  });

  test("date, whole-number and decimal validation; header and cell prompts from hints", () => {
    const dv = validations(ws);
    for (const f of ROSTER_COLUMNS) {
      const v = dv[`${letter(f.key)}3`];
      if (f.type === "date") {
        expect(v?.type).toBe("date");
        expect(v?.showErrorMessage).toBe(true);
        expect(v?.error).toMatch(/日期/);
      }
      if (f.type === "integer") expect(v?.type).toBe("whole");
      if (f.type === "number") expect(v?.type).toBe("decimal");
      if (f.hint) {
        expect(dv[`${letter(f.key)}2`]).toMatchObject({ showInputMessage: true, prompt: f.hint });
        expect(v).toMatchObject({ showInputMessage: true, prompt: f.hint });
      }
    }
    // 党费基数 min 0 → decimal ≥ 0; 序号 min 1 → whole ≥ 1.
    expect(dv["R3"]?.formulae).toEqual([0]);
    expect(dv["A3"]?.formulae).toEqual([1]);
  });

  test("conditional formatting: duplicate IDs, ID length, ID check character, empty required cells", () => {
    const cf = conditionalFormats(ws);
    const onE = cf.filter((c) => c.ref === "E3:E202").flatMap((c) => c.rules.flatMap((r) => r.formulae ?? []));
    expect(onE.some((f) => /COUNTIF\(\$E:\$E,E3&"\*"\)>1/.test(f))).toBe(true);
    expect(onE.some((f) => f.includes("LEN(E3)<>18") && f.includes("LEN(E3)<>15"))).toBe(true);
    expect(onE.some((f) => f.includes('"10X98765432"') && f.includes("MID(E3,17,1)*2"))).toBe(true);
    const requiredCols = ROSTER_COLUMNS.filter((f) => f.required).map((f) => `${letter(f.key)}3:${letter(f.key)}202`);
    for (const ref of requiredCols)
      expect(cf.some((c) => c.ref === ref && c.rules.some((r) => r.formulae?.[0]?.includes("COUNTA")))).toBe(true);
  });

  test("frozen header and print setup", () => {
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "2:2",
    });
    expect(ws.pageSetup.margins?.left).toBeGreaterThan(0);
  });

  test("设置 reads back: branch name, as-of date, defaults, no settings.value issue", () => {
    const result = validateWorkbook(snapshot);
    expect(result.asOf).toEqual(AS_OF);
    expect(result.issues.filter((i) => i.rule === "settings.value")).toEqual([]);
    expect(result.settings.values["branchName"]).toBe(BRANCH);
    expect(result.settings.values["attendanceWarn"]).toBeCloseTo(0.8, 10);
    expect(result.settings.values["ballotExcellentQuota"]).toBeCloseTo(1 / 3, 10);
    expect(result.settings.values["excellentScore"]).toBe(90);
    const settings = workbook.getWorksheet("设置")!;
    expect([1, 2, 3].map((c) => settings.getCell(1, c).value)).toEqual(["项目", "值", "说明"]);
    SETTING_DEFS.forEach((def, i) => {
      expect(settings.getCell(i + 2, 1).value).toBe(def.label);
      expect(settings.getCell(i + 2, 3).value).toBe(def.note);
    });
  });

  test("说明 explains the sheets, required columns, dates, text IDs, dues and how to check", () => {
    const guide = workbook.getWorksheet("说明")!;
    const text: string[] = [];
    guide.eachRow((row) => text.push(String(row.getCell(1).value ?? "")));
    const all = text.join("\n");
    expect(all).toContain(roster.sheetName);
    expect(all).toContain("姓名、性别、身份证号、人员类别");
    expect(all).toContain("2019年11月1日");
    expect(all).toContain("文本");
    expect(all).toContain("党费");
    expect(all).toContain("支部表格助手");
    expect(all).toContain("zhibu validate");
  });
});

describe("empty roster template", () => {
  test("a table of empty rows reads as 0 data rows with no issues", async () => {
    const { snapshot, workbook } = await roundTrip(buildTemplateWorkbook({ templates: [roster] }), "roster-empty.xlsx");
    const result = validateWorkbook(snapshot, { asOf: AS_OF });
    expect(result.issues).toEqual([]);
    expect(result.sheets.find((s) => s.sheet === roster.sheetName)).toMatchObject({
      template: "roster",
      headerRow: 2,
      dataRows: 0,
    });
    const ws = workbook.getWorksheet(roster.sheetName)!;
    expect(ws.getCell("A1").value).toBe("党员花名册");
    expect(tables(ws)[0]!.tableRef).toBe("A2:T52");
    expect(ws.getCell("E3").numFmt).toBe("@");
    expect(ws.getCell("E52").numFmt).toBe("@");
    expect(validations(ws)["C52"]?.type).toBe("list");
    // No 统计截止日期 given: the 值 cell stays empty and the as-of date falls back to today.
    expect(result.settings.given.has("asOf")).toBe(false);
    expect(validateWorkbook(snapshot, { today: date(2030, 1, 2) }).asOf).toEqual(date(2030, 1, 2));
  });

  test("emptyRows sets the table's size", async () => {
    const { workbook } = await roundTrip(
      buildTemplateWorkbook({ templates: [roster], emptyRows: 1 }),
      "roster-one.xlsx",
    );
    expect(tables(workbook.getWorksheet(roster.sheetName)!)[0]!.tableRef).toBe("A2:T3");
  });
});

describe("driven by data, not by template", () => {
  const LONG = Array.from({ length: 70 }, (_, i) => `第${i + 1}项选择`);
  const custom: TemplateDef = {
    id: "custom-x",
    sheetName: "设置",
    title: "自定义登记表",
    description: "测试用模板",
    fields: [
      { key: "who", header: "登记人", type: "text", required: true, width: 11 },
      { key: "month", header: "月份", type: "month", required: true },
      { key: "kind", header: "种类", type: "enum", required: true, values: LONG },
      { key: "count", header: "数量", type: "integer", min: 0, max: 99, hint: "0 到 99" },
      { key: "code", header: "编码", type: "text", textFormat: true },
    ],
  };
  const other: TemplateDef = {
    ...custom,
    id: "custom-y",
    sheetName: "一个名字非常非常长的工作表名称超过了三十一个字符的限制啊啊啊",
  };

  test("sheet names avoid 设置 and stay within 31 characters; checks come from the given list", async () => {
    const wb = buildTemplateWorkbook({
      templates: [custom, other],
      rows: { "custom-x": [{ who: "李四", month: 3, kind: LONG[5]!, count: 5, code: "007" }] },
      checks: [{ template: "custom-x", field: "code", kind: "length", lengths: [3] }],
    });
    const { snapshot, workbook } = await roundTrip(wb, "custom.xlsx");
    const names = workbook.worksheets.map((w) => w.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    expect(names[0]).not.toBe("设置");
    expect(names).toContain("设置");
    const x = workbook.worksheets[0]!;
    const y = workbook.worksheets[1]!;
    expect(tables(x)[0]!.name).not.toBe(tables(y)[0]!.name);
    expect(x.getCell("A3").value).toBe("李四");
    expect(x.getCell("E3").value).toBe("007");
    expect(x.getCell("E3").numFmt).toBe("@");
    expect(x.getColumn(1).width).toBe(11);
    const dv = validations(x);
    expect(String(dv["C3"]?.formulae?.[0])).toMatch(/^'选项'!\$[A-Z]+\$2:\$[A-Z]+\$71$/);
    expect(dv["B3"]?.type).toBe("whole");
    expect(dv["D3"]).toMatchObject({ type: "whole", formulae: [0, 99], prompt: "0 到 99" });
    // The same long list on two sheets is stored once.
    expect(String(validations(y)["C3"]?.formulae?.[0])).toBe(String(dv["C3"]?.formulae?.[0]));
    expect(
      workbook
        .getWorksheet("选项")!
        .getColumn(2)
        .values.filter((v) => v !== undefined && v !== null),
    ).toEqual([]);
    const cf = conditionalFormats(x).flatMap((c) => c.rules.flatMap((r) => r.formulae ?? []));
    expect(cf.some((f) => f === "AND(LEN(E3)>0,LEN(E3)<>3)")).toBe(true);
    expect(cf.some((f) => f.includes("COUNTIF"))).toBe(false);
    expect(
      conditionalFormats(y)
        .flatMap((c) => c.rules.flatMap((r) => r.formulae ?? []))
        .some((f) => f.includes("LEN(E3)<>3")),
    ).toBe(false);
    // The engine recognises the written sheets with the custom template.
    const result = validateWorkbook(snapshot, { asOf: AS_OF, templates: [custom, other] });
    expect(result.sheets.find((s) => s.sheet === x.name)).toMatchObject({
      template: "custom-x",
      headerRow: 2,
      dataRows: 1,
    });
    expect(result.issues).toEqual([]);
  });

  test("IN_SHEET_CHECKS is data keyed by template and field; an empty list adds no ID checks", async () => {
    for (const c of IN_SHEET_CHECKS) expect(ROSTER_COLUMNS.some((f) => f.key === c.field)).toBe(true);
    const { workbook } = await roundTrip(
      buildTemplateWorkbook({ templates: [roster], checks: [] }),
      "roster-nochecks.xlsx",
    );
    const formulas = conditionalFormats(workbook.getWorksheet(roster.sheetName)!).flatMap((c) =>
      c.rules.flatMap((r) => r.formulae ?? []),
    );
    expect(formulas.some((f) => f.includes("COUNTIF"))).toBe(false);
    expect(formulas.some((f) => f.includes("COUNTA"))).toBe(true);
  });

  test("toExcelValue: dates as UTC dates, month-precision dates as text, errors as error values", () => {
    expect(toExcelValue(date(2019, 11, 1))).toEqual(new Date(Date.UTC(2019, 10, 1)));
    expect(toExcelValue({ kind: "date", y: 2019, m: 11, d: 0 })).toBe("2019-11");
    expect(toExcelValue({ kind: "error", code: "#N/A" })).toEqual({ error: "#N/A" });
    expect(toExcelValue(null)).toBeNull();
    expect(toExcelValue("x")).toBe("x");
  });
});
