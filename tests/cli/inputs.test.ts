import { copyFileSync, readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import ExcelJS from "exceljs";
import { encodeGbk, expectOneLineFailure, runCli, sample, tempDir } from "../helpers/cli";

const dir = tempDir();

/** A minimal OLE compound-file header, as legacy .xls and password-protected .xlsx files start. */
function oleFile(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const dirSector = Buffer.alloc(512);
  streamNames.forEach((n, i) => Buffer.from(n, "utf16le").copy(dirSector, i * 128));
  return Buffer.concat([header, dirSector]);
}

describe("unreadable input: one line on stderr, exit 2, no stack trace", () => {
  test.each([
    ["missing file", () => path.join(dir, "nope.xlsx"), /nope\.xlsx：找不到该文件/],
    [
      "empty file",
      () => (writeFileSync(path.join(dir, "empty.xlsx"), ""), path.join(dir, "empty.xlsx")),
      /empty\.xlsx：文件是空的/,
    ],
    [
      "corrupt zip",
      () => {
        const buf = readFileSync(sample("roster-clean.xlsx"));
        writeFileSync(path.join(dir, "corrupt.xlsx"), buf.subarray(0, 3000));
        return path.join(dir, "corrupt.xlsx");
      },
      /corrupt\.xlsx：文件已损坏/,
    ],
    [
      "a damaged legacy .xls",
      () => (writeFileSync(path.join(dir, "old.xls"), oleFile(["Root Entry", "Workbook"])), path.join(dir, "old.xls")),
      /old\.xls：.*97-2003.*另存为/,
    ],
    [
      "password-protected",
      () => (
        writeFileSync(path.join(dir, "locked.xlsx"), oleFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"])),
        path.join(dir, "locked.xlsx")
      ),
      /locked\.xlsx：.*密码/,
    ],
    [
      "not a workbook",
      () => (writeFileSync(path.join(dir, "notes.xlsx"), "just some text\n"), path.join(dir, "notes.xlsx")),
      /notes\.xlsx：不是表格文件/,
    ],
    [
      "a directory",
      () => (mkdirSync(path.join(dir, "folder.xlsx"), { recursive: true }), path.join(dir, "folder.xlsx")),
      /文件夹/,
    ],
  ])("%s", async (_label, make, mention) => {
    const file = make();
    expectOneLineFailure(await runCli(["validate", file]), mention);
    expectOneLineFailure(await runCli(["summarize", file, "--format", "json"]), mention);
  });

  test("bad flags and arguments are usage errors with exit 2", async () => {
    expectOneLineFailure(
      await runCli(["validate", sample("roster-clean.xlsx"), "--as-of", "21/11/2026"]),
      /YYYY-MM-DD/,
    );
    expectOneLineFailure(await runCli(["validate", sample("roster-clean.xlsx"), "--format", "xml"]), /text 或 json/);
    expectOneLineFailure(await runCli(["validate", sample("roster-clean.xlsx"), "--bogus"]), /未知选项 --bogus/);
    expectOneLineFailure(
      await runCli(["validate", sample("roster-clean.xlsx"), "--sheet", "没有"]),
      /没有名为「没有」的工作表/,
    );
    expectOneLineFailure(await runCli(["frobnicate"]), /未知命令/);
    expectOneLineFailure(await runCli(["template", "nosuch"]), /没有名为 nosuch 的模板/);
  });

  test("--help works", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("zhibu validate FILE");
  });
});

describe("files in, files out", () => {
  const hash = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

  test("summarize -o never writes its input and never overwrites without --force", async () => {
    const input = path.join(dir, "mine.xlsx");
    copyFileSync(sample("roster-messy.xlsx"), input);
    const before = hash(input);
    expectOneLineFailure(await runCli(["summarize", input, "-o", input]), /输出文件与输入文件相同/);
    expectOneLineFailure(await runCli(["summarize", input, "-o", input, "--force"]), /输出文件与输入文件相同/);
    expect(hash(input)).toBe(before);

    const out = path.join(dir, "summary.xlsx");
    writeFileSync(out, "keep me");
    expectOneLineFailure(await runCli(["summarize", input, "-o", out]), /已存在.*--force/);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    const forced = await runCli(["summarize", input, "-o", out, "--force", "--as-of", "2026-11-21"]);
    expect(forced.code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
    expect(hash(input)).toBe(before);
  });

  async function cellTexts(file: string): Promise<string[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const out: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push(String(c.text)))));
    return out;
  }

  test("the summary workbook masks ID numbers and phones unless --no-mask", async () => {
    const masked = path.join(dir, "masked.xlsx");
    const r = await runCli(["summarize", sample("roster-messy.xlsx"), "-o", masked, "--as-of", "2026-11-21"]);
    expect(r.code).toBe(0);
    const texts = await cellTexts(masked);
    // Row 8 (邵桂) is a probationary member whose probation is overdue: the to-do list names her.
    expect(texts).toContain("邵桂");
    expect(texts).toContain("440305********5848");
    expect(texts).toContain("199****8024");
    expect(texts.join("|")).not.toContain("440305199712275848");
    expect(texts.join("|")).not.toContain("19976568024");
    expect(texts).toContain("党员总数（正式+预备）");

    const plain = path.join(dir, "plain.xlsx");
    await runCli(["summarize", sample("roster-messy.xlsx"), "-o", plain, "--no-mask", "--as-of", "2026-11-21"]);
    const plainTexts = await cellTexts(plain);
    expect(plainTexts).toContain("440305199712275848");
    expect(plainTexts).toContain("19976568024");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(masked);
    const ws = wb.getWorksheet("汇总");
    expect(ws?.pageSetup.paperSize).toBe(9);
    expect(ws?.pageSetup.fitToWidth).toBe(1);
  });

  test("summarize --format json masks too", async () => {
    const r = await runCli(["summarize", sample("roster-messy.xlsx"), "--format", "json", "--as-of", "2026-11-21"]);
    expect(r.stdout).toContain("440305********5848");
    expect(r.stdout).not.toContain("440305199712275848");
    const todo = JSON.parse(r.stdout).roster.probationTodo;
    expect(todo).toEqual([expect.objectContaining({ name: "邵桂", status: "overdue", due: "2026-08-28", row: 8 })]);
  });

  test.each([60, 200])(
    "template all --sample %i: all four templates validate clean; template never overwrites",
    async (n) => {
      const out = path.join(dir, `x${n}.xlsx`);
      const t = await runCli(["template", "all", "-o", out, "--sample", String(n), "--branch", "实验小学党支部"]);
      expect(t.code).toBe(0);
      expect(existsSync(out)).toBe(true);
      const v = await runCli(["validate", out, "--format", "json"]);
      expect(v.code).toBe(0);
      const report = JSON.parse(v.stdout);
      expect(report.issues).toEqual([]);
      const rows = Object.fromEntries(
        report.sheets
          .filter((s: { template: string | null }) => s.template)
          .map((s: { template: string; dataRows: number }) => [s.template, s.dataRows]),
      );
      expect(rows).toEqual({ roster: n, schedule: n, evaluation: n, ballot: n });
      expectOneLineFailure(await runCli(["template", "all", "-o", out]), /已存在/);
    },
  );

  test("csv input in GBK and UTF-8", async () => {
    const header = "姓名,性别,身份证号,人员类别,转正日期,入党日期\n";
    const row = "王芳,女,11010519491231002X,正式党员,2001-07-01,2000-07-01\n";
    const utf8 = path.join(dir, "r-utf8.csv");
    writeFileSync(utf8, "\ufeff" + header + row);
    const gbk = path.join(dir, "r-gbk.csv");
    writeFileSync(gbk, encodeGbk(header + row));
    for (const f of [utf8, gbk]) {
      const r = await runCli(["validate", f, "--format", "json", "--as-of", "2026-11-21"]);
      const report = JSON.parse(r.stdout);
      expect(report.sheets[0].template).toBe("roster");
      expect(report.sheets[0].dataRows).toBe(1);
    }
  });
});
