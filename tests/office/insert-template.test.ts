/**
 * Inserting templates in place (SPEC §2, §6 模板) through the Office.js adapter over the Excel fake: every
 * template, with and without sample rows, read back through the adapter and validated by the engine, and
 * compared with what the exceljs writer makes of the same template (headers, values, formats, dropdown lists,
 * conditional formats, merges); suffixes for taken names, the 选项 lists reused, a few syncs, no sync per row.
 */
import ExcelJS from "exceljs";
import { validateWorkbook } from "../../src/core/engine";
import { TEMPLATES } from "../../src/core/templates";
import type { TemplateDef } from "../../src/core/templates/types";
import { sheetFields } from "../../src/core/templates/fields";
import { sampleRows } from "../../src/core/samples/index";
import { buildTemplateWorkbook } from "../../src/xlsx/write-template";
import { snapshotSheet } from "../../src/xlsx/read";
import { HostFeatureUnavailable } from "../../addin/office/port";
import {
  FakeOfficeError,
  type FakeExcel,
  type GridSheet,
  type GridValue,
  cellValue,
  fakeFromXlsx,
  localAddress,
  parseBounds,
} from "../fakes/excel-fake";
import { AS_OF } from "../helpers/build";
import { BRANCH, SAMPLES, adapterOver, freshFake } from "./helpers";

/** Enough rows for the schedule samples to meet every frequency requirement (src/core/samples/schedule.ts). */
const SAMPLE_ROWS = 60;

/** The values a list validation offers: inline "a,b" or a range on another sheet ("='选项'!$A$2:$A$57"). */
function fakeListValues(fake: FakeExcel, source: string): string[] {
  if (!source.startsWith("=")) return source.split(",");
  const ref = source.slice(1);
  const bang = ref.lastIndexOf("!");
  const sheet = fake.sheet(ref.slice(0, bang).replace(/^'|'$/g, ""));
  const b = parseBounds(ref.slice(bang + 1));
  const out: string[] = [];
  for (let r = b.top; r <= b.bottom; r++) out.push(String(cellValue(sheet, r, b.left)));
  return out;
}

function exceljsListValues(wb: ExcelJS.Workbook, formula: string): string[] {
  if (formula.startsWith('"')) return formula.slice(1, -1).split(",");
  const bang = formula.lastIndexOf("!");
  const ws = wb.getWorksheet(formula.slice(0, bang).replace(/^'|'$/g, ""));
  const b = parseBounds(formula.slice(bang + 1));
  const out: string[] = [];
  for (let r = b.top; r <= b.bottom; r++) out.push(String(ws?.getCell(r, b.left).value ?? ""));
  return out;
}

type ExcelJsValidations = Record<string, { type: string; formulae?: unknown[] }>;

function exceljsWorkbook(template: TemplateDef, rows: number): ExcelJS.Workbook {
  const data = rows > 0 ? sampleRows(template.id, rows, { seed: 1, asOf: AS_OF }) : [];
  return buildTemplateWorkbook({
    templates: [template],
    branch: BRANCH,
    rows: data.length > 0 ? { [template.id]: data } : {},
  });
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("%s", (_id, template) => {
  test.each([SAMPLE_ROWS, 0])(
    "inserted with %i sample rows: valid, and the same template the exceljs writer makes",
    async (rows) => {
      const fake = freshFake();
      const adapter = adapterOver(fake);
      fake.resetStats();
      const result = await adapter.insertTemplate({
        templateId: template.id,
        branch: BRANCH,
        sampleRows: rows,
        asOf: AS_OF,
      });
      expect(fake.stats.syncs).toBeLessThanOrEqual(3);
      expect(result.sheets[0]).toBe(template.sheetName);
      expect(result.sheets).toContain("设置");
      expect(result.table).toBe(`tbl_${template.id}`);
      expect(fake.stats.activeSheet).toBe(template.sheetName);
      expect(fake.eventsEnabled).toBe(true);

      // Read back through the adapter and validated by the engine.
      const snapshot = await adapter.readWorkbook();
      const validation = validateWorkbook(snapshot, { asOf: AS_OF });
      const report = validation.sheets.find((s) => s.sheet === template.sheetName);
      expect(report?.template).toBe(template.id);
      expect(report?.headerRow).toBe(2);
      if (rows > 0) {
        expect(report?.dataRows).toBe(rows);
        expect(validation.issues).toEqual([]);
      } else {
        expect(report?.dataRows).toBe(0);
        expect(validation.counts.error).toBe(0);
      }
      expect(validation.settings.values["branchName"]).toBe(BRANCH);

      // The same template as the exceljs writer's: values (formulas computed), formats and merges as read.
      const wb = exceljsWorkbook(template, rows);
      const file = wb.getWorksheet(template.sheetName);
      if (!file) throw new Error("exceljs wrote no sheet");
      const inserted = await adapter.readSheet(template.sheetName);
      const written = snapshotSheet(file);
      const trim = (rows: readonly (readonly unknown[])[]): unknown[][] =>
        rows.map((r) => {
          const out = [...r];
          while (out.length > 0 && out[out.length - 1] === null) out.pop();
          return out;
        });
      expect(trim(inserted.values.slice(0, 2 + rows))).toEqual(trim(written.values.slice(0, 2 + rows)));
      expect(inserted.merges).toEqual(written.merges);

      const sheet = fake.sheet(template.sheetName);
      const fields = sheetFields(template);
      const lastRow = 2 + (rows > 0 ? rows : 50);
      fields.forEach((_, i) => {
        const col = i + 1;
        expect([sheet.cells.get(3 * 16384 + col)?.format ?? "General", col]).toEqual([
          file.getCell(3, col).numFmt ?? "General",
          col,
        ]);
        expect(sheet.columnWidths.get(col)).toBeGreaterThan(0);
      });
      expect(
        fields
          .filter((f) => f.textFormat)
          .every((f) => sheet.cells.get(3 * 16384 + fields.indexOf(f) + 1)?.format === "@"),
      ).toBe(true);

      // Dropdown lists: one per enumerated field, offering the same values as the exceljs writer's.
      const fileValidations = (file as unknown as { dataValidations: { model: ExcelJsValidations } }).dataValidations
        .model;
      fields.forEach((f, i) => {
        if (f.type !== "enum") return;
        const col = String.fromCharCode(65 + i);
        const address = `${col}3:${col}${lastRow}`;
        const mine = sheet.validations.find((v) => localAddress(v.bounds) === address);
        const list = (mine?.rule as { list?: { source: string; inCellDropDown: boolean } } | undefined)?.list;
        expect(list?.inCellDropDown).toBe(true);
        const theirs = fileValidations[address];
        expect(theirs?.type).toBe("list");
        expect(fakeListValues(fake, list?.source ?? "")).toEqual(exceljsListValues(wb, String(theirs?.formulae?.[0])));
        expect(fakeListValues(fake, list?.source ?? "")).toEqual(f.values);
      });
      // Date and number validation where it fits, with the same bounds.
      fields.forEach((f, i) => {
        const col = String.fromCharCode(65 + i);
        const mine = sheet.validations.find((v) => localAddress(v.bounds) === `${col}3:${col}${lastRow}`)?.rule;
        if (f.type === "date")
          expect(mine).toEqual({ date: { formula1: "1901-01-01", formula2: "2099-12-31", operator: "Between" } });
        if (f.type === "integer") expect(Object.keys(mine ?? {})).toEqual(["wholeNumber"]);
        if (f.type === "number") expect(Object.keys(mine ?? {})).toEqual(["decimal"]);
      });

      // Conditional formats: the exceljs writer's formulas, in order.
      const fileFormulas = (
        file as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae: string[] }> }> }
      ).conditionalFormattings.map((c) => [c.ref, `=${c.rules[0]?.formulae[0]}`]);
      expect(sheet.conditionalFormats.map((c) => [localAddress(c.bounds), c.formula])).toEqual(fileFormulas);
      expect(sheet.conditionalFormats.every((c) => c.type === "Custom" && /^#[0-9A-F]{6}$/.test(c.fill ?? ""))).toBe(
        true,
      );

      // Table, frozen header, print setup, title.
      expect(sheet.tables).toEqual([
        {
          name: `tbl_${template.id}`,
          bounds: { top: 2, left: 1, bottom: lastRow, right: fields.length },
          hasHeaders: true,
          style: "TableStyleMedium2",
        },
      ]);
      expect(sheet.frozenRows).toBe(2);
      expect(sheet.pageLayout).toMatchObject({
        orientation: "Landscape",
        paperSize: "A4",
        printTitleRows: "$2:$2",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      });
      expect(cellValue(sheet, 1, 1)).toBe(`${BRANCH}${template.title}`);
      expect(sheet.cells.get(1 * 16384 + 1)?.font).toMatchObject({ bold: true, size: 16 });
    },
  );
});

test("the roster's in-sheet checks: duplicate ID, ID length and ID checksum, as write-template's IN_SHEET_CHECKS", async () => {
  const fake = freshFake();
  await adapterOver(fake).insertTemplate({ templateId: "roster", branch: "", sampleRows: 0 });
  const formulas = fake.sheet("党员花名册").conditionalFormats.map((c) => c.formula ?? "");
  expect(formulas.some((f) => f.includes('COUNTIF($E:$E,E3&"*")>1'))).toBe(true);
  expect(formulas.some((f) => f.includes("LEN(E3)<>18,LEN(E3)<>15"))).toBe(true);
  expect(formulas.some((f) => f.includes('MID("10X98765432"'))).toBe(true);
  const evaluation = freshFake();
  await adapterOver(evaluation).insertTemplate({ templateId: "evaluation", branch: "", sampleRows: 0 });
  expect(
    evaluation.sheet("年终考核").conditionalFormats.filter((c) => /OR\([A-Z]3<0,[A-Z]3>\d+\)/.test(c.formula ?? "")),
  ).toHaveLength(6);
});

test("a taken name gets a suffix; 设置 and the 选项 lists are not made twice; another table name", async () => {
  const fake = freshFake();
  const adapter = adapterOver(fake);
  const first = await adapter.insertTemplate({ templateId: "roster", branch: BRANCH, sampleRows: 3, asOf: AS_OF });
  expect(first.sheets).toEqual(["党员花名册", "设置", "选项"]);
  expect(fake.sheet("选项").visibility).toBe("Hidden");
  const optionsBefore = fake.valuesOf("选项");
  fake.resetStats();
  const second = await adapter.insertTemplate({ templateId: "roster", branch: BRANCH, sampleRows: 3, asOf: AS_OF });
  expect(second).toMatchObject({ sheets: ["党员花名册(2)"], table: "tbl_roster_2" });
  expect(fake.stats.syncs).toBe(3); // names, the existing 选项 lists, the write
  expect(fake.valuesOf("选项")).toEqual(optionsBefore);
  const ethnicity = fake.sheet("党员花名册(2)").validations.find((v) => localAddress(v.bounds) === "D3:D5");
  expect((ethnicity?.rule as { list: { source: string } }).list.source).toBe("='选项'!$A$2:$A$57");
  expect(fake.grid.sheets.map((s) => s.name)).toEqual(["Sheet1", "党员花名册", "设置", "选项", "党员花名册(2)"]);
  const result = validateWorkbook(await adapter.readWorkbook(), { asOf: AS_OF });
  expect(result.issues).toEqual([]);
});

test("a sheet the user named like the template is never overwritten", async () => {
  const fake = await fakeFromXlsx(`${SAMPLES}/roster-clean.xlsx`);
  const sheet = fake.grid.sheets[0] as GridSheet;
  const before = new Map([...sheet.cells].map(([k, c]) => [k, { ...c }]));
  const adapter = adapterOver(fake);
  const name = sheet.name;
  const taken = await adapter.insertTemplate({ templateId: "roster", branch: "", sampleRows: 0 });
  expect(taken.sheets).not.toContain("设置"); // the workbook has one
  expect(new Map([...sheet.cells].map(([k, c]) => [k, { ...c }]))).toEqual(before);
  expect(fake.grid.sheets.filter((s) => s.name === name)).toHaveLength(1);
  fake.grid.sheets.push({ ...fake.sheet(taken.sheets[0] as string), name: "年终考核" } as GridSheet);
  const evaluation = await adapter.insertTemplate({ templateId: "evaluation", branch: "", sampleRows: 0 });
  expect(evaluation.sheets[0]).toBe("年终考核(2)");
});

test("hundreds of sample rows go in one write; past the payload limit in a few more, never a sync per row", async () => {
  const fake = freshFake();
  fake.resetStats();
  await adapterOver(fake).insertTemplate({ templateId: "roster", branch: "", sampleRows: 500, asOf: AS_OF });
  expect(fake.stats.syncs).toBeLessThanOrEqual(3);

  const small = freshFake();
  small.resetStats();
  const limit = 60_000;
  const adapter = adapterOver(small, { maxPayloadBytes: limit });
  await adapter.insertTemplate({ templateId: "roster", branch: "", sampleRows: 500, asOf: AS_OF });
  expect(small.stats.syncs).toBeGreaterThan(3);
  expect(small.stats.syncs).toBeLessThan(25);
  expect(Math.max(...small.stats.requests)).toBeLessThanOrEqual(limit);
  const result = validateWorkbook(await adapter.readWorkbook(), { asOf: AS_OF });
  expect(result.sheets.find((s) => s.sheet === "党员花名册")?.dataRows).toBe(500);
  expect(result.issues).toEqual([]);
});

test("ExcelApi 1.8 hosts get the template without print setup; older hosts are told what is missing", async () => {
  const fake = freshFake("1.8");
  const adapter = adapterOver(fake);
  await adapter.insertTemplate({ templateId: "schedule", branch: "", sampleRows: SAMPLE_ROWS, asOf: AS_OF });
  const sheet = fake.sheet("月度工作安排");
  expect(sheet.pageLayout).toEqual({});
  expect(sheet.frozenRows).toBe(2);
  expect(sheet.validations.length).toBeGreaterThan(0);
  expect(validateWorkbook(await adapter.readWorkbook(), { asOf: AS_OF }).issues).toEqual([]);

  const old = freshFake("1.7");
  const rejection = adapterOver(old).insertTemplate({ templateId: "roster", branch: "", sampleRows: 0 });
  await expect(rejection).rejects.toBeInstanceOf(HostFeatureUnavailable);
  await expect(rejection).rejects.toMatchObject({ feature: "insertTemplate", requirement: "ExcelApi 1.8" });
  expect(old.grid.sheets).toHaveLength(1);
  expect(adapterOver(old).capabilities()).toEqual({
    insertTemplate: false,
    conditionalFormats: true,
    pivotTables: false,
    charts: true,
    createWorkbook: false,
    onChanged: true,
  });
});

test("a host error at the write sync rejects with the host's error, and events are switched back on", async () => {
  const fake = freshFake();
  fake.failAtSync(2, new FakeOfficeError("GeneralException", "An internal error has occurred."));
  await expect(
    adapterOver(fake).insertTemplate({ templateId: "ballot", branch: "", sampleRows: 2 }),
  ).rejects.toMatchObject({ code: "GeneralException" });
  expect(fake.eventsEnabled).toBe(true);
  expect(fake.grid.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  await expect(adapterOver(fake).insertTemplate({ templateId: "nope", branch: "", sampleRows: 0 })).rejects.toThrow(
    /nope/,
  );
});

test("text written where Excel would read a number or date stays text", async () => {
  const fake = freshFake();
  await fake.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
    range.values = [["'2019-11", "0012", "=1+1"]];
    await context.sync();
  });
  const values: GridValue[] = fake.valuesOf("Sheet1")[0] ?? [];
  expect(values).toEqual(["2019-11", 12, 2]);
});
