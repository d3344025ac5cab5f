/**
 * Inserting a template as new sheet(s) in the open workbook (SPEC §2, §6 模板): never over an existing sheet
 * (a suffix such as 党员花名册(2)), the plan shared with the exceljs writer, a 设置 sheet when the workbook has
 * none, long dropdown lists on the hidden 选项 sheet (its existing lists reused).
 *
 * Syncs: 1 to read sheet and table names, 1 more to read the 选项 sheet's lists only when it exists and the
 * template needs it, then 1 write (more only when the sample rows exceed one request's payload).
 */
import type { CellDate } from "../../src/core/types";
import { templateById } from "../../src/core/templates";
import {
  OPTIONS_SHEET,
  type OptionList,
  OptionLists,
  SheetNames,
  type SheetPlan,
  settingsPlan,
  tableNameFor,
  templateSheetPlan,
} from "../../src/core/templates/sheet-plan";
import { SETTINGS_SHEET } from "../../src/core/settings";
import { sampleRows } from "../../src/core/samples/index";
import { todayDate } from "../../src/core/dates";
import { headerText } from "../../src/core/header";
import type { InsertTemplateOptions, InsertTemplateResult } from "./port";
import { type PlanFeatures, queueOptionLists, queueSettingsSheet, queueTemplateSheet, writeRows } from "./plan-writer";
import { syncQuietly } from "./office-values";

export interface InsertContext {
  readonly context: Excel.RequestContext;
  readonly features: PlanFeatures;
  /** runtime.enableEvents is available (ExcelApi 1.8). */
  readonly events: boolean;
  readonly maxPayloadBytes: number;
}

/** The existing 选项 lists (label row 1, values below, one list per column). */
function optionListsOf(values: readonly (readonly unknown[])[]): OptionList[] {
  const head = values[0] ?? [];
  const lists: OptionList[] = [];
  for (let c = 0; c < head.length; c++) {
    const label = headerText(head[c] as never).trim();
    if (!label) break;
    const items: string[] = [];
    for (let r = 1; r < values.length; r++) {
      const v = headerText(values[r]?.[c] as never).trim();
      if (!v) break;
      items.push(v);
    }
    lists.push({ label, values: items });
  }
  return lists;
}

/** Whether the template needs the 选项 sheet (a list too long to write inline). */
function needsOptions(plan: (lists: OptionLists) => SheetPlan): boolean {
  const probe = new OptionLists(OPTIONS_SHEET);
  plan(probe);
  return probe.columns.length > 0;
}

/** Rows per sync so each request stays within the payload limit (estimated from the plan's JSON). */
function rowsPerSync(plan: SheetPlan, maxBytes: number): number {
  const sample = plan.rows.slice(0, 50);
  const bytes = sample.length > 0 ? JSON.stringify(sample).length * 3 : 1;
  const perRow = Math.max(1, bytes / Math.max(1, sample.length));
  return Math.max(1, Math.floor(maxBytes / 2 / perRow));
}

export async function insertTemplate(
  ctx: InsertContext,
  options: InsertTemplateOptions & { readonly asOf?: CellDate; readonly seed?: number },
): Promise<InsertTemplateResult> {
  const template = templateById(options.templateId);
  if (!template) throw new Error(`没有模板 ${options.templateId}（unknown template id）`);
  const { context, features } = ctx;

  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();

  const names = new SheetNames(worksheets.items.map((w) => w.name));
  const hasSettings = names.has(SETTINGS_SHEET);
  const hasOptions = names.has(OPTIONS_SHEET);
  const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
  const sheetName = names.take(template.sheetName);
  const tableName = tableNameFor(template.id, tableNames);
  const rows =
    options.sampleRows > 0
      ? sampleRows(template.id, options.sampleRows, { seed: options.seed ?? 1, asOf: options.asOf ?? todayDate() })
      : [];
  const makePlan = (lists: OptionLists): SheetPlan =>
    templateSheetPlan(template, sheetName, tableName, lists, { branch: options.branch, rows });

  let existing: OptionList[] = [];
  if (hasOptions && needsOptions(makePlan)) {
    const used = worksheets.getItem(OPTIONS_SHEET).getUsedRangeOrNullObject(true);
    used.load("values");
    await context.sync();
    existing = used.isNullObject ? [] : optionListsOf(used.values);
  }
  const lists = new OptionLists(OPTIONS_SHEET, existing);
  const plan = makePlan(lists);

  const step = rowsPerSync(plan, ctx.maxPayloadBytes);
  const created = [sheetName];
  await syncQuietly(context, ctx.events, () => {
    const ws = worksheets.add(sheetName);
    queueTemplateSheet(ws, plan, Math.min(step, plan.rows.length), features);
    if (!hasSettings) {
      queueSettingsSheet(worksheets.add(SETTINGS_SHEET), settingsPlan({ branchName: options.branch }), features);
      created.push(SETTINGS_SHEET);
    }
    if (lists.added.length > 0) {
      const optionsSheet = hasOptions ? worksheets.getItem(OPTIONS_SHEET) : worksheets.add(OPTIONS_SHEET);
      queueOptionLists(optionsSheet, lists.added, lists.existing + 1);
      if (!hasOptions) {
        optionsSheet.visibility = "Hidden";
        created.push(OPTIONS_SHEET);
      }
    }
    ws.activate();
  });

  // Sample rows beyond one request's payload, one sync per block (recursion, not a loop of syncs).
  const more = async (from: number): Promise<void> => {
    if (from >= plan.rows.length) return;
    const to = Math.min(plan.rows.length, from + step);
    await syncQuietly(context, ctx.events, () => writeRows(worksheets.getItem(sheetName), plan, from, to));
    await more(to);
  };
  await more(Math.min(step, plan.rows.length));

  return { sheets: created, table: tableName, rows: plan.rows.length, headerRow: plan.headerRow };
}
