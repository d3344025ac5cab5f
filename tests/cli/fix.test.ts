/**
 * `zhibu fix` (issue 10) on a roster written by XlsxWriter with a chart (and, as .xlsm, a VBA project): the change
 * list, every other zip part byte for byte, the input untouched, the output's issues = the input's minus the fixed.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ZipReader } from "../../src/xlsx/fast/zip";
import { ROOT, runCli, tempDir } from "../helpers/cli";

const FIXTURES = path.join(ROOT, "tests", "fixtures", "fix");
const AS_OF = ["--as-of", "2026-11-21"];

interface JsonIssue {
  rule: string;
  cell: string | null;
  person: string | null;
  message: string;
}
interface FixJson {
  sheet: string;
  cell: string;
  person: string | null;
  rule: string;
  from: unknown;
  to: unknown;
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function setup(name: string): { dir: string; input: string } {
  const dir = tempDir("zhibu-fix-");
  const input = path.join(dir, name);
  copyFileSync(path.join(FIXTURES, name), input);
  return { dir, input };
}

async function issuesOf(file: string): Promise<JsonIssue[]> {
  const r = await runCli(["validate", file, "--format", "json", ...AS_OF]);
  return (JSON.parse(r.stdout) as { issues: JsonIssue[] }).issues;
}

const EXPECTED_FIXES = [
  ["B4", "熊娥", "cell.whitespace", " 熊娥 ", "熊娥"],
  ["D4", "熊娥", "cell.enum", "汉", "汉族"],
  ["N4", "熊娥", "roster.dues.rate", 22.5, 45],
  ["E5", "贺冰", "roster.id.legacy", "110105491231002", "11010519491231002X"],
  ["F6", "宋筠荷", "fix.from-id", null, "1990-03-02"],
  ["J6", "宋筠荷", "fix.text-date", "2015年7月1日", "2015-07-01"],
  ["M6", "宋筠荷", "fix.text-number", "3000", 3000],
];

describe.each(["fixable-roster.xlsx", "fixable-roster.xlsm"])("zhibu fix %s", (name) => {
  const ext = path.extname(name);

  test("lists each change, writes a new file whose other parts are byte-identical, and never touches the input", async () => {
    const { dir, input } = setup(name);
    const before = sha(input);
    const out = path.join(dir, `out${ext}`);
    const r = await runCli(["fix", input, "-o", out, "--format", "json", ...AS_OF]);
    expect(r.stderr).toBe("");
    // Errors that need the paper record remain (duplicate, check character, gender): exit 1.
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      fixes: FixJson[];
      skipped: unknown[];
      remaining: Record<string, number>;
      output: string;
    };
    expect(report.fixes.map((f) => [f.cell, f.person, f.rule, f.from, f.to])).toEqual(EXPECTED_FIXES);
    expect(report.fixes.every((f) => f.sheet === "花名册")).toBe(true);
    expect(report.skipped).toEqual([]);
    expect(report.remaining).toEqual({ error: 4, warning: 0, info: 0 });
    expect(sha(input)).toBe(before);

    const a = new ZipReader(readFileSync(input));
    const b = new ZipReader(readFileSync(out));
    expect(b.names()).toEqual(a.names());
    const changed = ["xl/worksheets/sheet1.xml", "xl/styles.xml"];
    for (const entry of a.names()) {
      if (changed.includes(entry)) continue;
      expect({ entry, same: b.entry(entry)!.equals(a.entry(entry)!) }).toEqual({ entry, same: true });
      expect(b.info(entry)!.compressedSize).toBe(a.info(entry)!.compressedSize);
    }
    expect(a.names()).toEqual(
      expect.arrayContaining(["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/sharedStrings.xml"]),
    );
    if (ext === ".xlsm") expect(b.entry("xl/vbaProject.bin")!.equals(a.entry("xl/vbaProject.bin")!)).toBe(true);

    const fixedKeys = new Set(report.fixes.map((f) => `${f.rule} ${f.cell}`));
    const was = await issuesOf(input);
    const now = await issuesOf(out);
    expect(now.map((i) => [i.rule, i.cell, i.person, i.message])).toEqual(
      was.filter((i) => !fixedKeys.has(`${i.rule} ${i.cell}`)).map((i) => [i.rule, i.cell, i.person, i.message]),
    );
    expect(was.length - now.length).toBe(4);
  });

  test("--dry-run lists the same changes and writes nothing", async () => {
    const { dir, input } = setup(name);
    const out = path.join(dir, `out${ext}`);
    const r = await runCli(["fix", input, "-o", out, "--dry-run", ...AS_OF]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).toContain("试运行");
    expect(r.stdout).toContain("熊娥（第 4 行）D4");
    expect(r.stdout).toContain("“汉” → “汉族”");
    expect(r.stdout).toMatch(/可修正 7 处/);

    writeFileSync(out, "kept");
    const again = await runCli(["fix", input, "-o", out, "--dry-run", ...AS_OF]);
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 1, stderr: "" });
    expect(readFileSync(out, "utf8")).toBe("kept");
  });
});

describe("zhibu fix options", () => {
  test("--only keeps the named rules' fixes", async () => {
    const { dir, input } = setup("fixable-roster.xlsx");
    const out = path.join(dir, "only.xlsx");
    const r = await runCli([
      "fix",
      input,
      "-o",
      out,
      "--only",
      "cell.enum,fix.text-date",
      "--format",
      "json",
      ...AS_OF,
    ]);
    const report = JSON.parse(r.stdout) as { fixes: FixJson[] };
    expect(report.fixes.map((f) => [f.rule, f.cell])).toEqual([
      ["cell.enum", "D4"],
      ["fix.text-date", "J6"],
    ]);
    const now = await issuesOf(out);
    expect(now.some((i) => i.rule === "cell.whitespace")).toBe(true);
    expect(now.some((i) => i.rule === "cell.enum")).toBe(false);
  });

  test("an unknown --only rule, a missing -o, the input as output and an existing output without --force exit 2", async () => {
    const { dir, input } = setup("fixable-roster.xlsx");
    const before = sha(input);
    const unknown = await runCli(["fix", input, "-o", path.join(dir, "x.xlsx"), "--only", "roster.id.checksum"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("roster.id.checksum");
    expect((await runCli(["fix", input])).code).toBe(2);
    const same = await runCli(["fix", input, "-o", input]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("从不改写输入文件");
    expect(sha(input)).toBe(before);
    const existing = path.join(dir, "exists.xlsx");
    writeFileSync(existing, "keep");
    const refused = await runCli(["fix", input, "-o", existing, ...AS_OF]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(existing, "utf8")).toBe("keep");
    const forced = await runCli(["fix", input, "-o", existing, "--force", ...AS_OF]);
    expect(forced.code).toBe(1);
    expect(readFileSync(existing).subarray(0, 2).toString()).toBe("PK");
  });

  test("a fixed file has nothing left to fix; a file without errors exits 0; evaluation totals and grades", async () => {
    const { dir, input } = setup("fixable-roster.xlsx");
    const once = path.join(dir, "once.xlsx");
    await runCli(["fix", input, "-o", once, ...AS_OF]);
    const twice = await runCli(["fix", once, "-o", path.join(dir, "twice.xlsx"), "--format", "json", ...AS_OF]);
    expect((JSON.parse(twice.stdout) as { fixes: unknown[] }).fixes).toEqual([]);
    expect(twice.code).toBe(1);
    const cleanRoster = path.join(ROOT, "tests", "fixtures", "samples", "roster-clean.xlsx");
    const ok = await runCli([
      "fix",
      cleanRoster,
      "-o",
      path.join(dir, "clean.xlsx"),
      "--only",
      "fix.text-date",
      ...AS_OF,
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/已修正 \d+ 处/);
    const clean = path.join(ROOT, "tests", "fixtures", "samples", "evaluation.xlsx");
    const evalRun = await runCli(["fix", clean, "-o", path.join(dir, "eval.xlsx"), "--format", "json", ...AS_OF]);
    const report = JSON.parse(evalRun.stdout) as { fixes: FixJson[]; remaining: Record<string, number> };
    expect(report.fixes.map((f) => [f.rule, f.cell])).toEqual([
      ["eval.total.mismatch", "M9"],
      ["eval.grade.threshold", "O10"],
    ]);
    expect(evalRun.code).toBe(report.remaining["error"]! > 0 ? 1 : 0);
  });
});

describe("validate names the person", () => {
  test("JSON carries person; the text report reads 邱筠（第 3 行）E3 and names the other person", async () => {
    const file = path.join(FIXTURES, "fixable-roster.xlsx");
    const issues = await issuesOf(file);
    const dup = issues.filter((i) => i.rule === "roster.id.duplicate");
    expect(dup.map((i) => [i.cell, i.person])).toEqual([
      ["E3", "邱筠"],
      ["E9", "夏明超"],
    ]);
    expect(dup[0]!.message).toContain("与夏明超（第 9 行）重复");
    const text = await runCli(["validate", file, ...AS_OF]);
    expect(text.stdout).toContain("邱筠（第 3 行）E3");
  });
});
