import type { CellValue, SheetSnapshot } from "./types";
import type { FieldDef, TemplateDef } from "./templates/types";
import { normalizeHeader } from "./text";
import { formatDate } from "./dates";
import { isCellDate } from "./coerce";

/** How far down a header row may sit. */
export const HEADER_SCAN_ROWS = 10;

export interface ColumnBinding {
  readonly field: FieldDef;
  /** 0-based index into the snapshot row. */
  readonly index: number;
  /** The header text as the sheet has it. */
  readonly header: string;
}

export interface HeaderMatch {
  readonly template: TemplateDef;
  /** 0-based index into snapshot values. */
  readonly headerIndex: number;
  readonly columns: readonly ColumnBinding[];
  /** Later columns whose header names a field already bound. */
  readonly duplicates: readonly ColumnBinding[];
  readonly missing: readonly FieldDef[];
}

const headerLookups = new WeakMap<TemplateDef, Map<string, FieldDef>>();

function headerLookup(template: TemplateDef): Map<string, FieldDef> {
  let map = headerLookups.get(template);
  if (!map) {
    map = new Map();
    for (const f of template.fields) {
      for (const h of [f.header, ...(f.aliases ?? [])]) {
        map.set(normalizeHeader(h), f);
      }
    }
    headerLookups.set(template, map);
  }
  return map;
}

export function headerText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (isCellDate(v)) return formatDate(v);
  return "";
}

const ITEM_HEADER = /^(.+?)\((\d+(?:\.\d+)?)\)$/;

/** `师德师风(20)` / `师德师风（20）` → an item field with its maximum; null for any other header. */
export function itemField(header: string): FieldDef | null {
  const m = ITEM_HEADER.exec(normalizeHeader(header, true));
  if (!m || !m[1] || !m[2]) return null;
  const max = Number(m[2]);
  return { key: `item:${m[1]}`, header: header.trim(), type: "number", item: { name: m[1], max } };
}

/** Binds the columns of one candidate header row to a template's fields. */
export function bindHeaderRow(template: TemplateDef, cells: ReadonlyArray<CellValue>): Omit<HeaderMatch, "headerIndex"> {
  const lookup = headerLookup(template);
  const columns: ColumnBinding[] = [];
  const duplicates: ColumnBinding[] = [];
  const bound = new Set<string>();
  for (let i = 0; i < cells.length; i++) {
    const header = headerText(cells[i]);
    if (!header) continue;
    const field = lookup.get(normalizeHeader(header)) ?? (template.itemColumns ? itemField(header) : null);
    if (!field) continue;
    const binding = { field, index: i, header: header.trim() };
    if (bound.has(field.key)) duplicates.push(binding);
    else {
      bound.add(field.key);
      columns.push(binding);
    }
  }
  const missing = template.fields.filter((f) => f.required && !bound.has(f.key));
  return { template, columns, duplicates, missing };
}

/**
 * Finds the header row among the first rows and the template it belongs to: a row qualifies for a template
 * when it holds more than half of the template's required headers; the most matched headers win, then the
 * earliest row.
 */
export function detectHeader(sheet: SheetSnapshot, templates: readonly TemplateDef[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const last = Math.min(sheet.values.length, HEADER_SCAN_ROWS - ((sheet.originRow ?? 1) - 1));
  for (let r = 0; r < last; r++) {
    const cells = sheet.values[r];
    if (!cells || cells.length === 0) continue;
    for (const template of templates) {
      const required = template.fields.filter((f) => f.required).length;
      const bound = bindHeaderRow(template, cells);
      const requiredFound = required - bound.missing.length;
      if (requiredFound * 2 <= required) continue;
      if (!best || bound.columns.length > best.columns.length) best = { ...bound, headerIndex: r };
    }
  }
  return best;
}
