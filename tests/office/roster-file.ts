/** A generated roster workbook on disk (template writer + sample rows), with some rows made invalid. */
import path from "node:path";
import type { CellValue } from "../../src/core/types";
import { sampleRows } from "../../src/core/samples/index";
import { roster } from "../../src/core/templates/roster";
import { buildTemplateWorkbook } from "../../src/xlsx/write-template";
import { AS_OF, badCheck, makeId } from "../helpers/build";

/** Writes `n` roster rows; every `badEvery`-th row gets a malformed phone number (one issue cell each). */
export async function writeRoster(dir: string, n: number, badEvery: number): Promise<string> {
  const rows: Record<string, CellValue>[] = sampleRows("roster", n, { seed: 7, asOf: AS_OF });
  rows.forEach((r, i) => {
    if (badEvery > 0 && i % badEvery === 0) r["phone"] = "1380000";
  });
  const file = path.join(dir, `roster-${n}.xlsx`);
  const wb = buildTemplateWorkbook({
    templates: [roster],
    branch: "第十一中学党支部",
    rows: { roster: rows },
    asOf: AS_OF,
  });
  await wb.xlsx.writeFile(file);
  return file;
}

/**
 * An official-form roster: title, a two-row header block (入党情况 over the dates, the other headers merged down),
 * section rows instead of a 党小组 column, a 合计 row and a footer; the second person's check digit is wrong.
 */
export async function writeFormRoster(dir: string): Promise<string> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("党员名册");
  ws.addRow(["实验小学党支部党员名册"]);
  ws.addRow(["序号", "姓名", "性别", "身份证号", "人员类别", "入党情况", null, "党费缴纳", null]);
  ws.addRow([null, null, null, null, null, "入党日期", "转正日期", "基数", "月缴"]);
  ws.addRow(["一、第一党小组"]);
  ws.addRow([1, "张伟", "男", makeId("19850615", "123"), "正式党员", "2007-06-01", "2008-06-01", 4500, 45]);
  ws.addRow([2, "李娜", "女", badCheck(makeId("19880512", "124")), "正式党员", "2010-07-01", "2011-07-01", 3000, 15]);
  ws.addRow(["二、第二党小组"]);
  ws.addRow([3, "王强", "男", makeId("19790101", "135"), "正式党员", "2001-07-01", "2002-07-01", 6000, 90]);
  ws.addRow(["合计", null, null, null, null, null, null, 13500, 150]);
  ws.addRow(["填表人：赵老师", null, null, "填表日期：2026年11月20日"]);
  for (const range of ["A1:I1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:G2", "H2:I2", "A4:I4", "A7:I7"])
    ws.mergeCells(range);
  const file = path.join(dir, "roster-form.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}
