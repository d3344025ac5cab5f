/**
 * Issue 9, as a property: a roster whose header spans 2–3 rows (group cells over random runs of its columns, an
 * optional sub-group, the other headers merged down or written in the last header row, columns in random order),
 * over invented valid rows, with random rows that are not records (a 填表说明/注 note or a row of column numbers
 * under the header, section rows 一、第一党小组 when there is no 党小组 column, a 合计/小计/总计 row, footer rows),
 * validates without any issue, and the sheet report gives the generated header rows, records and skipped rows.
 *
 */
import fc from "fast-check";
import type { CellValue, MergeRange, SheetSnapshot } from "../../src/core/types";
import { type SheetReport, validateWorkbook } from "../../src/core/engine";
import { sampleRosterRows } from "../../src/core/samples";
import { AS_OF, CANONICAL, type RosterKey } from "../helpers/build";

const RUNS = Number(process.env["PROPERTY_RUNS"] ?? 150);

type Kind = "note" | "total" | "footer" | "section";
type Report = SheetReport & {
  headerRows?: readonly [number, number];
  skippedRows?: ReadonlyArray<{ row: number; kind: Kind }>;
};

/** Always present: what identifies a record, and what the dues, category and probation rules need to stay quiet. */
const KEPT: readonly RosterKey[] = [
  "name",
  "gender",
  "idNumber",
  "category",
  "employment",
  "admissionDate",
  "fullDate",
  "duesBase",
  "dues",
];
/** Columns whose absence changes no rule's verdict on valid rows. */
const OPTIONAL: readonly RosterKey[] = [
  "seq",
  "ethnicity",
  "birthDate",
  "education",
  "post",
  "group",
  "phone",
  "note",
  "applicationDate",
  "activistDate",
  "candidateDate",
];

const GROUP_TEXTS = ["入党情况", "党费缴纳", "基本信息", "个人信息", "联系方式", "党员发展情况", "其他信息"];
const SUBGROUP_TEXTS = ["培养过程", "入党前", "时间节点", "缴费情况"];
const NOTES = ["填表说明：日期按YYYY-MM-DD填写，身份证号请以文本格式录入。", "注：本表由各党小组长核对后报支部。"];
const TOTALS = ["合计", "小计", "总计"];
const FOOTERS = [
  "填表人：张老师",
  "审核人：李书记",
  "填表日期：2026年11月20日",
  "单位（盖章）",
  "填表人：张老师　　审核人：李书记　　填表日期：2026年11月20日",
];
const SECTION_NAMES = ["一、第一党小组", "二、第二党小组", "三、离退休党小组"];

const blockArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  people: fc.integer({ min: 3, max: 12 }),
  optional: fc.subarray([...OPTIONAL]),
  order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 20, maxLength: 20 }),
  runs: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 20, maxLength: 20 }),
  grouped: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
  mergedDown: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
  texts: fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
  threeRows: fc.boolean(),
  subgroupWidth: fc.integer({ min: 2, max: 4 }),
  title: fc.boolean(),
  under: fc.constantFrom("none", "note", "numbers", "both"),
  sections: fc.integer({ min: 0, max: 3 }),
  total: fc.option(fc.constantFrom(...TOTALS), { nil: null }),
  footers: fc.subarray(FOOTERS, { maxLength: 3 }),
  blankBeforeFooter: fc.boolean(),
});

type Block = typeof blockArb extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  readonly sheet: SheetSnapshot;
  readonly headerRows: [number, number];
  readonly dataRows: number;
  readonly skipped: Array<{ row: number; kind: Kind }>;
}

function build(b: Block): Built | null {
  const keys = [...KEPT, ...b.optional]
    .map((k, i) => ({ k, w: b.order[i] ?? 0 }))
    .sort((x, y) => x.w - y.w)
    .map((x) => x.k);
  // Runs of consecutive columns; a run of two or more may sit under a group cell.
  const segments: RosterKey[][] = [];
  for (let i = 0, s = 0; i < keys.length; s++) {
    segments.push(keys.slice(i, i + (b.runs[s] ?? 1)));
    i += b.runs[s] ?? 1;
  }
  const isGroup = segments.map((seg, s) => seg.length >= 2 && (b.grouped[s] ?? false));
  const first = isGroup.indexOf(true);
  if (first < 0) return null;
  const rowsInBlock = b.threeRows ? 3 : 2;
  const top = b.title ? 2 : 1;
  const bottom = top + rowsInBlock - 1;
  const width = keys.length;
  const grid = new Map<number, CellValue[]>();
  const put = (r: number, c: number, v: CellValue) => {
    if (!grid.has(r)) grid.set(r, []);
    grid.get(r)![c - 1] = v;
  };
  const merges: MergeRange[] = [];
  const merge = (t: number, l: number, bo: number, ri: number, v: CellValue) => {
    put(t, l, v);
    if (t !== bo || l !== ri) merges.push({ top: t, left: l, bottom: bo, right: ri });
  };
  if (b.title) merge(1, 1, 1, width, "第一中学党支部党员花名册");
  let col = 1;
  let leafNo = 0;
  const leaf = (k: RosterKey, from: number) => {
    if (b.mergedDown[leafNo++ % 20] || from === bottom) merge(from, col, bottom, col, CANONICAL[k]);
    else put(bottom, col, CANONICAL[k]);
    col++;
  };
  segments.forEach((seg, s) => {
    if (!isGroup[s]) {
      for (const k of seg) leaf(k, top);
      return;
    }
    merge(top, col, top, col + seg.length - 1, GROUP_TEXTS[(b.texts[s] ?? 0) % GROUP_TEXTS.length]!);
    let rest = seg;
    if (rowsInBlock === 3 && s === first) {
      const n = Math.min(seg.length, b.subgroupWidth);
      merge(top + 1, col, top + 1, col + n - 1, SUBGROUP_TEXTS[(b.texts[s] ?? 0) % SUBGROUP_TEXTS.length]!);
      for (const k of seg.slice(0, n)) leaf(k, bottom);
      rest = seg.slice(n);
    }
    for (const k of rest) leaf(k, top + 1);
  });

  const skipped: Array<{ row: number; kind: Kind }> = [];
  let r = bottom + 1;
  const spread = (text: string, kind: Kind) => {
    merge(r, 1, r, width, text);
    skipped.push({ row: r++, kind });
  };
  if (b.under === "note" || b.under === "both") spread(NOTES[b.seed % NOTES.length]!, "note");
  if (b.under === "numbers" || b.under === "both") {
    for (let c = 1; c <= width; c++) put(r, c, c);
    skipped.push({ row: r++, kind: "note" });
  }
  const people = sampleRosterRows(b.people, { seed: b.seed, asOf: AS_OF });
  const sections = keys.includes("group") ? 0 : Math.min(b.sections, people.length);
  const perSection = sections ? Math.ceil(people.length / sections) : people.length;
  people.forEach((p, i) => {
    if (sections && i % perSection === 0) spread(SECTION_NAMES[i / perSection]!, "section");
    keys.forEach((k, c) => put(r, c + 1, p[k] ?? null));
    r++;
  });
  if (b.total) {
    const dues = keys.indexOf("dues");
    put(r, dues === 0 ? 2 : 1, b.total);
    put(
      r,
      dues + 1,
      Math.round(people.reduce((s, p) => s + (typeof p["dues"] === "number" ? p["dues"] : 0), 0) * 100) / 100,
    );
    skipped.push({ row: r++, kind: "total" });
  }
  if (b.footers.length && b.blankBeforeFooter) r++;
  for (const f of b.footers) {
    put(r, 1, f);
    skipped.push({ row: r++, kind: "footer" });
  }
  const values: CellValue[][] = [];
  for (let i = 1; i < r; i++) {
    const row = grid.get(i) ?? [];
    values.push(Array.from({ length: width }, (_, c) => row[c] ?? null));
  }
  return { sheet: { name: "花名册", values, merges }, headerRows: [top, bottom], dataRows: people.length, skipped };
}

describe("roster header blocks and non-record rows (issue 9)", () => {
  test("valid rows under any 2–3-row header block, with notes, sections, totals and footers, give no issue", () => {
    fc.assert(
      fc.property(blockArb, (b) => {
        const built = build(b);
        fc.pre(built !== null);
        const { sheet, headerRows, dataRows, skipped } = built!;
        const result = validateWorkbook({ name: "block.xlsx", sheets: [sheet] }, { asOf: AS_OF });
        const report = result.sheets[0] as Report;
        expect(result.issues.map((i) => `${i.rule} @ ${i.cell ?? "-"}`)).toEqual([]);
        expect(report.template).toBe("roster");
        expect(report.headerRows).toEqual(headerRows);
        expect(report.headerRow).toBe(headerRows[1]);
        expect(report.dataRows).toBe(dataRows);
        expect(report.skippedRows).toEqual(skipped);
      }),
      { numRuns: RUNS },
    );
  });
});
