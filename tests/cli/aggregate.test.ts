import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { CellDate, CellValue } from "../../src/core/types";
import type { TemplateDef } from "../../src/core/templates/types";
import { roster } from "../../src/core/templates/roster";
import { sheetFields } from "../../src/core/templates/fields";
import { schedule } from "../../src/core/templates/schedule";
import { evaluation } from "../../src/core/templates/evaluation";
import { ballot } from "../../src/core/templates/ballot";
import { sampleRows } from "../../src/core/samples";
import { formatDate } from "../../src/core/dates";
import { buildTemplateWorkbook } from "../../src/xlsx/write-template";
import { runCli, tempDir, expectUntouched } from "../helpers/cli";

const AS_OF: CellDate = { kind: "date", y: 2026, m: 11, d: 21 };
const dir = tempDir("zhibu-aggregate-");
const branches = path.join(dir, "branches");
mkdirSync(branches);

type Rows = Record<string, Record<string, CellValue>[]>;

async function writeBranch(
  file: string,
  branch: string,
  templates: TemplateDef[],
  n: number,
  seed: number,
  edit?: (rows: Rows) => void,
): Promise<string> {
  const rows: Rows = {};
  for (const t of templates) rows[t.id] = sampleRows(t.id, n, { seed, asOf: AS_OF });
  edit?.(rows);
  const full = path.join(branches, file);
  await buildTemplateWorkbook({ templates, branch, rows, asOf: AS_OF }).xlsx.writeFile(full);
  return full;
}

/** Two 预备党员 whose probation is over (overdue) and ends within 30 days (due) at AS_OF. */
function probationTodos(rows: Rows): void {
  const r = rows["roster"] ?? [];
  const set = (row: Record<string, CellValue> | undefined, admission: CellDate) => {
    if (!row) return;
    Object.assign(row, { category: "预备党员", fullDate: null, admissionDate: admission });
  };
  set(r[0], { kind: "date", y: 2025, m: 10, d: 8 });
  set(r[1], { kind: "date", y: 2025, m: 12, d: 6 });
}

/** A member admitted in 1975 (党龄 ≥ 50, 光荣在党50年), so the district's fiftyYears is not zero. */
function veteran(rows: Rows): void {
  const r = rows["roster"]?.[2];
  if (r)
    Object.assign(r, {
      category: "正式党员",
      admissionDate: { kind: "date", y: 1975, m: 7, d: 1 },
      fullDate: { kind: "date", y: 1976, m: 7, d: 1 },
    });
}

function writeCsv(file: string, n: number, seed: number): string {
  const people = sampleRows("roster", n, { seed, asOf: AS_OF });
  const text = (v: CellValue | undefined) =>
    v === null || v === undefined
      ? ""
      : typeof v === "object" && "kind" in v && v.kind === "date"
        ? formatDate(v)
        : String(v);
  const lines = [
    sheetFields(roster)
      .map((f) => f.header)
      .join(","),
    ...people.map((p) =>
      sheetFields(roster)
        .map((f) => text(p[f.key]))
        .join(","),
    ),
  ];
  const full = path.join(branches, file);
  writeFileSync(full, lines.join("\r\n") + "\r\n", "utf8");
  return full;
}

interface Summary {
  roster?: {
    members: number;
    women: number;
    minorities: number;
    collegeOrAbove: number;
    duesMonthlyTotal: number;
    byCategory: Record<string, number>;
    probationTodo: { status: string; idNumber: string }[];
    developmentThisYear: Record<Step, { count: number; names: string[] }>;
    partyAgeBands: Record<string, number>;
    upTo35: { count: number; rate: number };
    fiftyYears: { count: number; names: string[] };
  };
  schedule?: {
    byMonthType: Record<string, Record<string, number>>;
    dueToDate: number;
    completed: number;
    attendanceTotals: Record<string, { attended: number; expected: number }>;
    shortfalls: unknown[];
  };
  evaluation?: { byGrade: Record<string, number>; excellentQuota: { limit: number; used: number } };
  ballot?: { byResult: Record<string, number> };
}

const STEPS = ["applications", "activists", "candidates", "admissions", "fullMemberships"] as const;
type Step = (typeof STEPS)[number];
/** The roster section's row labels of the steps, which the district table takes as its column headers. */
const STEP_HEADERS: Record<Step, string> = {
  applications: "递交入党申请书",
  activists: "确定为入党积极分子",
  candidates: "确定为发展对象",
  admissions: "接收为预备党员",
  fullMemberships: "预备党员转正",
};
const PARTY_AGE_BANDS = ["<5", "5-9", "10-19", "20-29", "30-49", ">=50"];

interface Branch {
  file: string;
  label: string;
  summary: Summary;
  counts: { error: number; warning: number; info: number };
}

const round4 = (n: number) => Math.round(n * 10000) / 10000;
const rate = (a: number, b: number) => (b === 0 ? 0 : round4(a / b));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const values = (m: Record<string, number> | undefined) => Object.values(m ?? {});

type Table = { columns: string[]; rows: (string | number)[][] };

/** The tables of the 汇总 sheet by title: title row, header row, then rows up to the next empty row. */
function tablesOf(ws: ExcelJS.Worksheet): Map<string, Table> {
  const grid: (string | number | null)[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const vals = ws.getRow(r).values as ExcelJS.CellValue[];
    grid.push(vals.slice(1).map((v) => (typeof v === "number" || typeof v === "string" ? v : null)));
  }
  const tables = new Map<string, Table>();
  for (let i = 0; i < grid.length; i++) {
    const row = grid[i] ?? [];
    const next = grid[i + 1] ?? [];
    if (next[0] !== "支部" || typeof row[0] !== "string" || row.length !== 1) continue;
    const rows: (string | number)[][] = [];
    for (let k = i + 2; k < grid.length && (grid[k] ?? []).some((v) => v !== null); k++)
      rows.push((grid[k] ?? []).map((v) => v ?? ""));
    tables.set(row[0], { columns: next.map(String), rows });
  }
  return tables;
}

function col(t: Table | undefined, header: string): (string | number)[] {
  if (!t) throw new Error("table missing");
  const i = t.columns.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${t.columns.join(",")}`);
  return t.rows.map((r) => r[i] ?? "");
}

async function readOut(
  file: string,
): Promise<{ tables: Map<string, Table>; files: (string | number | null)[][]; all: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  // Then the PivotTables over the branches' figures and their data sheets (tests/xlsx/summary-pivots.test.ts).
  const names = wb.worksheets.map((w) => w.name);
  expect(names.slice(0, 3)).toEqual(["汇总", "文件清单", "数据透视表"]);
  expect(names.slice(3).every((n) => n.startsWith("数据-"))).toBe(true);
  const list = wb.getWorksheet("文件清单")!;
  const files: (string | number | null)[][] = [];
  list.eachRow((row, n) => {
    if (n > 1)
      files.push(
        (row.values as ExcelJS.CellValue[])
          .slice(1)
          .map((v) => (typeof v === "number" || typeof v === "string" ? v : null)),
      );
  });
  expect((list.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual([
    "序号",
    "文件",
    "支部",
    "模板",
    "统计截止日期",
    "错误",
    "警告",
    "提示",
    "读取结果",
  ]);
  const all: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => all.push(String(c.value))));
  return { tables: tablesOf(wb.getWorksheet("汇总")!), files, all: all.join("\n") };
}

let ok: Branch[] = [];
let inputs: string[] = [];
const bad = path.join(dir, "损坏.xlsx");
const missing = path.join(dir, "没有这个文件.xlsx");

beforeAll(async () => {
  const made = [
    {
      file: await writeBranch("一支部.xlsx", "第一党支部", [roster, schedule], 45, 1, probationTodos),
      label: "第一党支部",
    },
    {
      file: await writeBranch("二支部-a.xlsx", "第二党支部", [roster], 40, 2, veteran),
      label: "第二党支部（二支部-a.xlsx）",
    },
    {
      file: await writeBranch("二支部-b.xlsx", "第二党支部", [roster, evaluation], 55, 3),
      label: "第二党支部（二支部-b.xlsx）",
    },
    {
      file: await writeBranch("实验小学第三支部.xlsx", "", [roster, schedule, evaluation, ballot], 30, 4),
      label: "实验小学第三支部",
    },
    { file: await writeBranch("四支部.xlsx", "第四党支部", [evaluation, ballot], 25, 5), label: "第四党支部" },
    { file: writeCsv("五支部花名册.csv", 50, 6), label: "五支部花名册" },
  ];
  writeFileSync(bad, Buffer.from("PK\u0003\u0004 this is not really a zip file", "latin1"));
  ok = await Promise.all(
    made.map(async ({ file, label }) => {
      const [s, v] = await Promise.all([
        runCli(["summarize", file, "--format", "json", "--as-of", "2026-11-21"]),
        runCli(["validate", file, "--format", "json", "--as-of", "2026-11-21"]),
      ]);
      expect(s.code).toBe(0);
      return {
        file,
        label,
        summary: JSON.parse(s.stdout) as Summary,
        counts: (JSON.parse(v.stdout) as { counts: Branch["counts"] }).counts,
      };
    }),
  );
  inputs = [...ok.slice(0, 3).map((b) => b.file), bad, ...ok.slice(3).map((b) => b.file), missing];
});

describe("zhibu aggregate", () => {
  const out = path.join(dir, "区汇总.xlsx");
  let run: Awaited<ReturnType<typeof runCli>>;
  let result: Awaited<ReturnType<typeof readOut>>;

  beforeAll(async () => {
    run = await runCli(["aggregate", ...inputs, "-o", out, "--as-of", "2026-11-21"]);
    result = await readOut(out);
  });

  test("exits 1 with some files failing; says so on stdout; each failure is one line on stderr, with progress", () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("已汇总 6 个文件，2 个无法读取");
    expect(run.stdout).toContain(out);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("zhibu aggregate:"))).toEqual([
      expect.stringMatching(/^zhibu aggregate: 损坏\.xlsx：文件已损坏/),
      expect.stringMatching(/^zhibu aggregate: .*没有这个文件\.xlsx：找不到该文件/),
    ]);
    expect(lines).toContain("[1/8] 一支部.xlsx");
    expect(lines).toContain("[8/8] 没有这个文件.xlsx");
    expect(run.stderr).not.toMatch(/\n\s+at |node:internal/);
  });

  test("roster: one row per branch having a roster, in input order, plus 合计 with correct sums", () => {
    const withRoster = ok.filter((b) => b.summary.roster);
    expect(withRoster).toHaveLength(5);
    const t = result.tables.get("党员基本情况");
    expect(col(t, "支部")).toEqual([...withRoster.map((b) => b.label), "合计"]);
    const r = withRoster.map((b) => b.summary.roster!);
    const figures = (xs: number[]) => [...xs, sum(xs)];
    expect(col(t, "党员总数")).toEqual(figures(r.map((x) => x.members)));
    expect(col(t, "女党员")).toEqual(figures(r.map((x) => x.women)));
    expect(col(t, "少数民族党员")).toEqual(figures(r.map((x) => x.minorities)));
    expect(col(t, "大专及以上")).toEqual(figures(r.map((x) => x.collegeOrAbove)));
    const members = sum(r.map((x) => x.members));
    expect(col(t, "女党员比例").at(-1)).toBe(rate(sum(r.map((x) => x.women)), members));
    expect(col(t, "少数民族比例").at(-1)).toBe(rate(sum(r.map((x) => x.minorities)), members));
    expect(col(t, "大专及以上比例").at(-1)).toBe(rate(sum(r.map((x) => x.collegeOrAbove)), members));
    const dues = col(t, "月缴党费合计（元）");
    expect(dues.slice(0, -1)).toEqual(r.map((x) => x.duesMonthlyTotal));
    expect(dues.at(-1)).toBe(Math.round(sum(r.map((x) => Math.round(x.duesMonthlyTotal * 100)))) / 100);
    const todo = (status: string) => r.map((x) => x.probationTodo.filter((p) => p.status === status).length);
    expect(col(t, "预备期满未转正")).toEqual(figures(todo("overdue")));
    expect(col(t, "30天内到期转正")).toEqual(figures(todo("due")));
    expect(sum(todo("overdue"))).toBeGreaterThan(0);
    expect(sum(todo("due"))).toBeGreaterThan(0);
  });

  test("roster: every category of every branch, and a 合计 column", () => {
    const t = result.tables.get("按人员类别（全部人员）");
    const r = ok.flatMap((b) => (b.summary.roster ? [b.summary.roster] : []));
    for (const category of ["正式党员", "预备党员", "发展对象", "入党积极分子", "入党申请人"]) {
      const xs = r.map((x) => x.byCategory[category] ?? 0);
      expect(col(t, category)).toEqual([...xs, sum(xs)]);
    }
    const totals = r.map((x) => sum(values(x.byCategory)));
    expect(col(t, "合计")).toEqual([...totals, sum(totals)]);
  });

  test("roster year figures: this year's development steps, 党龄 bands, ≤35 and 党龄 ≥ 50 per branch, summed in 合计", () => {
    const withRoster = ok.filter((b) => b.summary.roster);
    const r = withRoster.map((b) => b.summary.roster!);
    const figures = (xs: number[]) => [...xs, sum(xs)];
    const dev = result.tables.get("本年度发展党员情况");
    expect(col(dev, "支部")).toEqual([...withRoster.map((b) => b.label), "合计"]);
    for (const step of STEPS)
      expect(col(dev, STEP_HEADERS[step])).toEqual(figures(r.map((x) => x.developmentThisYear[step].count)));
    expect(sum(STEPS.map((step) => sum(r.map((x) => x.developmentThisYear[step].count))))).toBeGreaterThan(0);
    const bands = result.tables.get("按党龄（年）");
    for (const band of PARTY_AGE_BANDS)
      expect(col(bands, band)).toEqual(figures(r.map((x) => x.partyAgeBands[band] ?? 0)));
    expect(col(bands, "合计")).toEqual(figures(r.map((x) => sum(values(x.partyAgeBands)))));
    const young = result.tables.get("青年党员和老党员");
    expect(col(young, "党员总数")).toEqual(figures(r.map((x) => x.members)));
    expect(col(young, "35岁及以下党员")).toEqual(figures(r.map((x) => x.upTo35.count)));
    expect(col(young, "35岁及以下比例")).toEqual([
      ...r.map((x) => x.upTo35.rate),
      rate(sum(r.map((x) => x.upTo35.count)), sum(r.map((x) => x.members))),
    ]);
    const fifty = col(young, "党龄50年及以上（光荣在党50年）");
    expect(fifty).toEqual(figures(r.map((x) => x.fiftyYears.count)));
    expect(fifty.at(-1)).toBeGreaterThan(0);
  });

  test("the text names the year figures' tables with their 合计 rows", () => {
    const r = ok.flatMap((b) => (b.summary.roster ? [b.summary.roster] : []));
    const totals = STEPS.map((step) => sum(r.map((x) => x.developmentThisYear[step].count)));
    const lines = run.stdout.split("\n");
    const at = lines.indexOf("本年度发展党员情况");
    expect(at).toBeGreaterThan(0);
    const total = lines.slice(at).find((l) => l.trim().startsWith("合计"));
    expect(total?.trim().split(/\s+/)).toEqual(["合计", ...totals.map(String)]);
    expect(run.stdout).toContain("按党龄（年）");
    expect(run.stdout).toContain("青年党员和老党员");
  });

  test("schedule: events, completion (rate recomputed from the summed counts), attendance, shortfalls", () => {
    const withSchedule = ok.filter((b) => b.summary.schedule);
    expect(withSchedule).toHaveLength(2);
    const t = result.tables.get("活动完成情况（截至统计截止日期）");
    expect(col(t, "支部")).toEqual([...withSchedule.map((b) => b.label), "合计"]);
    const s = withSchedule.map((b) => b.summary.schedule!);
    const events = s.map((x) => sum(Object.values(x.byMonthType).flatMap(values)));
    expect(col(t, "活动次数（不含已取消）")).toEqual([...events, sum(events)]);
    const due = s.map((x) => x.dueToDate);
    const done = s.map((x) => x.completed);
    expect(col(t, "应完成")).toEqual([...due, sum(due)]);
    expect(col(t, "已完成")).toEqual([...done, sum(done)]);
    expect(col(t, "完成率")).toEqual([...s.map((x) => rate(x.completed, x.dueToDate)), rate(sum(done), sum(due))]);
    const attended = s.map((x) => sum(Object.values(x.attendanceTotals).map((a) => a.attended)));
    const expected = s.map((x) => sum(Object.values(x.attendanceTotals).map((a) => a.expected)));
    expect(col(t, "到会率").at(-1)).toBe(rate(sum(attended), sum(expected)));
    const shortfalls = s.map((x) => x.shortfalls.length);
    expect(col(t, "次数不足（项）")).toEqual([...shortfalls, sum(shortfalls)]);
  });

  test("evaluation and ballot: by grade and 优秀 quota, by result", () => {
    const ev = ok.filter((b) => b.summary.evaluation);
    const te = result.tables.get("考核等次");
    expect(col(te, "支部")).toEqual([...ev.map((b) => b.label), "合计"]);
    for (const g of ["优秀", "合格", "基本合格", "不合格"]) {
      const xs = ev.map((b) => b.summary.evaluation!.byGrade[g] ?? 0);
      expect(col(te, g)).toEqual([...xs, sum(xs)]);
    }
    const limits = ev.map((b) => b.summary.evaluation!.excellentQuota.limit);
    const used = ev.map((b) => b.summary.evaluation!.excellentQuota.used);
    expect(col(te, "优秀上限")).toEqual([...limits, sum(limits)]);
    expect(col(te, "已评优秀")).toEqual([...used, sum(used)]);
    const graded = ev.map((b) => sum(values(b.summary.evaluation!.byGrade)));
    expect(col(te, "参评人数")).toEqual([...graded, sum(graded)]);
    expect(col(te, "优秀比例").at(-1)).toBe(rate(sum(used), sum(graded)));

    const ba = ok.filter((b) => b.summary.ballot);
    const tb = result.tables.get("民主评议结果");
    expect(col(tb, "支部")).toEqual([...ba.map((b) => b.label), "合计"]);
    for (const res of ["优秀", "合格", "基本合格", "不合格", "不评定等次"]) {
      const xs = ba.map((b) => b.summary.ballot!.byResult[res] ?? 0);
      expect(col(tb, res)).toEqual([...xs, sum(xs)]);
    }
  });

  test("文件清单 lists every file in input order: branch, templates, issue counts, and the read error", () => {
    const byFile = new Map(ok.map((b) => [b.file, b]));
    expect(result.files.map((r) => r[1])).toEqual(inputs);
    for (const [i, row] of result.files.entries()) {
      expect(row[0]).toBe(i + 1);
      const b = byFile.get(String(row[1]));
      if (b) {
        expect(row[2]).toBe(b.label);
        expect(row[4]).toBe("2026-11-21");
        expect(row.slice(5, 8)).toEqual([b.counts.error, b.counts.warning, b.counts.info]);
        expect(row[8]).toBe("已汇总");
      } else {
        expect(row.slice(2, 8).every((v) => v === null || v === "")).toBe(true);
      }
    }
    expect(result.files.find((r) => r[1] === ok[3]!.file)?.[3]).toBe(
      "党员花名册、月度工作安排、教职工年终考核量化表、民主评议党员测评统计表",
    );
    expect(result.files.find((r) => r[1] === ok[0]!.file)?.[3]).toBe("党员花名册、月度工作安排");
    expect(result.files.find((r) => r[1] === bad)?.[8]).toMatch(/^损坏\.xlsx：文件已损坏/);
    expect(result.files.find((r) => r[1] === missing)?.[8]).toMatch(/没有这个文件\.xlsx：找不到该文件/);
  });

  test("masked: no ID number or mobile number of the inputs appears anywhere in the output", () => {
    expect(result.all).not.toMatch(/\d{17}[\dX]/);
    expect(result.all).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  });

  test("the output is never overwritten without --force; with --force it is", async () => {
    const before = readFileSync(out);
    const again = await runCli(["aggregate", ok[0]!.file, "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/已存在.*--force/);
    expect(readFileSync(out).equals(before)).toBe(true);
    const forced = await runCli(["aggregate", ok[0]!.file, "-o", out, "--force", "--as-of", "2026-11-21"]);
    expect(forced.code).toBe(0);
    // One file: no progress lines.
    expect(forced.stderr).toBe("");
    const { tables, files } = await readOut(out);
    expect(col(tables.get("党员基本情况"), "支部")).toEqual(["第一党支部", "合计"]);
    expect(files).toHaveLength(1);
  });
});

describe("zhibu aggregate: refusals and folders", () => {
  test("none readable: exit 2, every failure named, nothing written", async () => {
    const out = path.join(dir, "none.xlsx");
    const r = await runCli(["aggregate", bad, missing, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("损坏.xlsx");
    expect(r.stderr).toContain("没有这个文件.xlsx");
    expect(r.stderr).toMatch(/都无法读取/);
    expect(existsSync(out)).toBe(false);
  });

  test("usage errors exit 2: no files, no -o, a bad --as-of", async () => {
    for (const args of [
      ["aggregate", "-o", path.join(dir, "x.xlsx")],
      ["aggregate", ok[0]!.file],
      ["aggregate", ok[0]!.file, "-o", path.join(dir, "y.xlsx"), "--as-of", "21/11/2026"],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^zhibu aggregate: /);
    }
    expect(existsSync(path.join(dir, "x.xlsx"))).toBe(false);
    expect(existsSync(path.join(dir, "y.xlsx"))).toBe(false);
  });

  test("never writes an input file, even with --force", async () => {
    const target = ok[1]!.file;
    const untouched = expectUntouched(target);
    const r = await runCli(["aggregate", ok[0]!.file, target, "-o", target, "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/输出文件与输入文件相同/);
    untouched();
  });

  test("a folder stands for its workbooks; the output inside it is not read back on a re-run", async () => {
    const out = path.join(branches, "汇总.xlsx");
    const first = await runCli(["aggregate", branches, "-o", out, "--as-of", "2026-11-21"]);
    expect(first.code).toBe(0);
    const second = await runCli(["aggregate", branches, "-o", out, "--as-of", "2026-11-21", "--force"]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("已汇总 6 个文件。");
    const { files } = await readOut(out);
    expect(files.map((r) => path.basename(String(r[1]))).sort()).toEqual(ok.map((b) => path.basename(b.file)).sort());
  });

  test("a folder's other files are listed as skipped with the reason; .xls and Unicode text are aggregated", async () => {
    const folder = path.join(dir, "各支部-混合");
    mkdirSync(folder, { recursive: true });
    for (const b of ok.slice(0, 2)) copyFileSync(b.file, path.join(folder, path.basename(b.file)));
    const formats = path.join(__dirname, "..", "fixtures", "formats");
    copyFileSync(path.join(formats, "roster-libreoffice.xls"), path.join(folder, "三支部.xls"));
    copyFileSync(path.join(formats, "roster-unicode.txt"), path.join(folder, "四支部.txt"));
    writeFileSync(path.join(folder, "说明.docx"), "PK");
    writeFileSync(path.join(folder, "备忘.txt"), "明天交材料");
    writeFileSync(path.join(folder, "~$一支部.xlsx"), "lock");
    mkdirSync(path.join(folder, "旧版"), { recursive: true });
    const out = path.join(dir, "混合汇总.xlsx");
    const r = await runCli(["aggregate", folder, "-o", out, "--as-of", "2026-11-21"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("已汇总 4 个文件，跳过 4 个");
    const skippedLines = r.stderr.split("\n").filter((l) => l.includes("已跳过"));
    expect(skippedLines).toEqual([
      expect.stringMatching(/^zhibu aggregate: ~\$一支部\.xlsx：Excel\/WPS 打开文件时留下的临时文件，已跳过。$/),
      expect.stringMatching(/^zhibu aggregate: 备忘\.txt：文本文件，不是“Unicode 文本”格式的表格，已跳过。$/),
      expect.stringMatching(/^zhibu aggregate: 旧版：子文件夹/),
      expect.stringMatching(/^zhibu aggregate: 说明\.docx：不是表格文件（\.docx），已跳过。$/),
    ]);
    const { files } = await readOut(out);
    const listed = files.map((row): [string, string] => [path.basename(String(row[1])), String(row.at(-1) ?? "")]);
    expect(
      listed
        .filter(([, e]) => e.startsWith("已跳过"))
        .map(([f]) => f)
        .sort(),
    ).toEqual(["~$一支部.xlsx", "备忘.txt", "旧版", "说明.docx"].sort());
    expect(listed.map(([f]) => f)).toEqual(expect.arrayContaining(["三支部.xls", "四支部.txt"]));
  });

  test("the command is listed in --help", async () => {
    const r = await runCli(["--help"]);
    expect(r.stdout).toContain("zhibu aggregate FILE... -o OUT.xlsx");
  });
});

describe("zhibu aggregate --format json", () => {
  test("per branch and in total, the roster year figures under the roster summary's keys; totals are the sums", async () => {
    const picked = ok.slice(0, 3);
    const out = path.join(dir, "json.xlsx");
    const r = await runCli([
      "aggregate",
      ...picked.map((b) => b.file),
      "-o",
      out,
      "--as-of",
      "2026-11-21",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("已汇总 3 个文件");
    const json = JSON.parse(r.stdout) as {
      version: number;
      branches: { branch: string; file: string; asOf: string; roster?: YearFigures }[];
      total: { roster?: YearFigures };
    };
    expect(json.version).toBe(1);
    expect(json.branches.map((b) => [b.branch, b.file, b.asOf])).toEqual(
      picked.map((b) => [b.label, path.basename(b.file), "2026-11-21"]),
    );
    const mine = (b: Branch): YearFigures => {
      const x = b.summary.roster!;
      return {
        members: x.members,
        developmentThisYear: Object.fromEntries(
          STEPS.map((s) => [s, { count: x.developmentThisYear[s].count }]),
        ) as YearFigures["developmentThisYear"],
        partyAgeBands: x.partyAgeBands,
        upTo35: x.upTo35,
        fiftyYears: { count: x.fiftyYears.count },
      };
    };
    json.branches.forEach((b, i) => expect(b.roster).toEqual(mine(picked[i]!)));
    const each = picked.map(mine);
    const members = sum(each.map((x) => x.members));
    const young = sum(each.map((x) => x.upTo35.count));
    const bands = Object.fromEntries(PARTY_AGE_BANDS.map((k) => [k, sum(each.map((x) => x.partyAgeBands[k] ?? 0))]));
    expect(json.total.roster).toEqual({
      members,
      developmentThisYear: Object.fromEntries(
        STEPS.map((s) => [s, { count: sum(each.map((x) => x.developmentThisYear[s].count)) }]),
      ),
      partyAgeBands: bands,
      upTo35: { count: young, rate: rate(young, members) },
      fiftyYears: { count: sum(each.map((x) => x.fiftyYears.count)) },
    });
    expect(json.total.roster!.fiftyYears.count).toBeGreaterThan(0);
  });

  test("a branch without a roster has no roster key; --format other than text or json is a usage error", async () => {
    const noRoster = ok.find((b) => !b.summary.roster)!;
    const out = path.join(dir, "json2.xlsx");
    const r = await runCli(["aggregate", noRoster.file, "-o", out, "--as-of", "2026-11-21", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      version: 1,
      branches: [{ branch: noRoster.label, file: path.basename(noRoster.file), asOf: "2026-11-21" }],
      total: {},
    });
    const bad = await runCli(["aggregate", noRoster.file, "-o", path.join(dir, "x3.xlsx"), "--format", "csv"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^zhibu aggregate: .*--format csv/);
    expect(existsSync(path.join(dir, "x3.xlsx"))).toBe(false);
  });
});

interface YearFigures {
  members: number;
  developmentThisYear: Record<Step, { count: number }>;
  partyAgeBands: Record<string, number>;
  upTo35: { count: number; rate: number };
  fiftyYears: { count: number };
}
