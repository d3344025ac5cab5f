/**
 * The print plan both summary writers follow (src/core/summary/print-plan.ts): sections in order without
 * overlapping rows, a page break before each section but the first, the chart under the heading and above the
 * tables, the 年度概况 paragraph's row tall enough for its text, wrapped rows for lists of names.
 */
import type { SummaryTable } from "../../src/core/summary/table";
import { displayWidth } from "../../src/core/summary/print-layout";
import {
  CHART_ROWS,
  KEEP_TOGETHER_ROWS,
  LINE_POINTS,
  PRINT_LABELS,
  type PrintSection,
  ROW_POINTS,
  pagePoints,
  planCells,
  printPlan,
} from "../../src/core/summary/print-plan";

const counts = (title: string, n: number): SummaryTable => ({
  title,
  columns: ["项目", "人数"],
  rows: Array.from({ length: n }, (_, i) => [`第${i + 1}项`, i]),
});

const names = Array.from({ length: 30 }, (_, i) => `党员${i + 1}号`).join("、");

const SECTIONS: PrintSection[] = [
  { heading: "年度概况", paragraph: "截至2026年11月21日，".repeat(12), tables: [] },
  {
    heading: "党员花名册",
    tables: [
      { title: "基本情况", columns: ["项目", "人数", "比例"], rows: [["党员", 3, 1]], percentColumns: [2] },
      counts("按人员类别", 5),
      { title: "本年度发展党员情况", columns: ["环节", "人数", "姓名"], rows: [["转正", 30, names]] },
      { title: "空表", columns: ["姓名"], rows: [] },
    ],
  },
  { heading: "民主评议", tables: [counts("测评", 120)] },
];

const plan = printPlan(SECTIONS);

describe("printPlan", () => {
  test("sections follow one another after the title rows; a break before every section but the first", () => {
    const rows = plan.sections.map((s) => s.headingRow);
    expect(rows[0]).toBe(4);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(plan.breaksBefore).toEqual(expect.arrayContaining(rows.slice(1)));
    expect(plan.breaksBefore).not.toContain(rows[0]);
    expect(plan.breaksBefore).toEqual([...new Set(plan.breaksBefore)].sort((a, b) => a - b));
    // Each section's last row lies before the next heading.
    plan.sections.forEach((s, i) => {
      const next = plan.sections[i + 1]?.headingRow ?? plan.lastRow + 1;
      const lastTable = s.tables.at(-1);
      const end = lastTable ? lastTable.firstRow + Math.max(1, lastTable.table.rows.length) : (s.paragraph?.row ?? 0);
      expect(end).toBeLessThan(next);
    });
  });

  test("a chart right under the heading, over CHART_ROWS rows, above the first table; none without a count table", () => {
    const [year, members, votes] = plan.sections;
    expect(year?.chart).toBeNull();
    expect(members?.chart?.fromRow).toBe((members?.headingRow ?? 0) + 1);
    expect((members?.chart?.toRow ?? 0) - (members?.chart?.fromRow ?? 0) + 1).toBe(CHART_ROWS);
    expect(members?.chart?.toRow).toBeLessThan(members?.tables[0]?.titleRow ?? 0);
    expect(members?.chart?.table.table.title).toBe("按人员类别");
    expect(members?.chart?.rows).toBe(5);
    expect(votes?.chart?.table.table.title).toBe("测评");
  });

  test("the paragraph's row holds its lines across the sheet's width; a longer text gets a taller row", () => {
    const p = plan.sections[0]?.paragraph;
    expect(p?.row).toBe(5);
    const across = plan.widths.reduce((a, b) => a + b, 0);
    expect(p?.height).toBeGreaterThanOrEqual(LINE_POINTS * Math.ceil(displayWidth(p?.text ?? "") / across));
    const longer = printPlan([{ ...SECTIONS[0]!, paragraph: "截至2026年11月21日，".repeat(24) }, SECTIONS[1]!]);
    expect(longer.sections[0]?.paragraph?.height).toBeGreaterThan(p?.height ?? 0);
  });

  test("a list of names wraps in its column and its row grows; short rows keep the default height", () => {
    const development = plan.sections[1]?.tables[2];
    expect(development?.wrapColumns[0]).toEqual([2]);
    const width = plan.widths[2] ?? 0;
    expect(development?.rowHeights[0]).toBeGreaterThanOrEqual(LINE_POINTS * Math.ceil(displayWidth(names) / width));
    expect(plan.sections[1]?.tables[1]?.rowHeights.every((h) => h === null)).toBe(true);
  });

  test("cells: title, headings, paragraph, tables with formats, （无） under an empty table", () => {
    const cells = planCells(plan, "标题", "副标题");
    const at = (r: number, c: number) => cells.get(r)?.get(c);
    expect(at(1, 1)?.value).toBe("标题");
    expect(at(2, 1)?.value).toBe("副标题");
    const [year, members] = plan.sections;
    expect(at(year!.headingRow, 1)?.value).toBe(PRINT_LABELS.yearSection);
    expect(at(year!.paragraph!.row, 1)?.value).toBe(SECTIONS[0]?.paragraph);
    const basic = members!.tables[0]!;
    expect(at(basic.headerRow, 3)?.value).toBe("比例");
    expect(at(basic.firstRow, 3)).toEqual({ value: 1, format: "0.0%" });
    const empty = members!.tables[3]!;
    expect(at(empty.firstRow, 1)?.value).toBe(PRINT_LABELS.none);
    expect(plan.lastRow).toBeGreaterThanOrEqual((plan.sections[2]?.tables[0]?.firstRow ?? 0) + 119);
  });
});

describe("printPlan: pages", () => {
  /** Tables of default-height rows only, so a page holds floor(pagePoints / ROW_POINTS) rows. */
  const perPage = (o: "portrait" | "landscape") => Math.floor(pagePoints(o) / ROW_POINTS);
  const smalls: PrintSection = {
    heading: "民主评议",
    tables: Array.from({ length: 9 }, (_, i) => counts(`按第${i + 1}类`, 6 + ((i * 7) % 13))),
  };
  const list = (n: number): SummaryTable => ({
    title: "名单",
    columns: ["序号", "姓名", "党小组"],
    rows: Array.from({ length: n }, (_, i) => [i + 1, `党员${i + 1}`, `第${(i % 4) + 1}小组`]),
  });

  /** The page start (a break or the top of the sheet, after the print titles) at or before `row`. */
  const pageStart = (breaks: readonly number[], row: number) => Math.max(3, ...breaks.filter((b) => b <= row));

  test.each(["portrait", "landscape"] as const)(
    "%s: no small table crosses a page end; a break before one only when it would",
    (orientation) => {
      const plan = printPlan([SECTIONS[0]!, smalls], orientation);
      const tables = plan.sections[1]!.tables;
      const moved = tables.filter((t) => plan.breaksBefore.includes(t.titleRow));
      expect(moved.length).toBeGreaterThan(0);
      for (const t of tables) {
        const last = t.dataRows.at(-1)!;
        expect(t.table.rows.length).toBeLessThanOrEqual(KEEP_TOGETHER_ROWS);
        // No break inside the table, and title to last row fit on the page it starts.
        expect(plan.breaksBefore.filter((b) => b > t.titleRow && b <= last)).toEqual([]);
        expect((last - pageStart(plan.breaksBefore, t.titleRow) + 1) * ROW_POINTS).toBeLessThanOrEqual(
          pagePoints(orientation),
        );
        // Moved to a new page only when it would not have fitted on the one before.
        const before = pageStart(
          plan.breaksBefore.filter((b) => b !== t.titleRow),
          t.titleRow,
        );
        if (moved.includes(t)) expect((last - before + 1) * ROW_POINTS).toBeGreaterThan(pagePoints(orientation));
      }
    },
  );

  test.each(["portrait", "landscape"] as const)(
    "%s: a long table repeats its header at each page it runs onto, with a break before it",
    (orientation) => {
      const plan = printPlan([{ heading: "党员花名册", tables: [counts("按类别", 4), list(150)] }], orientation);
      const t = plan.sections[0]!.tables[1]!;
      const cells = planCells(plan, "标题", "副标题");
      const rowText = (r: number) => [1, 2, 3].map((c) => cells.get(r)?.get(c)?.value);
      expect(t.repeatedHeaderRows.length).toBeGreaterThanOrEqual(Math.floor(150 / perPage(orientation)));
      for (const r of t.repeatedHeaderRows) {
        expect(plan.breaksBefore).toContain(r);
        expect(rowText(r)).toEqual(t.table.columns);
      }
      // Every data row where it is listed, none on a repeated header row, in order.
      expect(t.dataRows).toHaveLength(150);
      t.dataRows.forEach((r, i) => expect(rowText(r)).toEqual(t.table.rows[i]));
      expect(t.dataRows.some((r) => t.repeatedHeaderRows.includes(r))).toBe(false);
      // Each page of the table holds at most a page of rows and is full but for the last.
      const starts = [t.titleRow, ...t.repeatedHeaderRows];
      const ends = [...t.repeatedHeaderRows.map((r) => r - 1), t.dataRows.at(-1)!];
      starts.forEach((start, i) => {
        const end = ends[i]!;
        const rows = end - pageStart(plan.breaksBefore, start) + 1;
        expect(rows).toBeLessThanOrEqual(perPage(orientation));
        if (i < starts.length - 1) expect(rows + 1).toBeGreaterThan(perPage(orientation));
      });
      expect(plan.lastRow).toBe(t.dataRows.at(-1)! + 1);
    },
  );

  test("a short table needs no repeated header; the chart's table never gets one", () => {
    expect(plan.sections[1]?.tables.every((t) => t.repeatedHeaderRows.length === 0)).toBe(true);
    const votes = plan.sections[2]!;
    expect(votes.chart?.table.table.title).toBe("测评");
    expect(votes.tables[0]?.repeatedHeaderRows).toEqual([]);
    expect(votes.tables[0]?.dataRows).toEqual(Array.from({ length: 120 }, (_, i) => votes.tables[0]!.firstRow + i));
  });
});
