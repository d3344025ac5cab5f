/**
 * Queues (no sync) the writing of a template sheet plan (src/core/templates/sheet-plan.ts) into a new worksheet,
 * the 设置 sheet and the 选项 lists: the Office.js twin of the exceljs writer, from the same plan.
 */
import { columnLetter } from "../../src/core/address";
import {
  CHECK_COLORS,
  type OptionList,
  PLAN_COLORS,
  SETTINGS_COLUMNS,
  type SettingRowPlan,
  type SheetPlan,
} from "../../src/core/templates/sheet-plan";
import { applyValidation, charsToPoints, officeCell } from "./office-values";

export interface PlanFeatures {
  /** ExcelApi 1.8 */
  readonly dataValidation: boolean;
  /** ExcelApi 1.6 */
  readonly conditionalFormats: boolean;
  /** ExcelApi 1.7 */
  readonly freezePanes: boolean;
  /** ExcelApi 1.9 */
  readonly pageLayout: boolean;
}

const INCH = 72;

/** Header + data cells as `formulas` and their number formats, rows [from, to) of the plan's data. */
export function planBlock(
  plan: SheetPlan,
  from: number,
  to: number,
): { formulas: (string | number | boolean)[][]; formats: string[][] } {
  const text = plan.columns.map((c) => c.numberFormat === "@");
  const formulas = plan.rows.slice(from, to).map((row) => plan.columns.map((_, i) => officeCell(row[i], text[i])));
  const formats = formulas.map(() => plan.columns.map((c) => c.numberFormat ?? "General"));
  return { formulas, formats };
}

/**
 * Queues the template sheet on `ws` (an empty sheet just added): title, header, the data rows [0, `rows`) (the
 * caller writes any further rows), the table, widths, validations, conditional formats, frozen header, print.
 */
export function queueTemplateSheet(
  ws: Excel.Worksheet,
  plan: SheetPlan,
  rows: number,
  features: PlanFeatures,
): Excel.Table {
  const ncols = Math.max(1, plan.columns.length);
  const last = columnLetter(ncols);

  plan.columns.forEach((c, i) => {
    ws.getRange(`${columnLetter(i + 1)}${plan.headerRow}`).format.columnWidth = charsToPoints(c.width);
  });

  const title = ws.getRange(`A${plan.titleRow}:${last}${plan.titleRow}`);
  if (ncols > 1) title.merge(false);
  ws.getRange(`A${plan.titleRow}`).values = [[plan.title]];
  title.format.font.bold = true;
  title.format.font.size = 16;
  title.format.font.color = PLAN_COLORS.title;
  title.format.horizontalAlignment = "Center";
  title.format.verticalAlignment = "Center";
  title.format.rowHeight = 32;

  // Number formats before values, so text-formatted columns keep ID numbers and phones as text.
  const header = ws.getRange(`A${plan.headerRow}:${last}${plan.headerRow}`);
  header.numberFormat = [plan.columns.map(() => "General")];
  header.values = [plan.columns.map((c) => c.header)];
  if (rows > 0) writeRows(ws, plan, 0, rows);

  const table = ws.tables.add(`A${plan.headerRow}:${last}${plan.lastDataRow}`, true);
  table.name = plan.tableName;
  table.style = plan.tableStyle;

  header.format.font.bold = true;
  header.format.font.color = PLAN_COLORS.headerFont;
  header.format.fill.color = PLAN_COLORS.headerFill;
  header.format.wrapText = true;
  header.format.horizontalAlignment = "Center";
  header.format.verticalAlignment = "Center";
  header.format.rowHeight = 30;
  plan.columns.forEach((c, i) => {
    if (c.required) ws.getRange(`${columnLetter(i + 1)}${plan.headerRow}`).format.font.color = PLAN_COLORS.required;
  });

  if (features.dataValidation) for (const v of plan.validations) applyValidation(ws.getRange(v.address), v.rule);

  if (features.conditionalFormats) {
    for (const cf of plan.conditionalFormats) {
      const format = ws.getRange(cf.address).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      format.custom.rule.formula = `=${cf.formula}`;
      const colors = CHECK_COLORS[cf.style];
      format.custom.format.fill.color = colors.fill;
      if (colors.font) format.custom.format.font.color = colors.font;
    }
  }

  if (features.freezePanes) ws.freezePanes.freezeRows(plan.headerRow);

  if (features.pageLayout) {
    const page = ws.pageLayout;
    page.orientation = plan.print.orientation === "landscape" ? "Landscape" : "Portrait";
    page.paperSize = "A4" as Excel.PaperType;
    page.centerHorizontally = plan.print.horizontalCentered;
    page.zoom = { horizontalFitToPages: plan.print.fitToWidth, verticalFitToPages: plan.print.fitToHeight };
    const m = plan.print.margins;
    page.leftMargin = m.left * INCH;
    page.rightMargin = m.right * INCH;
    page.topMargin = m.top * INCH;
    page.bottomMargin = m.bottom * INCH;
    page.headerMargin = m.header * INCH;
    page.footerMargin = m.footer * INCH;
    if (plan.print.titleRows) {
      const [a, b] = plan.print.titleRows.split(":");
      page.setPrintTitleRows(`$${a}:$${b ?? a}`);
    }
  }
  return table;
}

/** Queues data rows [from, to) of the plan (formats, then values and formulas). */
export function writeRows(ws: Excel.Worksheet, plan: SheetPlan, from: number, to: number): void {
  const { formulas, formats } = planBlock(plan, from, to);
  const range = ws.getRange(
    `A${plan.firstDataRow + from}:${columnLetter(Math.max(1, plan.columns.length))}${plan.firstDataRow + to - 1}`,
  );
  range.numberFormat = formats;
  range.formulas = formulas;
}

/** Queues a new 设置 sheet's content (项目 | 值 | 说明 and every setting). */
export function queueSettingsSheet(ws: Excel.Worksheet, rows: readonly SettingRowPlan[], features: PlanFeatures): void {
  SETTINGS_COLUMNS.forEach((c, i) => {
    ws.getRange(`${columnLetter(i + 1)}1`).format.columnWidth = charsToPoints(c.width);
  });
  const header = ws.getRange("A1:C1");
  header.values = [SETTINGS_COLUMNS.map((c) => c.header)];
  header.format.font.bold = true;
  header.format.font.color = PLAN_COLORS.headerFont;
  header.format.fill.color = PLAN_COLORS.headerFill;
  if (rows.length > 0) {
    const body = ws.getRange(`A2:C${rows.length + 1}`);
    body.numberFormat = rows.map((r) => ["General", r.numberFormat ?? "General", "General"]);
    body.values = rows.map((r) => [r.def.label, officeCell(r.value, r.numberFormat === "@"), r.def.note]);
    ws.getRange(`A2:A${rows.length + 1}`).format.font.bold = true;
    ws.getRange(`C2:C${rows.length + 1}`).format.font.color = PLAN_COLORS.note;
  }
  if (features.dataValidation) {
    rows.forEach((r, i) => {
      if (r.validation) applyValidation(ws.getRange(`B${i + 2}`), r.validation);
    });
  }
  if (features.freezePanes) ws.freezePanes.freezeRows(1);
  if (features.pageLayout) {
    ws.pageLayout.orientation = "Portrait";
    ws.pageLayout.paperSize = "A4" as Excel.PaperType;
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
}

/** Queues option lists as columns of the 选项 sheet from column `first` (1-based): label in row 1, values below. */
export function queueOptionLists(ws: Excel.Worksheet, lists: readonly OptionList[], first: number): void {
  if (lists.length === 0) return;
  const height = 1 + Math.max(...lists.map((l) => l.values.length));
  const values = Array.from({ length: height }, (_, r) =>
    lists.map((l) => (r === 0 ? l.label : (l.values[r - 1] ?? ""))),
  );
  const range = ws.getRange(`${columnLetter(first)}1:${columnLetter(first + lists.length - 1)}${height}`);
  range.numberFormat = values.map((row) => row.map(() => "@"));
  range.values = values;
  ws.getRange(`${columnLetter(first)}1:${columnLetter(first + lists.length - 1)}1`).format.font.bold = true;
}
