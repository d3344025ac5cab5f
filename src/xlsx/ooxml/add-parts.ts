/**
 * Adds PivotTables and charts to an .xlsx package exceljs wrote (exceljs writes neither): the parts of
 * pivot-xml.ts and chart-xml.ts, their relationships, content types, the workbook's `<pivotCaches>` and each
 * chart sheet's `<drawing>`. Works on bytes with JSZip (the zip library exceljs itself uses), in Node and browsers.
 */
import JSZip from "jszip";
import { type PivotModel, cacheDefinitionXml, cacheRecordsXml, pivotTableXml } from "./pivot-xml";
import { type ChartModel, chartXml, drawingXml } from "./chart-xml";
import { CONTENT_TYPE, NS, REL_TYPE, XML_DECL, attrs, esc } from "./xml";

export interface PlacedPivot {
  /** The sheet the table's output goes on. */
  readonly sheet: string;
  readonly model: PivotModel;
}

export interface PlacedChart {
  readonly sheet: string;
  readonly model: ChartModel;
}

interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescape(m[1] ?? "") : undefined;
}

function parseRels(xml: string | undefined): Rel[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], "Id") ?? "",
    type: attr(m[0], "Type") ?? "",
    target: attr(m[0], "Target") ?? "",
  }));
}

function relsXml(rels: readonly Rel[]): string {
  const items = rels.map((r) => `<Relationship${attrs({ Id: r.id, Type: r.type, Target: r.target })}/>`).join("");
  return `${XML_DECL}<Relationships xmlns="${NS.pkgRel}">${items}</Relationships>`;
}

function nextRelId(rels: readonly Rel[]): string {
  const max = rels.reduce((n, r) => Math.max(n, Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0)), 0);
  return `rId${max + 1}`;
}

/** Inserts `xml` before the first of `before` found in `doc` (else before `fallback`). */
function insertBefore(doc: string, xml: string, before: readonly string[], fallback: string): string {
  const at = before.map((t) => doc.indexOf(t)).filter((i) => i >= 0);
  const i = at.length > 0 ? Math.min(...at) : doc.lastIndexOf(fallback);
  if (i < 0) throw new Error(`cannot place ${xml.slice(0, 20)}…`);
  return doc.slice(0, i) + xml + doc.slice(i);
}

/** The relationships part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

class Package {
  private readonly overrides: string[] = [];
  constructor(private readonly zip: JSZip) {}

  async text(path: string): Promise<string | undefined> {
    return this.zip.file(path)?.async("string");
  }

  put(path: string, xml: string, contentType?: string): void {
    this.zip.file(path, xml);
    if (contentType) this.overrides.push(`<Override PartName="/${esc(path)}" ContentType="${contentType}"/>`);
  }

  async addRel(part: string, type: string, target: string): Promise<string> {
    const path = relsPathOf(part);
    const rels = parseRels(await this.text(path));
    const id = nextRelId(rels);
    this.zip.file(path, relsXml([...rels, { id, type, target }]));
    return id;
  }

  async finish(): Promise<void> {
    const types = await this.text("[Content_Types].xml");
    if (!types) throw new Error("[Content_Types].xml missing");
    this.zip.file("[Content_Types].xml", types.replace("</Types>", `${this.overrides.join("")}</Types>`));
  }
}

/** Sheet name → its part path (xl/worksheets/sheetN.xml), from the workbook and its relationships. */
async function sheetParts(pkg: Package): Promise<Map<string, string>> {
  const workbook = (await pkg.text("xl/workbook.xml")) ?? "";
  const rels = parseRels(await pkg.text("xl/_rels/workbook.xml.rels"));
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const id = attr(m[0], "r:id");
    const target = rels.find((r) => r.id === id)?.target;
    if (name !== undefined && target) out.set(name, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

const AFTER_DRAWING = [
  "<legacyDrawing",
  "<legacyDrawingHF",
  "<drawingHF",
  "<picture",
  "<oleObjects",
  "<controls",
  "<webPublishItems",
  "<tableParts",
  "<extLst",
];
const AFTER_PIVOT_CACHES = [
  "<smartTagPr",
  "<smartTagTypes",
  "<webPublishing",
  "<fileRecoveryPr",
  "<webPublishObjects",
  "<extLst",
];

async function addPivots(pkg: Package, parts: Map<string, string>, pivots: readonly PlacedPivot[]): Promise<void> {
  const caches: string[] = [];
  for (const [i, { sheet, model }] of pivots.entries()) {
    const n = i + 1;
    const sheetPart = parts.get(sheet);
    if (!sheetPart) throw new Error(`no sheet ${sheet} for a PivotTable`);
    const definition = `xl/pivotCache/pivotCacheDefinition${n}.xml`;
    const records = `xl/pivotCache/pivotCacheRecords${n}.xml`;
    const table = `xl/pivotTables/pivotTable${n}.xml`;
    pkg.put(definition, cacheDefinitionXml(model), CONTENT_TYPE.pivotCacheDefinition);
    pkg.put(records, cacheRecordsXml(model), CONTENT_TYPE.pivotCacheRecords);
    pkg.put(table, pivotTableXml(model), CONTENT_TYPE.pivotTable);
    // The definition names its records as rId1 (pivot-xml.ts).
    await pkg.addRel(definition, REL_TYPE.pivotCacheRecords, `pivotCacheRecords${n}.xml`);
    await pkg.addRel(table, REL_TYPE.pivotCacheDefinition, `../pivotCache/pivotCacheDefinition${n}.xml`);
    await pkg.addRel(sheetPart, REL_TYPE.pivotTable, `../pivotTables/pivotTable${n}.xml`);
    const relId = await pkg.addRel(
      "xl/workbook.xml",
      REL_TYPE.pivotCacheDefinition,
      `pivotCache/pivotCacheDefinition${n}.xml`,
    );
    caches.push(`<pivotCache cacheId="${model.cacheId}" r:id="${relId}"/>`);
  }
  if (caches.length === 0) return;
  const workbook = (await pkg.text("xl/workbook.xml")) ?? "";
  pkg.put(
    "xl/workbook.xml",
    insertBefore(workbook, `<pivotCaches>${caches.join("")}</pivotCaches>`, AFTER_PIVOT_CACHES, "</workbook>"),
  );
}

async function addCharts(pkg: Package, parts: Map<string, string>, charts: readonly PlacedChart[]): Promise<void> {
  const bySheet = new Map<string, ChartModel[]>();
  for (const c of charts) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c.model]);
  let chartNo = 0;
  let drawingNo = 0;
  for (const [sheet, models] of bySheet) {
    const sheetPart = parts.get(sheet);
    if (!sheetPart) throw new Error(`no sheet ${sheet} for a chart`);
    const drawing = `xl/drawings/drawing${++drawingNo}.xml`;
    const placed: { model: ChartModel; relId: string }[] = [];
    for (const model of models) {
      const chart = `xl/charts/chart${++chartNo}.xml`;
      pkg.put(chart, chartXml(model), CONTENT_TYPE.chart);
      placed.push({ model, relId: await pkg.addRel(drawing, REL_TYPE.chart, `../charts/chart${chartNo}.xml`) });
    }
    pkg.put(drawing, drawingXml(placed), CONTENT_TYPE.drawing);
    const relId = await pkg.addRel(sheetPart, REL_TYPE.drawing, `../drawings/drawing${drawingNo}.xml`);
    let xml = (await pkg.text(sheetPart)) ?? "";
    if (!/<worksheet\b[^>]*xmlns:r=/.test(xml)) xml = xml.replace("<worksheet ", `<worksheet xmlns:r="${NS.rel}" `);
    pkg.put(sheetPart, insertBefore(xml, `<drawing r:id="${relId}"/>`, AFTER_DRAWING, "</worksheet>"));
  }
}

/** The package with the PivotTables and charts added. */
export async function addPivotsAndCharts(
  bytes: ArrayBuffer | Uint8Array,
  pivots: readonly PlacedPivot[],
  charts: readonly PlacedChart[],
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const pkg = new Package(zip);
  const parts = await sheetParts(pkg);
  await addPivots(pkg, parts, pivots);
  await addCharts(pkg, parts, charts);
  await pkg.finish();
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
