import type { CellValue, SheetSnapshot } from "./types";
import type { ColumnBinding, HeaderMatch } from "./header";
import type { TemplateDef } from "./templates/types";
import { compactText } from "./text";
import { isBlankValue } from "./coerce";
import { isColumnNumberRow } from "./header-block";

/** Rows below the header that are not records: they are listed, never validated or counted. */
export type SkipKind = "note" | "total" | "footer" | "section";

export interface SkippedRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly kind: SkipKind;
}

export interface RowPlan {
  /** Per snapshot row index: 0 a record (or empty), else 1 + the index of its kind in SKIP_KINDS. */
  readonly skip: Uint8Array;
  readonly skipped: readonly SkippedRow[];
  /** Per snapshot row index, the section the row sits in; null when the sheet has no section rows. */
  readonly sections: ReadonlyArray<string | null> | null;
}

export const SKIP_KINDS: readonly SkipKind[] = ["note", "total", "footer", "section"];

const TOTAL =
  /^(?:合计|小计|总计|总合计|共计|累计|汇总|总数|平均|平均分|平均值|total|subtotal|sum)(?:[:：(].*|人数.*|\d+人)?$/i;
const FOOTER =
  /^(?:填表人|填报人|制表人|统计人|审核人|审批人|复核人|负责人|经办人|联系人|填表日期|填报日期|制表日期|统计日期|报送日期|审核日期|报表日期|单位|填报单位|填表单位|党组织|党支部|支部书记|书记|校长|签字|签名|盖章)(?:[（(](?:盖章|签字|签名|公章)[)）])?[:：]/;
const STAMP = /[（(](?:盖章|签字|签名|公章)[)）]|^(?:单位|党组织|党支部)?[（(]?盖章[)）]?$/;
const NOTE = /^(?:填表说明|填写说明|填报说明|说明|注|注意|备注|提示|附注)(?:\d*[:：、.]|[:：])/;
const SECTION =
  /^(?:[一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十\d]+[)]|第[一二三四五六七八九十\d]+(?:党小组|小组|组|支部|部分)|[^\d\s]{1,12}(?:党小组|小组|年级组|教研组|处室|支部)[:：]?$)/;
const SECTION_PREFIX = /^(?:[一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十\d]+[)]|\d+[、.])\s*/;

function text(v: CellValue | undefined): string {
  return typeof v === "string" ? compactText(v) : "";
}

/** The section a section row opens: `一、第一党小组` → 第一党小组. */
export function sectionName(label: string): string {
  return compactText(label)
    .replace(SECTION_PREFIX, "")
    .replace(/[:：]+$/, "");
}

function isLabel(t: string): boolean {
  return TOTAL.test(t) || FOOTER.test(t) || STAMP.test(t) || NOTE.test(t);
}

interface Classifier {
  readonly recordCells: readonly number[];
}

/** The characters labels start with; a record's name or ID number almost never does, so most rows skip the patterns. */
const LABEL_STARTS = new Set("合小总共累汇平填制统审复负经联单党支书校签盖注说备提附(（tTsS");

function isLabelCell(v: CellValue | undefined): boolean {
  if (typeof v !== "string") return false;
  const first = v.trimStart()[0];
  return first !== undefined && LABEL_STARTS.has(first) && isLabel(text(v));
}

/** A cell with something in it; most record cells start with a visible character and need no scan. */
function hasContent(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v !== "string") return true;
  const c = v.length > 0 ? v.charCodeAt(0) : 0;
  if (c > 32 && c < 0xa0) return true;
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  return !isBlankValue(v);
}

/** What a non-empty row below the header is, when it is not a record. */
function classify(cells: ReadonlyArray<CellValue>, c: Classifier, beforeFirstRecord: boolean): SkipKind | null {
  if (beforeFirstRecord && isColumnNumberRow(cells)) return "note";
  const keys = c.recordCells.length;
  if (keys > 0) {
    let all = true;
    for (const i of c.recordCells) {
      const v = cells[i];
      // Two record fields (a name and an ID number) make a record whatever they say; a lone one must not be a label.
      if (!hasContent(v) || (keys === 1 && isLabelCell(v))) {
        all = false;
        break;
      }
    }
    if (all) return null;
  }
  let filled = 0;
  let firstText = "";
  let texts = 0;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (isBlankValue(v ?? null)) continue;
    filled++;
    const t = text(v);
    if (t) {
      texts++;
      if (!firstText) firstText = t;
      // A label may sit in any of the first cells (合计 under 序号 or under 姓名).
      if (texts <= 3 && TOTAL.test(t)) return "total";
      if (texts <= 3 && (FOOTER.test(t) || STAMP.test(t))) return "footer";
    }
  }
  if (filled === 0) return null;
  if (NOTE.test(firstText)) return "note";
  if (filled === 1 && firstText && SECTION.test(firstText)) return "section";
  if (beforeFirstRecord && filled === 1 && firstText.length > 12) return "note";
  return null;
}

const plans = new WeakMap<SheetSnapshot, Map<string, RowPlan>>();

/**
 * Sorts the rows below the header into records and the rest (note rows under the header, totals, footers,
 * section rows), once per sheet and header. Conservative: a row whose record fields (a name and an ID number) are
 * all filled with something other than a label is always a record.
 */
export function planRows(
  sheet: SheetSnapshot,
  template: TemplateDef,
  headerIndex: number,
  columns: readonly ColumnBinding[],
): RowPlan {
  const recordCells: number[] = [];
  for (const key of template.recordFields ?? []) {
    const col = columns.find((c) => c.field.key === key);
    if (col) recordCells.push(col.index);
  }
  const cacheKey = `${headerIndex}:${recordCells.join(",")}`;
  let byKey = plans.get(sheet);
  const cached = byKey?.get(cacheKey);
  if (cached) return cached;
  const values = sheet.values;
  const originRow = sheet.originRow ?? 1;
  const skip = new Uint8Array(values.length);
  const skipped: SkippedRow[] = [];
  let sections: Array<string | null> | null = null;
  let section: string | null = null;
  let beforeFirstRecord = true;
  const classifier: Classifier = { recordCells };
  for (let r = headerIndex + 1; r < values.length; r++) {
    const cells = values[r];
    if (!cells || cells.length === 0) continue;
    const kind = classify(cells, classifier, beforeFirstRecord);
    if (kind === null) {
      if (beforeFirstRecord && cells.some((v) => !isBlankValue(v))) beforeFirstRecord = false;
      if (sections) sections[r] = section;
      continue;
    }
    skip[r] = SKIP_KINDS.indexOf(kind) + 1;
    skipped.push({ row: originRow + r, kind });
    if (kind === "section") {
      section = sectionName(cells.map(text).find((t) => t) ?? "");
      sections ??= new Array<string | null>(values.length).fill(null);
    }
  }
  const plan: RowPlan = { skip, skipped, sections };
  if (!byKey) plans.set(sheet, (byKey = new Map()));
  byKey.set(cacheKey, plan);
  return plan;
}

/**
 * When section rows name a field the sheet has no column for (the 党小组 of a roster), the match gains a virtual
 * column for it, past the sheet's last column, which `forEachDataRow` fills from the plan.
 */
export function withSectionColumn<M extends Pick<HeaderMatch, "template" | "columns">>(
  sheet: SheetSnapshot,
  match: M,
  plan: RowPlan,
): M {
  const key = match.template.sectionField;
  if (!plan.sections || !key || match.columns.some((c) => c.field.key === key)) return match;
  const field = match.template.fields.find((f) => f.key === key);
  if (!field) return match;
  let width = 0;
  for (const row of sheet.values) if (row.length > width) width = row.length;
  const binding: ColumnBinding = { field, index: width, header: field.header, virtual: true };
  return { ...match, columns: [...match.columns, binding] };
}
