/**
 * 标注 and 清除标注 over Office.js (ExcelApi 1.6 conditional formats). A mark is a Custom conditional format the
 * add-in adds over one issue cell: rule MARK_FORMULA (always true, and the add-in's signature), the severity's
 * fill, top priority, not stopping the user's own rules. The cell's own formatting is never read or written, so
 * whatever the user does afterwards (inserting, deleting or sorting rows, recolouring cells) is kept, and
 * clearing deletes exactly the add-in's formats, found again by their rule on every sheet.
 *
 * Syncs: applyMarks 1 (the formats added and their ids loaded together); clearMarks 2 (sheet names, then every
 * sheet's formats with their rules) and 1 more to delete when there is something to delete.
 */
import {
  type Mark,
  type MarkRecord,
  type MarkedCell,
  MARK_COLORS,
  MARK_FORMULA,
  distinctMarks,
  isMarkFormula,
} from "./port";
import { syncQuietly } from "./office-values";

export async function applyMarks(
  context: Excel.RequestContext,
  events: boolean,
  marks: readonly Mark[],
): Promise<MarkRecord> {
  const cells = distinctMarks(marks);
  const worksheets = new Map<string, Excel.Worksheet>();
  const sheetOf = (name: string): Excel.Worksheet => {
    let ws = worksheets.get(name);
    if (!ws) worksheets.set(name, (ws = context.workbook.worksheets.getItem(name)));
    return ws;
  };
  const formats: Excel.ConditionalFormat[] = [];
  await syncQuietly(context, events, () => {
    for (const m of cells) {
      const format = sheetOf(m.sheet)
        .getRange(m.cell)
        .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      format.custom.rule.formula = MARK_FORMULA;
      format.custom.format.fill.color = MARK_COLORS[m.severity];
      format.stopIfTrue = false;
      format.load("id");
      formats.push(format);
    }
  });
  const record: MarkedCell[] = cells.map((m, i) => ({
    sheet: m.sheet,
    cell: m.cell,
    severity: m.severity,
    id: (formats[i] as Excel.ConditionalFormat).id,
  }));
  return { cells: record };
}

/** Deletes every conditional format of the add-in's marks on every sheet; resolves to how many it deleted. */
export async function clearMarks(context: Excel.RequestContext, events: boolean): Promise<number> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const collections = worksheets.items.map((ws) => {
    const formats = ws.getRange().conditionalFormats;
    formats.load("items/id, items/type, items/customOrNullObject/rule/formula");
    return formats;
  });
  await context.sync();
  const marks = collections.flatMap((formats) =>
    formats.items.filter(
      (f) =>
        f.type === "Custom" && !f.customOrNullObject.isNullObject && isMarkFormula(f.customOrNullObject.rule.formula),
    ),
  );
  if (marks.length === 0) return 0;
  await syncQuietly(context, events, () => {
    for (const f of marks) f.delete();
  });
  return marks.length;
}
