/**
 * The data a summary file's PivotTables read: one table per template with its rows as read (ID numbers and phones
 * masked unless asked not to), the columns a summary derives (年龄段, 统计月份) and, per field, the order its items
 * take (the template's own: 正式党员, 预备党员, …; 1月 … 12月). `filePivots` places PIVOT_DEFS on these tables, so
 * a file's PivotTables and the ones the add-in builds in Excel come from the same definitions.
 */
import type { ValidationResult } from "../engine";
import type { SheetContext } from "../rules/types";
import type { DataRow } from "../rows";
import type { CellDate } from "../types";
import type { FieldDef } from "../templates/types";
import { PIVOT_DEFS, type PivotAggregation, type PivotDef } from "./pivots";
import { MASKERS } from "../mask";
import { ageOn, compareDates, formatDate } from "../dates";
import { AGE_BANDS, NO_GROUP, ageBand, ageBandLabel } from "./roster";
import { NO_DEPARTMENT } from "./evaluation";
import { birthOf, isMember } from "../rules/roster/shared";
import { SUMMARIZERS } from "./index";
import { countDateYears, eventMonth, isCancelled, planYearOf } from "../rules/schedule/shared";

export type PivotCell = string | number | null;

/** A table of a data sheet: its header row, its rows and the item order of the fields pivots group by. */
export interface PivotDataTable {
  /** The sheet's name, e.g. 数据-党员花名册. */
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<PivotCell>>;
  /** Header → its items in display order; values not listed follow in the order they first appear. */
  readonly orders: Readonly<Record<string, readonly string[]>>;
}

/** A PivotTable over a data table, by header texts. */
export interface FilePivot {
  readonly title: string;
  readonly data: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly value: { readonly header: string; readonly aggregate: PivotAggregation };
}

interface Env {
  readonly asOf: CellDate;
  /** The schedule's plan year (as its summary takes it). */
  readonly year: number;
}

/** A column a data table adds to the template's own, computed per row as the summary counts it (null: not counted). */
interface DerivedColumn {
  readonly key: string;
  readonly header: string;
  /** Pivot definitions naming this field key read the derived column instead. */
  readonly replaces?: string;
  readonly order: readonly string[];
  readonly value: (row: DataRow, env: Env) => PivotCell;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

const DERIVED: Readonly<Record<string, readonly DerivedColumn[]>> = {
  roster: [
    {
      key: "ageBand",
      header: "年龄段（党员）",
      order: AGE_BANDS.map(ageBandLabel),
      value: (row, env) => {
        const birth = isMember(row) ? birthOf(row) : null;
        return birth && compareDates(birth, env.asOf) <= 0 ? ageBandLabel(ageBand(ageOn(birth, env.asOf))) : null;
      },
    },
  ],
  schedule: [
    {
      key: "countedMonth",
      header: "统计月份",
      replaces: "month",
      order: MONTHS,
      value: (row, env) => {
        if (isCancelled(row) || row.text("type") === null) return null;
        const at = eventMonth(row, env.year);
        return at && at.y === env.year ? `${at.m}月` : null;
      },
    },
  ],
};

/** What an empty cell of a field counts as in the summary. */
const BLANK_AS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  roster: { group: NO_GROUP },
  evaluation: { department: NO_DEPARTMENT },
};

const SOURCE_HEADERS = ["来源工作表", "行号"];

export function dataTableName(title: string): string {
  return `数据-${title}`.slice(0, 31);
}

function cellOf(value: unknown, key: string, mask: boolean): PivotCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const masker = mask ? MASKERS[key] : undefined;
    return masker && value ? masker(value) : value;
  }
  return formatDate(value as CellDate);
}

interface Built {
  readonly table: PivotDataTable;
  /** Field key → header, derived columns replacing the fields they stand for. */
  readonly headerOf: ReadonlyMap<string, string>;
}

function buildTable(contexts: readonly SheetContext[], asOf: CellDate, mask: boolean): Built {
  const template = contexts[0]!.template;
  const present = new Map<string, FieldDef>();
  for (const ctx of contexts)
    for (const c of ctx.match.columns) if (!present.has(c.field.key)) present.set(c.field.key, c.field);
  const own = template.fields.filter((f) => present.has(f.key));
  const items = [...present.values()].filter((f) => !own.includes(f));
  const fields = [...own, ...items];
  const derived = DERIVED[template.id] ?? [];
  const blankAs = BLANK_AS[template.id] ?? {};
  const years = new Map<number, number>();
  for (const ctx of contexts) countDateYears(ctx.rows, years);
  const env: Env = { asOf, year: planYearOf(contexts[0]!.settings, asOf, years) };

  const headerOf = new Map<string, string>();
  const headers: string[] = [];
  for (const f of fields) {
    headerOf.set(f.key, f.header);
    headers.push(f.header);
  }
  for (const d of derived) {
    headers.push(d.header);
    headerOf.set(d.key, d.header);
    if (d.replaces) headerOf.set(d.replaces, d.header);
  }
  headers.push(...SOURCE_HEADERS);

  const rows: PivotCell[][] = [];
  for (const ctx of contexts) {
    for (const row of ctx.rows) {
      const cells = fields.map((f) => cellOf(row.value(f.key), f.key, mask) ?? blankAs[f.key] ?? null);
      rows.push([...cells, ...derived.map((d) => d.value(row, env)), ctx.sheet, row.row]);
    }
  }
  const orders: Record<string, readonly string[]> = {};
  for (const f of fields) if (f.values) orders[f.header] = [...f.values, ...(blankAs[f.key] ? [blankAs[f.key]!] : [])];
  for (const d of derived) orders[d.header] = d.order;
  return { table: { name: dataTableName(template.title), headers, rows, orders }, headerOf };
}

function placed(def: PivotDef, table: PivotDataTable, headerOf: ReadonlyMap<string, string>): FilePivot | null {
  const header = (k: string) => headerOf.get(k);
  const keys = [...def.rows, ...(def.columns ?? []), def.value.field];
  if (!keys.every((k) => header(k) !== undefined)) return null;
  return {
    title: def.title,
    data: table.name,
    rows: def.rows.map((k) => header(k)!),
    columns: (def.columns ?? []).map((k) => header(k)!),
    value: { header: header(def.value.field)!, aggregate: def.value.aggregate },
  };
}

/**
 * The data tables of a validation result (one per template with data rows, in the order templates are summarised)
 * and the PivotTables of PIVOT_DEFS that their fields allow.
 */
export function pivotDataOf(
  result: ValidationResult,
  mask: boolean,
  defs: readonly PivotDef[] = PIVOT_DEFS,
): { tables: PivotDataTable[]; pivots: FilePivot[] } {
  const tables: PivotDataTable[] = [];
  const pivots: FilePivot[] = [];
  for (const { template: id } of SUMMARIZERS) {
    const contexts = result.contexts.filter((c) => c.template.id === id && c.rows.length > 0);
    if (contexts.length === 0) continue;
    const { table, headerOf } = buildTable(contexts, result.asOf, mask);
    tables.push(table);
    for (const def of defs) {
      if (def.template !== id) continue;
      const p = placed(def, table, headerOf);
      if (p) pivots.push(p);
    }
  }
  return { tables, pivots };
}
