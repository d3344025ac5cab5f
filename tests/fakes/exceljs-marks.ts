/**
 * The add-in's marks in an exceljs workbook, with the Office adapter's design (addin/office/marks.ts): one
 * expression conditional formatting per marked cell, rule MARK_FORMULA, the severity's fill, on top; clearing
 * removes exactly those rules from every sheet. Shared by the file-side port and the page test's host double.
 */
import type ExcelJS from "exceljs";
import {
  type Mark,
  type MarkRecord,
  MARK_COLORS,
  MARK_FORMULA,
  distinctMarks,
  isMarkFormula,
} from "../../addin/office/port";

type Formatting = ExcelJS.ConditionalFormattingOptions;

function formattings(ws: ExcelJS.Worksheet): Formatting[] {
  const holder = ws as unknown as { conditionalFormattings?: Formatting[] };
  holder.conditionalFormattings ??= [];
  return holder.conditionalFormattings;
}

function isMarkRule(rule: ExcelJS.ConditionalFormattingRule): boolean {
  return rule.type === "expression" && isMarkFormula(rule.formulae?.[0]);
}

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

export function addMarks(wb: ExcelJS.Workbook, marks: readonly Mark[]): MarkRecord {
  const cells = distinctMarks(marks).map((m) => {
    const ws = sheetOf(wb, m.sheet);
    const list = formattings(ws);
    for (const f of list) for (const r of f.rules) r.priority = (r.priority ?? 1) + 1;
    list.push({
      ref: m.cell.toUpperCase(),
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [MARK_FORMULA.slice(1)],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${MARK_COLORS[m.severity].slice(1)}` } },
          },
        },
      ],
    });
    return { sheet: m.sheet, cell: m.cell, severity: m.severity, id: `${ws.name}!${m.cell.toUpperCase()}` };
  });
  return { cells };
}

/** Removes every mark rule (and the formattings left without rules) from every sheet; returns how many. */
export function removeMarks(wb: ExcelJS.Workbook): number {
  let removed = 0;
  for (const ws of wb.worksheets) {
    const list = formattings(ws);
    for (let i = list.length - 1; i >= 0; i--) {
      const f = list[i] as Formatting;
      const keep = f.rules.filter((r) => !isMarkRule(r));
      removed += f.rules.length - keep.length;
      if (keep.length === 0) list.splice(i, 1);
      else f.rules = keep;
    }
  }
  return removed;
}

/** Every conditional formatting rule of the workbook as "sheet!ref type formula fill", for comparisons. */
export function formattingList(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.flatMap((ws) =>
    formattings(ws).flatMap((f) =>
      f.rules.map((r) => {
        const formula = r.type === "expression" ? `=${r.formulae?.[0] ?? ""}` : r.type;
        const fill = r.style?.fill;
        const color = fill && fill.type === "pattern" ? (fill.bgColor?.argb ?? fill.fgColor?.argb ?? "") : "";
        return `${ws.name}!${f.ref} ${formula} ${color.slice(-6)}`;
      }),
    ),
  );
}
