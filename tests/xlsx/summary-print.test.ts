/**
 * The summary file of `zhibu summarize -o` printed by LibreOffice (`--convert-to pdf`, read back with poppler's
 * pdftotext): 年度概况 opens it with the 年度工作总结 paragraph exactly as the CLI prints it, whole, alone on page 1;
 * every section starts a page of its own and shares none; a long section (a roster of 120, 120 people ranked and
 * rated) runs on over several pages with every row printed in full, every column on the same line; each chart
 * prints whole on its section's first page, above the tables; lists of names wrap inside their cell.
 *
 * A small table prints whole on one page (its title and its last row together); a long table repeats its column
 * headers on every page it runs onto (a sheet has one print-title range, rows 1–2, so the plan writes the header
 * row again after a page break).
 *
 * Needs `soffice` and poppler's `pdfinfo`/`pdftotext` (CI: libreoffice-calc-nogui, poppler-utils); without them
 * the test fails, unless ZHIBU_SKIP_LIBREOFFICE=1 opts out.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { validateWorkbook } from "../../src/core/engine";
import { readWorkbookFile } from "../../src/xlsx/read";
import { type SummarySectionData, summaryOf } from "../../src/core/summary/sections";
import { type SummaryTable, cellFormatOf } from "../../src/core/summary/table";
import { printedText } from "../../src/core/summary/print-layout";
import { chartColumns, chartRows, chartTableIndex } from "../../src/core/summary/chart-table";
import { sampleRows } from "../../src/core/samples";
import { roster } from "../../src/core/templates/roster";
import { buildTemplateWorkbook } from "../../src/xlsx/write-template";
import { AS_OF } from "../helpers/build";
import { runCli, tempDir } from "../helpers/cli";
import { describeWithLibreOffice, soffice } from "../helpers/libreoffice";

describeWithLibreOffice("summary files printed by LibreOffice", suite);

/** Text without any whitespace (pdftotext breaks wrapped cells and spaces out digits next to CJK). */
const flat = (s: string) => s.replace(/\s+/g, "");

/** A block of text on a page (pdftotext -bbox-layout): a wrapped chart label is one block of two lines. */
interface Block {
  readonly text: string;
  readonly yMin: number;
  readonly yMax: number;
}

interface Page {
  /** pdftotext -layout: a table row on one line. */
  readonly layout: string[];
  /** pdftotext in reading order, whitespace removed. */
  readonly flat: string;
  readonly blocks: Block[];
}

function blocksOf(html: string): Block[] {
  return [...html.matchAll(/<block [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)">([\s\S]*?)<\/block>/g)].map((m) => ({
    yMin: Number(m[1]),
    yMax: Number(m[2]),
    text: [...(m[3] ?? "").matchAll(/<word [^>]*>([^<]*)<\/word>/g)]
      .map((w) => (w[1] ?? "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"))
      .join(""),
  }));
}

function pdfPages(pdf: string): Page[] {
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const text = (page: number, mode: string[]) =>
    spawnSync("pdftotext", ["-f", String(page), "-l", String(page), ...mode, pdf, "-"], { encoding: "utf8" }).stdout;
  return Array.from({ length: count }, (_, i) => ({
    layout: text(i + 1, ["-layout"]).split("\n"),
    flat: flat(text(i + 1, [])),
    blocks: blocksOf(text(i + 1, ["-bbox-layout"])),
  }));
}

/** Whether `texts` hold every character of `wanted` (as often as wanted); pdftotext may merge neighbouring blocks. */
function holdsAll(texts: readonly string[], wanted: readonly string[]): boolean {
  const have = new Map<string, number>();
  for (const ch of texts.join("")) have.set(ch, (have.get(ch) ?? 0) + 1);
  for (const ch of wanted.join("")) {
    const n = have.get(ch) ?? 0;
    if (n === 0) return false;
    have.set(ch, n - 1);
  }
  return true;
}

/** A row as it prints, as a pattern over one -layout line: each non-empty cell in order. */
function rowPattern(table: SummaryTable, ri: number): RegExp {
  const row = table.rows[ri] ?? [];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const cells = row.flatMap((v, ci) => {
    if (v === "") return [];
    if (typeof v === "number" && !Number.isInteger(v) && cellFormatOf(table, ri, ci) === null)
      // General-format decimals print with as many digits as the column has room for.
      return [`${Math.trunc(v)}\\.\\d+`];
    return [escape(printedText(table, ri, ci, v)).replace(/\s+/g, "\\s*")];
  });
  return new RegExp(`(^|\\s)${cells.join("\\s+")}(\\s|$)`);
}

interface Printed {
  readonly pages: Page[];
  readonly sections: SummarySectionData[];
  readonly paragraph: string;
  readonly workbook: ExcelJS.Workbook;
  /** Section heading → its pages (0-based, first to last). */
  readonly spans: Map<string, { first: number; last: number }>;
}

function suite(): void {
  const dir = tempDir("zhibu-print-");
  const profile = pathToFileURL(path.join(dir, "lo-profile")).href;
  const pdfDir = path.join(dir, "pdf");
  const printed = new Map<string, Printed>();

  async function summarize(name: string, input: string): Promise<void> {
    const out = path.join(dir, `${name}.xlsx`);
    const r = await runCli(["summarize", input, "-o", out, "--as-of", "2026-11-21"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    const paragraph = lines[lines.indexOf("【年度工作总结用语】") + 1] ?? "";
    const result = validateWorkbook((await readWorkbookFile(input)).snapshot, { asOf: AS_OF });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    printed.set(name, {
      pages: [],
      sections: summaryOf(result, true).sections,
      paragraph,
      workbook,
      spans: new Map(),
    });
  }

  beforeAll(async () => {
    const rosterFile = path.join(dir, "roster-120.xlsx");
    await buildTemplateWorkbook({
      templates: [roster],
      branch: "第十一中学党支部",
      rows: { roster: sampleRows("roster", 120, { seed: 3, asOf: AS_OF }) },
      asOf: AS_OF,
    }).xlsx.writeFile(rosterFile);
    const all = path.join(dir, "all-120.xlsx");
    expect((await runCli(["template", "all", "-o", all, "--branch", "实验小学党支部", "--sample", "120"])).code).toBe(
      0,
    );
    await summarize("roster", rosterFile);
    await summarize("all", all);
    soffice(
      profile,
      "pdf",
      pdfDir,
      ["roster", "all"].map((n) => path.join(dir, `${n}.xlsx`)),
    );
    for (const [name, p] of printed) {
      const pages = pdfPages(path.join(pdfDir, `${name}.pdf`));
      (p.pages as Page[]).push(...pages);
      // A section runs from its heading's page to the page before the next heading, the last one up to the
      // 数据透视表 sheet.
      const headings = ["年度概况", ...p.sections.map((s) => s.heading)];
      const starts = headings.map((h) => pages.findIndex((pg) => pg.layout.some((l) => l.trim() === h)));
      const order = headings.map((h, i) => ({ h, first: starts[i] ?? -1 })).sort((a, b) => a.first - b.first);
      const pivots = pages.findIndex((pg) => pg.flat.includes("数据透视表（打开文件时"));
      order.forEach((s, i) => p.spans.set(s.h, { first: s.first, last: (order[i + 1]?.first ?? pivots) - 1 }));
    }
  }, 600_000);

  const get = (name: string) => printed.get(name)!;

  test.each(["roster", "all"])("%s: the workbook's 年度概况 holds the CLI's paragraph exactly", (name) => {
    const { workbook, paragraph } = get(name);
    expect(paragraph).toMatch(/^截至2026年11月21日，.+党支部现有党员\d+名/);
    const ws = workbook.getWorksheet("汇总")!;
    expect(ws.getCell("A4").value).toBe("年度概况");
    expect(ws.getCell("A5").value).toBe(paragraph);
  });

  test.each(["roster", "all"])("%s: page 1 prints the whole paragraph and nothing of another section", (name) => {
    const { pages, paragraph, sections } = get(name);
    const first = pages[0]!;
    expect(first.flat).toContain(flat(paragraph));
    expect(first.layout.some((l) => l.trim() === "年度概况")).toBe(true);
    for (const s of sections) {
      expect(first.layout.some((l) => l.trim() === s.heading)).toBe(false);
      for (const t of s.tables) expect(first.layout.some((l) => l.trim() === t.title)).toBe(false);
    }
  });

  test.each(["roster", "all"])("%s: every section starts a page of its own and no page holds two", (name) => {
    const { pages, sections, spans } = get(name);
    const headings = ["年度概况", ...sections.map((s) => s.heading)];
    for (const h of headings) {
      const span = spans.get(h)!;
      expect([h, span.first >= 0, span.last >= span.first]).toEqual([h, true, true]);
      // The heading is printed once, on the section's first page.
      expect(pages.filter((pg) => pg.layout.some((l) => l.trim() === h))).toHaveLength(1);
    }
    // Every table title is printed on a page of its own section, never on another section's page.
    for (const s of sections) {
      const span = spans.get(s.heading)!;
      for (const t of s.tables) {
        const on = pages.flatMap((pg, i) => (pg.layout.some((l) => l.trim() === t.title) ? [i] : []));
        expect([s.heading, t.title, on.length > 0 && on.every((i) => i >= span.first && i <= span.last)]).toEqual([
          s.heading,
          t.title,
          true,
        ]);
      }
    }
  });

  test.each(["roster", "all"])("%s: every row of every table printed whole, its columns on one line", (name) => {
    const { pages, sections, spans } = get(name);
    let continued = 0;
    for (const s of sections) {
      const span = spans.get(s.heading)!;
      for (const t of s.tables) {
        const titlePage = pages.findIndex((pg, i) => i >= span.first && pg.layout.some((l) => l.trim() === t.title));
        let page = titlePage;
        t.rows.forEach((row, ri) => {
          // A list of names wraps in its cell: the whole list is on the page, over several lines.
          const names = row.find((v): v is string => typeof v === "string" && v.length > 15 && v.includes("、"));
          if (names) {
            const blocks = [...pages[page]!.blocks, ...(pages[page + 1]?.blocks ?? [])];
            expect([
              t.title,
              holdsAll(
                blocks.map((b) => b.text),
                [flat(names)],
              ),
            ]).toEqual([t.title, true]);
            return;
          }
          const pattern = rowPattern(t, ri);
          while (page <= span.last && !pages[page]!.layout.some((l) => pattern.test(l))) page++;
          expect([t.title, ri, page <= span.last ? "printed" : `not found: ${pattern}`]).toEqual([
            t.title,
            ri,
            "printed",
          ]);
        });
        if (page > titlePage) {
          continued++;
          // The page the table starts on shows every column's header, in the rows under the table's title.
          const { blocks } = pages[titlePage]!;
          const title = blocks.find((b) => b.text.startsWith(flat(t.title)))!;
          const band = blocks.filter((b) => b.yMin >= title.yMin && b.yMin < title.yMax + 50).map((b) => b.text);
          expect([t.title, holdsAll(band, t.columns.map(flat))]).toEqual([t.title, true]);
        }
      }
    }
    // The 120-row tables (总分排名, 测评票统计) run on over pages; the roster's tables each fit on one.
    expect(continued).toBe(name === "all" ? 2 : 0);
  });

  /** Per data row of a table, the page it prints on (a wrapped list of names: the page of the row before). */
  function rowPages(p: Printed, s: SummarySectionData, t: SummaryTable): { title: number; rows: number[] } {
    const span = p.spans.get(s.heading)!;
    const title = p.pages.findIndex((pg, i) => i >= span.first && pg.layout.some((l) => l.trim() === t.title));
    let page = title;
    const rows = t.rows.map((row, ri) => {
      if (row.some((v) => typeof v === "string" && v.length > 15 && v.includes("、"))) return page;
      const pattern = rowPattern(t, ri);
      while (page <= span.last && !p.pages[page]!.layout.some((l) => pattern.test(l))) page++;
      return page;
    });
    return { title, rows };
  }

  test.each(["roster", "all"])("%s: a table of at most 25 rows prints on one page, title to last row", (name) => {
    const p = get(name);
    let small = 0;
    for (const s of p.sections)
      for (const t of s.tables) {
        if (t.rows.length === 0 || t.rows.length > 25) continue;
        small++;
        const { title, rows } = rowPages(p, s, t);
        expect([t.title, title >= 0, rows.at(-1)]).toEqual([t.title, true, title]);
      }
    expect(small).toBeGreaterThan(5);
  });

  test("all: every page with rows of a long table shows its column headers right above its first row there", () => {
    const p = get("all");
    let pagesChecked = 0;
    for (const s of p.sections)
      for (const t of s.tables) {
        if (t.rows.length <= 25) continue;
        const { title, rows } = rowPages(p, s, t);
        for (const page of new Set(rows)) {
          pagesChecked++;
          const lines = p.pages[page]!.layout;
          const patterns = rows.flatMap((pg, ri) => (pg === page ? [rowPattern(t, ri)] : []));
          const first = lines.findIndex((l) => patterns.some((re) => re.test(l)));
          const top = page === title ? lines.findIndex((l) => l.trim() === t.title) + 1 : 0;
          // A header that wraps takes up to three lines.
          const band = lines.slice(Math.max(top, first - 3), first).map(flat);
          expect([t.title, page, first > 0 && holdsAll(band, t.columns.map(flat))]).toEqual([t.title, page, true]);
        }
      }
    // 总分排名 and 测评票统计 (120 rows each) run over several pages.
    expect(pagesChecked).toBeGreaterThan(4);
  });

  test.each(["roster", "all"])("%s: each chart prints whole on its section's first page, above the tables", (name) => {
    const { pages, sections, spans } = get(name);
    for (const s of sections) {
      const pick = chartTableIndex(s.tables);
      const table = s.tables[pick];
      if (!table) continue;
      const page = pages[spans.get(s.heading)!.first]!;
      const title = flat(`${s.heading}：${table.title}`);
      const top = page.blocks.find((b) => b.text.includes(title));
      expect([s.heading, top !== undefined]).toEqual([s.heading, true]);
      const firstTable = page.blocks
        .filter((b) => b.text.startsWith(flat(s.tables[0]!.title)) && b.yMin > top!.yMax)
        .sort((a, b) => a.yMin - b.yMin)[0];
      // The first table under the chart, or at the top of the next page when it would not fit whole under it.
      const next = pages[spans.get(s.heading)!.first + 1];
      const moved = firstTable === undefined && next?.layout.some((l) => l.trim() === s.tables[0]!.title) === true;
      expect([s.heading, firstTable !== undefined || moved]).toEqual([s.heading, true]);
      const footer = page.blocks.find((b) => /^第\d+页/.test(b.text));
      const bottom = firstTable?.yMin ?? footer?.yMin ?? Infinity;
      // Between the chart's title and the first table: every category and (with more than one) series name.
      const chart = page.blocks.filter((b) => b.yMin >= top!.yMin && b.yMax <= bottom).map((b) => b.text);
      const labels = table.rows.slice(0, chartRows(table)).map((r) => flat(String(r[0])));
      const series = table.columns.slice(1, chartColumns(table)).map(flat);
      expect([s.heading, holdsAll(chart, [...labels, ...(series.length > 1 ? series : [])])]).toEqual([
        s.heading,
        true,
      ]);
      // Nowhere else: the chart is not split over two pages.
      expect(pages.filter((pg) => pg.flat.includes(title))).toHaveLength(1);
    }
  });
}
