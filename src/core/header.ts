import type { CellValue, SheetSnapshot } from "./types";
import type { FieldDef, TemplateDef } from "./templates/types";
import { compactText, normalizeHeader } from "./text";
import { type BlockColumn, MAX_HEADER_ROWS, isColumnNumberRow, readHeaderBlock } from "./header-block";
import { formatDate } from "./dates";
import { isCellDate } from "./coerce";

/** How far down a header row may sit. */
export const HEADER_SCAN_ROWS = 10;

export interface ColumnBinding {
  readonly field: FieldDef;
  /** 0-based index into the snapshot row. */
  readonly index: number;
  /** The header text as the sheet has it (the lowest cell of a header block). */
  readonly header: string;
  /** The group cells above it in a header block, outermost first, joined by "/" (`入党情况`). */
  readonly group?: string;
  /** Not a column of the sheet: filled from section rows (see `withSectionColumn`). */
  readonly virtual?: boolean;
}

export interface HeaderMatch {
  readonly template: TemplateDef;
  /** 0-based index into snapshot values of the header block's last row: data start below it. */
  readonly headerIndex: number;
  /** 0-based index of the header block's first row (= headerIndex for a one-row header). */
  readonly firstHeaderIndex: number;
  readonly columns: readonly ColumnBinding[];
  /** Later columns whose header names a field already bound. */
  readonly duplicates: readonly ColumnBinding[];
  readonly missing: readonly FieldDef[];
}

const headerLookups = new WeakMap<TemplateDef, { plain: Map<string, FieldDef>; grouped: Map<string, FieldDef> }>();

function headerLookup(template: TemplateDef): { plain: Map<string, FieldDef>; grouped: Map<string, FieldDef> } {
  let maps = headerLookups.get(template);
  if (!maps) {
    const plain = new Map<string, FieldDef>();
    const grouped = new Map<string, FieldDef>();
    for (const f of template.fields) {
      for (const h of [f.header, ...(f.aliases ?? [])]) plain.set(normalizeHeader(h), f);
      for (const h of f.groupAliases ?? []) grouped.set(normalizeHeader(h), f);
    }
    maps = { plain, grouped };
    headerLookups.set(template, maps);
  }
  return maps;
}

export function headerText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (isCellDate(v)) return formatDate(v);
  if (v.kind === "formula") return `=${v.formula}`;
  return "";
}

/** `师德师风(20)`, `师德师风（20分）`, `师德师风 20分`: the item's name and maximum. */
const ITEM_HEADER = /^(.+?)\((\d+(?:\.\d+)?)分?\)$/;
const ITEM_HEADER_TRAILING = /^(.*?[^\d.])(\d+(?:\.\d+)?)分$/;

/** An item column's header → an item field with its maximum; null for any other header. */
export function itemField(header: string): FieldDef | null {
  const t = normalizeHeader(header, true);
  const m = ITEM_HEADER.exec(t) ?? ITEM_HEADER_TRAILING.exec(t);
  const name = m?.[1]?.replace(/[:：_-]+$/, "");
  if (!m || !name || !m[2]) return null;
  const max = Number(m[2]);
  return { key: `item:${name}`, header: header.trim(), type: "number", item: { name, max } };
}

/** Words that end a group cell without adding to its sub-headers' meaning (党费缴纳 over 基数 → 党费基数). */
const GROUP_TAIL = /(?:缴纳情况|缴纳|情况|信息|项目|统计|票数|明细)$/;

/** The field a block column names: its own text, then its text read under its group, then as an item column. */
function fieldOf(template: TemplateDef, col: BlockColumn): FieldDef | null {
  const { plain, grouped } = headerLookup(template);
  const own = normalizeHeader(col.text);
  const direct = plain.get(own);
  if (direct) return direct;
  const group = col.groups.length ? normalizeHeader(col.groups[col.groups.length - 1] ?? "") : "";
  if (group) {
    const stem = group.replace(GROUP_TAIL, "");
    const found = grouped.get(own) ?? plain.get(group + own) ?? (stem !== group ? plain.get(stem + own) : undefined);
    if (found) return found;
  }
  if (!template.itemColumns) return null;
  if (col.above !== null) {
    const max = /^(\d+(?:\.\d+)?)/.exec(compactText(col.text))?.[1];
    if (max) return itemField(`${col.above}(${max})`);
  }
  return itemField(col.text);
}

function bindColumns(
  template: TemplateDef,
  block: readonly BlockColumn[],
): Omit<HeaderMatch, "headerIndex" | "firstHeaderIndex"> {
  const columns: ColumnBinding[] = [];
  const duplicates: ColumnBinding[] = [];
  const bound = new Set<string>();
  for (const col of block) {
    const field = fieldOf(template, col);
    if (!field) continue;
    const header = col.above !== null ? `${col.above.trim()}(${col.text.trim()})` : col.text.trim();
    const group = col.groups.length ? col.groups.join("/") : undefined;
    const binding: ColumnBinding = group
      ? { field, index: col.index, header, group }
      : { field, index: col.index, header };
    if (bound.has(field.key)) duplicates.push(binding);
    else {
      bound.add(field.key);
      columns.push(binding);
    }
  }
  const missing = template.fields.filter((f) => f.required && !bound.has(f.key));
  return { template, columns, duplicates, missing };
}

/** Binds the columns of one header row to a template's fields. */
export function bindHeaderRow(
  template: TemplateDef,
  cells: ReadonlyArray<CellValue>,
): Omit<HeaderMatch, "headerIndex" | "firstHeaderIndex"> {
  const block: BlockColumn[] = [];
  for (let i = 0; i < cells.length; i++) {
    const text = headerText(cells[i]).trim();
    if (text) block.push({ index: i, text, groups: [], above: null });
  }
  return bindColumns(template, block);
}

/**
 * A row above the block that holds only header cells merged down into it and group cells (each merged across two
 * or more of the bound columns, not the whole width); none a label (`填报日期：2026年11月` above a header is not one).
 */
function isGroupRow(sheet: SheetSnapshot, r: number, columns: readonly ColumnBinding[]): boolean {
  const originRow = sheet.originRow ?? 1;
  const originCol = sheet.originCol ?? 1;
  const bound = new Set(columns.map((c) => c.index));
  const lo = Math.min(...bound);
  const hi = Math.max(...bound);
  const cells = sheet.values[r] ?? [];
  let groups = 0;
  for (let c = 0; c < cells.length; c++) {
    const text = headerText(cells[c]).trim();
    if (!text) continue;
    const m = (sheet.merges ?? []).find((x) => x.top - originRow === r && x.left - originCol === c);
    if (!m || /[:：]/.test(text)) return false;
    // A header merged down into the rows below belongs to the block.
    if (m.bottom > m.top) {
      if (m.bottom - originRow <= r) return false;
      groups++;
      continue;
    }
    const left = m.left - originCol;
    const right = m.right - originCol;
    let covered = 0;
    for (let i = left; i <= right; i++) if (bound.has(i)) covered++;
    if (covered < 2 || (left <= lo && right >= hi)) return false;
    groups++;
  }
  return groups > 0;
}

/**
 * Finds the header block among the first rows and the template it belongs to. A block is one to three rows; a
 * block qualifies for a template when it holds more than half of the template's required headers. The most matched
 * headers win, then the earliest last row, then the fewest rows; a group row just above the winner joins the block.
 */
export function detectHeader(sheet: SheetSnapshot, templates: readonly TemplateDef[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const last = Math.min(sheet.values.length, HEADER_SCAN_ROWS - ((sheet.originRow ?? 1) - 1));
  const numbered: boolean[] = [];
  for (let r = 0; r < last; r++) numbered.push(isColumnNumberRow(sheet.values[r]));
  for (let r = 0; r < last; r++) {
    const cells = sheet.values[r];
    if (!cells || cells.length === 0 || numbered[r]) continue;
    for (let height = 1; height <= MAX_HEADER_ROWS && r - height + 1 >= 0; height++) {
      const first = r - height + 1;
      if (numbered[first]) break;
      const block = readHeaderBlock(sheet, first, r);
      for (const template of templates) {
        const required = template.fields.filter((f) => f.required).length;
        const bound = bindColumns(template, block);
        const requiredFound = required - bound.missing.length;
        if (requiredFound * 2 <= required) continue;
        if (!best || bound.columns.length > best.columns.length)
          best = { ...bound, headerIndex: r, firstHeaderIndex: first };
      }
    }
  }
  if (!best || best.columns.length === 0) return best;
  let first = best.firstHeaderIndex;
  while (first > 0 && best.headerIndex - first + 1 < MAX_HEADER_ROWS && isGroupRow(sheet, first - 1, best.columns))
    first--;
  if (first === best.firstHeaderIndex) return best;
  return {
    ...bindColumns(best.template, readHeaderBlock(sheet, first, best.headerIndex)),
    headerIndex: best.headerIndex,
    firstHeaderIndex: first,
  };
}
