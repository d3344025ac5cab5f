/**
 * The three parts of one PivotTable (ECMA-376 Part 1 §18.10): its cache definition over a range of a data sheet,
 * the cache records, and the table definition. Items of the fields on rows and columns are listed in the given
 * order (the template's), empty values last and hidden, as the summary never counts them. The cache is marked
 * refreshOnLoad, so Excel and LibreOffice compute the output when the file is opened.
 */
import { cellAddress } from "../../core/address";
import type { PivotAggregation } from "../../core/summary/pivots";
import type { PivotCell } from "../../core/summary/pivot-data";
import { NS, XML_DECL, attrs, esc } from "./xml";

export interface PivotModel {
  readonly name: string;
  readonly cacheId: number;
  readonly sourceSheet: string;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<PivotCell>>;
  /** Header → item order (values not listed follow in the order they first appear). */
  readonly orders: Readonly<Record<string, readonly string[]>>;
  /** Indexes into `headers`. */
  readonly rowFields: readonly number[];
  readonly colFields: readonly number[];
  readonly dataField: number;
  readonly aggregate: PivotAggregation;
  /** 1-based cell of the table's top left corner. */
  readonly top: number;
  readonly left: number;
}

const AGGREGATE: Record<PivotAggregation, { subtotal?: string; caption: string }> = {
  Count: { subtotal: "count", caption: "计数项" },
  Sum: { caption: "求和项" },
  Average: { subtotal: "average", caption: "平均值项" },
};

/** The distinct values of an axis field: in `order` first, then as they first appear; blank (null) last. */
export function axisItems(values: readonly PivotCell[], order: readonly string[] = []): PivotCell[] {
  const seen = new Set<PivotCell>();
  for (const v of values) seen.add(v);
  const rank = (v: PivotCell) => {
    const i = typeof v === "string" ? order.indexOf(v) : -1;
    return i < 0 ? order.length : i;
  };
  const present = [...seen].filter((v) => v !== null);
  const first = new Map(present.map((v, i) => [v, i]));
  present.sort((a, b) => rank(a) - rank(b) || (first.get(a) ?? 0) - (first.get(b) ?? 0));
  return seen.has(null) ? [...present, null] : present;
}

function itemsOf(m: PivotModel): Map<number, PivotCell[]> {
  const out = new Map<number, PivotCell[]>();
  for (const f of [...m.rowFields, ...m.colFields]) {
    out.set(
      f,
      axisItems(
        m.rows.map((r) => r[f] ?? null),
        m.orders[m.headers[f] ?? ""],
      ),
    );
  }
  return out;
}

function visibleCount(items: readonly PivotCell[] | undefined): number {
  return (items ?? []).filter((v) => v !== null).length;
}

/** Rows and columns the table's output takes (tabular layout, one grand total row and column). */
export function pivotSize(m: PivotModel): { rows: number; cols: number } {
  const items = itemsOf(m);
  const rowItems = m.rowFields.length === 1 ? visibleCount(items.get(m.rowFields[0]!)) : 1;
  const colItems = m.colFields.length === 1 ? visibleCount(items.get(m.colFields[0]!)) : 0;
  const headerRows = m.colFields.length > 0 ? 2 : 1;
  return {
    rows: headerRows + rowItems + 1,
    cols: Math.max(1, m.rowFields.length) + (m.colFields.length > 0 ? colItems + 1 : 1),
  };
}

export function pivotRef(m: PivotModel): string {
  const size = pivotSize(m);
  return `${cellAddress(m.top, m.left)}:${cellAddress(m.top + size.rows - 1, m.left + size.cols - 1)}`;
}

function sourceRef(m: PivotModel): string {
  return `A1:${cellAddress(m.rows.length + 1, m.headers.length)}`;
}

function numbersOf(values: readonly PivotCell[]): number[] {
  return values.filter((v): v is number => typeof v === "number");
}

/** `<sharedItems>` attributes describing the values of a field (ECMA-376 §18.10.1.90). */
function sharedItemsAttrs(values: readonly PivotCell[]): string {
  const nums = numbersOf(values);
  const hasString = values.some((v) => typeof v === "string");
  const hasBlank = values.some((v) => v === null);
  if (nums.length === 0) return attrs({ containsBlank: hasBlank ? 1 : undefined });
  return attrs({
    containsSemiMixedTypes: hasString || hasBlank ? undefined : 0,
    containsMixedTypes: hasString ? 1 : undefined,
    containsString: hasString ? undefined : 0,
    containsBlank: hasBlank ? 1 : undefined,
    containsNumber: 1,
    containsInteger: nums.every(Number.isInteger) ? 1 : undefined,
    minValue: Math.min(...nums),
    maxValue: Math.max(...nums),
  });
}

function itemXml(v: PivotCell): string {
  if (v === null) return "<m/>";
  return typeof v === "number" ? `<n v="${v}"/>` : `<s v="${esc(v)}"/>`;
}

export function cacheDefinitionXml(m: PivotModel): string {
  const items = itemsOf(m);
  const fields = m.headers.map((h, f) => {
    const column = m.rows.map((r) => r[f] ?? null);
    const list = items.get(f);
    const shared = list
      ? `<sharedItems${sharedItemsAttrs(column)} count="${list.length}">${list.map(itemXml).join("")}</sharedItems>`
      : `<sharedItems${sharedItemsAttrs(column)}/>`;
    return `<cacheField name="${esc(h)}" numFmtId="0">${shared}</cacheField>`;
  });
  return (
    XML_DECL +
    `<pivotCacheDefinition xmlns="${NS.main}" xmlns:r="${NS.rel}" r:id="rId1" refreshOnLoad="1"` +
    ` refreshedBy="支部表格助手" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3"` +
    ` recordCount="${m.rows.length}">` +
    `<cacheSource type="worksheet"><worksheetSource ref="${sourceRef(m)}" sheet="${esc(m.sourceSheet)}"/></cacheSource>` +
    `<cacheFields count="${fields.length}">${fields.join("")}</cacheFields>` +
    `</pivotCacheDefinition>`
  );
}

export function cacheRecordsXml(m: PivotModel): string {
  const items = itemsOf(m);
  const index = new Map([...items].map(([f, list]) => [f, new Map(list.map((v, i) => [v, i]))]));
  const records = m.rows.map((r) => {
    const cells = m.headers.map((_, f) => {
      const v = r[f] ?? null;
      const at = index.get(f);
      return at ? `<x v="${at.get(v) ?? 0}"/>` : itemXml(v);
    });
    return `<r>${cells.join("")}</r>`;
  });
  return (
    XML_DECL +
    `<pivotCacheRecords xmlns="${NS.main}" xmlns:r="${NS.rel}" count="${records.length}">${records.join("")}</pivotCacheRecords>`
  );
}

/** `<rowItems>` / `<colItems>`: one `<i>` per shown item of a single field, then the grand total. */
function axisItemsXml(tag: string, fields: readonly number[], items: Map<number, PivotCell[]>): string {
  const list = fields.length === 1 ? (items.get(fields[0]!) ?? []) : null;
  if (fields.length === 0) return `<${tag} count="1"><i/></${tag}>`;
  if (!list) return `<${tag} count="1"><i t="grand"><x/></i></${tag}>`;
  const shown = list.flatMap((v, i) => (v === null ? [] : [i === 0 ? "<i><x/></i>" : `<i><x v="${i}"/></i>`]));
  return `<${tag} count="${shown.length + 1}">${shown.join("")}<i t="grand"><x/></i></${tag}>`;
}

export function pivotTableXml(m: PivotModel): string {
  const items = itemsOf(m);
  const agg = AGGREGATE[m.aggregate];
  const pivotFields = m.headers.map((_, f) => {
    const axis = m.rowFields.includes(f) ? "axisRow" : m.colFields.includes(f) ? "axisCol" : undefined;
    const head = attrs({ axis, dataField: f === m.dataField ? 1 : undefined, compact: 0, outline: 0, showAll: 0 });
    if (!axis) return `<pivotField${head}${attrs({ defaultSubtotal: 0 })}/>`;
    const list = items.get(f) ?? [];
    const entries = list.map((v, i) => `<item x="${i}"${v === null ? ' h="1"' : ""}/>`).join("");
    return `<pivotField${head}><items count="${list.length + 1}">${entries}<item t="default"/></items></pivotField>`;
  });
  const hasCols = m.colFields.length > 0;
  const dataName = `${agg.caption}:${m.headers[m.dataField] ?? ""}`;
  return (
    XML_DECL +
    `<pivotTableDefinition xmlns="${NS.main}"` +
    attrs({
      name: m.name,
      cacheId: m.cacheId,
      applyNumberFormats: 0,
      applyBorderFormats: 0,
      applyFontFormats: 0,
      applyPatternFormats: 0,
      applyAlignmentFormats: 0,
      applyWidthHeightFormats: 1,
      dataCaption: "值",
      grandTotalCaption: "总计",
      updatedVersion: 6,
      minRefreshableVersion: 3,
      useAutoFormatting: 1,
      itemPrintTitles: 1,
      createdVersion: 6,
      indent: 0,
      compact: 0,
      compactData: 0,
      multipleFieldFilters: 0,
    }) +
    ">" +
    `<location ref="${pivotRef(m)}" firstHeaderRow="1" firstDataRow="${hasCols ? 2 : 1}" firstDataCol="${Math.max(1, m.rowFields.length)}"/>` +
    `<pivotFields count="${pivotFields.length}">${pivotFields.join("")}</pivotFields>` +
    `<rowFields count="${m.rowFields.length}">${m.rowFields.map((f) => `<field x="${f}"/>`).join("")}</rowFields>` +
    axisItemsXml("rowItems", m.rowFields, items) +
    (hasCols
      ? `<colFields count="${m.colFields.length}">${m.colFields.map((f) => `<field x="${f}"/>`).join("")}</colFields>`
      : "") +
    axisItemsXml("colItems", m.colFields, items) +
    `<dataFields count="1"><dataField${attrs({ name: dataName, fld: m.dataField, subtotal: agg.subtotal, baseField: 0, baseItem: 0 })}/></dataFields>` +
    `<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/>` +
    `</pivotTableDefinition>`
  );
}
