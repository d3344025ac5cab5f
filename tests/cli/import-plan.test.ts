import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CellValue } from "../../src/core/types";
import { readWorkbookFile } from "../../src/xlsx/read";
import { encodeGbk, expectOneLineFailure, runCli, sample, tempDir } from "../helpers/cli";

const dir = tempDir("zhibu-import-plan-");
const PLAN = sample("plan-sample.txt");

interface ScheduleRow {
  month: CellValue;
  type: CellValue;
  topic: CellValue;
  owner: CellValue;
  status: CellValue;
  note: CellValue;
}

/** The 月度工作安排 sheet's rows by header (SPEC §2.2 canonical headers), and the 设置 sheet's values by label. */
async function readSchedule(
  file: string,
): Promise<{ rows: ScheduleRow[]; settings: Map<string, CellValue>; title: CellValue }> {
  const { snapshot } = await readWorkbookFile(file);
  const sheet = snapshot.sheets.find((s) => s.values.some((r) => r.includes("活动类型")));
  if (!sheet) throw new Error(`no schedule sheet in ${snapshot.sheets.map((s) => s.name).join(", ")}`);
  const headerIndex = sheet.values.findIndex((r) => r.includes("活动类型"));
  const header = sheet.values[headerIndex] ?? [];
  const col = (h: string) => header.indexOf(h);
  const rows = sheet.values
    .slice(headerIndex + 1)
    .filter((r) => r.some((v) => v !== null && v !== ""))
    .map((r) => ({
      month: r[col("月份")] ?? null,
      type: r[col("活动类型")] ?? null,
      topic: r[col("内容")] ?? null,
      owner: r[col("负责人")] ?? null,
      status: r[col("状态")] ?? null,
      note: r[col("备注")] ?? null,
    }));
  const settingsSheet = snapshot.sheets.find((s) => s.name === "设置");
  const settings = new Map<string, CellValue>(
    (settingsSheet?.values ?? []).map((r) => [String(r[0] ?? ""), r[1] ?? null]),
  );
  return { rows, settings, title: sheet.values[0]?.[0] ?? null };
}

function perMonth(rows: readonly ScheduleRow[]): number[] {
  return Array.from({ length: 12 }, (_, i) => rows.filter((r) => r.month === i + 1).length);
}

describe("zhibu import-plan", () => {
  test("plan-sample.txt --year 2026: the README's rows, written as a schedule workbook", async () => {
    const out = path.join(dir, "plan.xlsx");
    const r = await runCli(["import-plan", PLAN, "-o", out, "--year", "2026"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const { rows, settings, title } = await readSchedule(out);
    // 24 monthly items, plus 红色教育基地 (May), 读书分享会 (September and October), 走访慰问 (December).
    expect(rows).toHaveLength(28);
    expect(perMonth(rows)).toEqual([2, 2, 3, 2, 3, 2, 1, 1, 3, 3, 2, 4]);
    expect(rows.every((x) => x.status === "计划")).toBe(true);
    expect(rows[0]).toEqual({
      month: 1,
      type: "支部委员会",
      topic: "召开支委会，研究部署寒假期间党员教育管理工作",
      owner: null,
      status: "计划",
      note: null,
    });
    const byTopic = (w: string) => rows.filter((x) => String(x.topic).includes(w));
    expect(byTopic("支委会").map((x) => x.type)).toEqual(["支部委员会", "支部委员会", "支部委员会"]);
    expect(byTopic("党员大会").map((x) => x.type)).toEqual(["支部党员大会", "支部党员大会"]);
    expect(byTopic("主题党日").map((x) => x.type)).toEqual(["主题党日", "主题党日", "主题党日"]);
    expect(byTopic("党课").map((x) => [x.month, x.type])).toEqual([
      [3, "党课"],
      [7, "党课"],
    ]);
    expect(byTopic("党小组会").map((x) => [x.month, x.type])).toEqual([[11, "党小组会"]]);
    expect(byTopic("组织生活会").map((x) => [x.month, x.type])).toEqual([[12, "组织生活会"]]);
    expect(byTopic("红色教育基地").map((x) => [x.month, x.owner])).toEqual([[5, "支部"]]);
    expect(byTopic("读书分享会").map((x) => [x.month, x.owner])).toEqual([
      [9, "党小组"],
      [10, "党小组"],
    ]);
    expect(String(byTopic("读书分享会")[0]?.note)).toMatch(/9.?10月/);
    expect(byTopic("走访慰问").map((x) => [x.month, x.owner])).toEqual([[12, "支部"]]);
    expect(settings.get("年度")).toBe(2026);
    expect(settings.get("支部名称")).toBe("实验小学党支部");
    expect(String(title)).toContain("实验小学党支部");
    // The summary: rows per month and the guessed types.
    expect(r.stdout).toMatch(/28/);
    expect(r.stdout).toMatch(/12月\s+4/);
    expect(r.stdout).toMatch(/党小组会 1/);
    expect(r.stdout).toContain(out);
  });

  test("--range first: one row for the first month of a range", async () => {
    const out = path.join(dir, "plan-first.xlsx");
    const r = await runCli(["import-plan", PLAN, "-o", out, "--year", "2026", "--range", "first"]);
    expect(r.code).toBe(0);
    const { rows } = await readSchedule(out);
    expect(rows).toHaveLength(27);
    const reading = rows.filter((x) => String(x.topic).includes("读书分享会"));
    expect(reading.map((x) => x.month)).toEqual([9]);
    expect(String(reading[0]?.note)).toMatch(/9.?10月/);
  });

  test("skipped lines are listed with their line numbers and the file is still written", async () => {
    const file = path.join(dir, "partial.txt");
    writeFileSync(
      file,
      ["2026年工作安排", "根据上级要求，制定本计划。", "三月份：", "1、召开支委会；", "五、其他", "召开党员大会"].join(
        "\n",
      ),
    );
    const out = path.join(dir, "partial.xlsx");
    const r = await runCli(["import-plan", file, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/第 2 行.*根据上级要求/);
    expect(r.stdout).toMatch(/第 6 行.*召开党员大会/);
    const { rows, settings } = await readSchedule(out);
    expect(rows.map((x) => [x.month, x.type, x.topic])).toEqual([[3, "支部委员会", "召开支委会"]]);
    expect(settings.get("年度")).toBe(2026);
  });

  test("GBK text, Windows line endings; default output beside the input; never overwritten without --force", async () => {
    const sub = tempDir("zhibu-import-plan-gbk-");
    const file = path.join(sub, "计划.txt");
    writeFileSync(
      file,
      encodeGbk(["二〇二五年党支部工作计划", "三月份：", "1、召开支委会；", "2、书记讲党课。"].join("\r\n")),
    );
    const r = await runCli(["import-plan", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = path.join(sub, "计划-月度工作安排.xlsx");
    expect(existsSync(out)).toBe(true);
    const { rows, settings } = await readSchedule(out);
    expect(rows.map((x) => [x.month, x.type, x.topic, x.owner])).toEqual([
      [3, "支部委员会", "召开支委会", null],
      [3, "党课", "书记讲党课", "书记"],
    ]);
    expect(settings.get("年度")).toBe(2025);

    const before = statSync(out).mtimeMs;
    expectOneLineFailure(await runCli(["import-plan", file]), /已存在/);
    expect(statSync(out).mtimeMs).toBe(before);
    expect((await runCli(["import-plan", file, "--force"])).code).toBe(0);
  });

  test("UTF-8 with BOM", async () => {
    const file = path.join(dir, "bom.txt");
    writeFileSync(file, "\ufeff一月份：\n1、召开支委会。\n");
    const out = path.join(dir, "bom.xlsx");
    expect((await runCli(["import-plan", file, "-o", out, "--year", "2026"])).code).toBe(0);
    expect((await readSchedule(out)).rows.map((x) => x.topic)).toEqual(["召开支委会"]);
  });

  test("unreadable input and usage errors: one line on stderr, exit 2", async () => {
    expectOneLineFailure(await runCli(["import-plan", path.join(dir, "nope.txt")]), /nope\.txt：找不到该文件/);
    const copy = path.join(dir, "plan-copy.txt");
    copyFileSync(PLAN, copy);
    const original = readFileSync(copy);
    expectOneLineFailure(await runCli(["import-plan", copy, "-o", copy, "--force"]), /输入文件/);
    expect(readFileSync(copy)).toEqual(original);
    expectOneLineFailure(await runCli(["import-plan", copy, "-o", path.join(dir, "y.xlsx"), "--year", "26"]), /--year/);
    expectOneLineFailure(
      await runCli(["import-plan", copy, "-o", path.join(dir, "y.xlsx"), "--range", "all"]),
      /--range/,
    );
    expectOneLineFailure(await runCli(["import-plan"]), /用法/);
    const docx = path.join(dir, "plan.docx");
    writeFileSync(docx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expectOneLineFailure(await runCli(["import-plan", docx, "-o", path.join(dir, "d.xlsx")]), /plan\.docx：.*纯文本/);
    const empty = path.join(dir, "empty.txt");
    writeFileSync(empty, "");
    expectOneLineFailure(
      await runCli(["import-plan", empty, "-o", path.join(dir, "e.xlsx")]),
      /empty\.txt：文件是空的/,
    );
    const prose = path.join(dir, "prose.txt");
    writeFileSync(prose, "这是一段没有月份安排的文字。\n");
    expectOneLineFailure(
      await runCli(["import-plan", prose, "-o", path.join(dir, "p.xlsx")]),
      /prose\.txt：没有找到月份标题/,
    );
    expect(existsSync(path.join(dir, "p.xlsx"))).toBe(false);
  });
});
