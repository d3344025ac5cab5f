/** The 模板 area: the templates offered, a template workbook built in the browser, and how sheets were recognised. */
import type { SheetReport, ValidationResult } from "../../src/core/engine";
import type { TemplateDef } from "../../src/core/templates/types";
import { TEMPLATES, templateById } from "../../src/core/templates";
import { todayDate } from "../../src/core/dates";
import type { ExcelHost } from "../office/port";

export const MAX_SAMPLE_ROWS = 200;

/** The typed sample-row count, or null when it is not a whole number in 0–200. */
export function parseSampleRows(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return null;
  const n = Number(t);
  return n <= MAX_SAMPLE_ROWS ? n : null;
}

/** The 模板 choice that gives all four templates in one workbook. */
export const ALL_TEMPLATES = "all";

export function templateFileName(template: TemplateDef): string {
  return `${template.title}.xlsx`;
}

/** The all-templates workbook's name: "<支部名称>-支部工作表.xlsx" (characters a file name cannot hold dropped). */
export function allTemplatesFileName(branch: string): string {
  const name = [...branch]
    .filter((ch) => ch >= " " && !'\\/:*?"<>|'.includes(ch))
    .join("")
    .trim();
  return name ? `${name}-支部工作表.xlsx` : "支部工作表.xlsx";
}

/** The templates of a 模板 choice: one, or all four for ALL_TEMPLATES. */
export function templatesOf(choice: string): TemplateDef[] {
  if (choice === ALL_TEMPLATES) return [...TEMPLATES];
  const t = templateById(choice);
  return t ? [t] : [];
}

/** What inserting a choice made: every sheet created, every table. */
export interface InsertedTemplates {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
}

/** Inserts the templates of a choice one after another (each as new sheets; 设置 once). */
export async function insertTemplates(
  host: Pick<ExcelHost, "insertTemplate">,
  choice: string,
  branch: string,
  sampleRows: number,
): Promise<InsertedTemplates> {
  const sheets: string[] = [];
  const tables: string[] = [];
  for (const t of templatesOf(choice)) {
    const r = await host.insertTemplate({ templateId: t.id, branch, sampleRows });
    for (const s of r.sheets) if (!sheets.includes(s)) sheets.push(s);
    tables.push(r.table);
  }
  return { sheets, tables };
}

/** A fixed seed, so the same request gives the same sample rows. */
const SAMPLE_SEED = 20261121;

/**
 * The template workbook's bytes (as `zhibu template` writes it). write-template (and exceljs with it) and the
 * sample generators are loaded on demand, so none of them is in the pane's initial bundle.
 */
export async function templateWorkbookBytes(choice: string, branch: string, sampleRows: number): Promise<ArrayBuffer> {
  const templates = templatesOf(choice);
  if (templates.length === 0) throw new Error(`unknown template ${choice}`);
  const [{ buildTemplateWorkbook }, samples] = await Promise.all([
    import(/* webpackChunkName: "template-writer" */ "../../src/xlsx/write-template"),
    import(/* webpackChunkName: "template-writer" */ "../../src/core/samples"),
  ]);
  const asOf = todayDate();
  const rows: Record<string, ReturnType<typeof samples.sampleRows>> = {};
  if (sampleRows > 0)
    for (const t of templates) rows[t.id] = samples.sampleRows(t.id, sampleRows, { seed: SAMPLE_SEED, asOf });
  const wb = buildTemplateWorkbook({ templates, branch, rows });
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

export interface FieldMapping {
  readonly key: string;
  readonly header: string;
  readonly required: boolean;
  /** Column letter, or null when the sheet has no such header. */
  readonly column: string | null;
  /** A required header the sheet lacks (the engine's header.missing). */
  readonly missing: boolean;
}

export interface SheetRecognition {
  readonly sheet: string;
  readonly template: TemplateDef | null;
  readonly headerRow: number | null;
  readonly dataRows: number;
  readonly fields: readonly FieldMapping[];
  /** The sheet report as the engine gave it, for the header block and the rows it skipped. */
  readonly report: SheetReport;
}

/**
 * For each validated sheet: the template it was recognised as, its header row and each field's column, from the
 * validation result's sheet reports; missing headers are the ones the engine reported as header.missing.
 */
export function recognition(result: ValidationResult, settingsSheet: (name: string) => boolean): SheetRecognition[] {
  return result.sheets
    .filter((s) => !settingsSheet(s.sheet))
    .map((s) => {
      const template = s.template ? (templateById(s.template) ?? null) : null;
      const missing = new Set(
        result.issues
          .filter((i) => i.sheet === s.sheet && i.rule === "header.missing")
          .map((i) => String(i.params["field"] ?? "")),
      );
      const fields: FieldMapping[] = [];
      if (template) {
        for (const f of template.fields) {
          if (f.readOnly && s.columns[f.key] === undefined) continue;
          fields.push({
            key: f.key,
            header: f.header,
            required: f.required === true,
            column: s.columns[f.key] ?? null,
            missing: missing.has(f.key),
          });
        }
        // Item columns (年终考核's 名称(分值)) are fields of the sheet, not of the template.
        for (const [key, column] of Object.entries(s.columns)) {
          if (!template.fields.some((f) => f.key === key)) {
            fields.push({ key, header: key.replace(/^item:/, ""), required: false, column, missing: false });
          }
        }
      }
      return { sheet: s.sheet, template, headerRow: s.headerRow, dataRows: s.dataRows, fields, report: s };
    });
}

export { TEMPLATES };
