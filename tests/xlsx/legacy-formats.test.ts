/**
 * Issue 9 §6: .xls (BIFF8), .ods, HTML tables saved as .xls and Excel's UTF-16 "Unicode 文本" are read like .xlsx,
 * with SheetJS. The fixtures (tests/fixtures/formats, made by make.sh) are one openpyxl roster converted by
 * LibreOffice and by SheetJS, plus web-system HTML exports written as such systems write them.
 */
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import JSZip from "jszip";
import { validateWorkbook } from "../../src/core/engine";
import { summarizeContexts } from "../../src/core/summary";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { sniffFile } from "../../src/xlsx/sniff";
import { AS_OF } from "../helpers/build";
import { ROOT, expectOneLineFailure, runCli, tempDir } from "../helpers/cli";

const DIR = path.join(__dirname, "..", "fixtures", "formats");

async function validateFile(file: string) {
  const { snapshot } = await readWorkbookBuffer(fs.readFileSync(path.join(DIR, file)), file);
  const result = validateWorkbook(snapshot, { asOf: AS_OF });
  return { snapshot, result, summary: summarizeContexts(result.contexts, AS_OF) };
}

const issuesOf = (r: Awaited<ReturnType<typeof validateFile>>) => r.result.issues.map((i) => [i.sheet, i.rule, i.cell]);

describe("the same roster in other formats validates like the .xlsx", () => {
  test.each(["roster-libreoffice.xls", "roster-sheetjs.xls", "roster-libreoffice.ods", "roster-sheetjs.ods"])(
    "%s",
    async (file) => {
      const source = await validateFile("roster.xlsx");
      const other = await validateFile(file);
      expect(issuesOf(source)).toEqual([
        ["党员花名册", "roster.id.checksum", "E3"],
        ["党员花名册", "roster.gender.mismatch", "C4"],
        ["党员花名册", "roster.id.numeric", "E5"],
      ]);
      expect(issuesOf(other)).toEqual(issuesOf(source));
      expect(other.result.sheets).toEqual(source.result.sheets);
      expect(other.summary).toEqual(source.summary);
    },
  );

  test("a date cell keeps its day, IDs typed as text keep every digit, a numeric ID stays a number", async () => {
    for (const file of ["roster-libreoffice.xls", "roster-sheetjs.ods"]) {
      const { snapshot } = await validateFile(file);
      const row2 = snapshot.sheets[0]!.values[1]!;
      expect(row2[5]).toEqual({ kind: "date", y: 1985, m: 6, d: 15 });
      expect(typeof row2[4]).toBe("string");
      expect(typeof snapshot.sheets[0]!.values[4]![4]).toBe("number");
    }
  });

  test("the date is the same under TZ=Asia/Shanghai and TZ=America/Los_Angeles (no JavaScript Date in between)", () => {
    const script = `
      const { readWorkbookBuffer } = require(${JSON.stringify(path.join(ROOT, "dist/xlsx/read"))});
      const fs = require("fs");
      readWorkbookBuffer(fs.readFileSync(${JSON.stringify(path.join(DIR, "roster-libreoffice.xls"))}), "r.xls")
        .then(({ snapshot }) => process.stdout.write(JSON.stringify(snapshot.sheets[0].values[1][5])));`;
    for (const tz of ["Asia/Shanghai", "America/Los_Angeles"]) {
      const out = execFileSync(process.execPath, ["-e", script], { env: { ...process.env, TZ: tz } }).toString();
      expect(JSON.parse(out)).toEqual({ kind: "date", y: 1985, m: 6, d: 15 });
    }
  });

  test("Unicode 文本 (UTF-16, tabs): the same people and issues; the numeric ID arrives as 1.10105E+17 text", async () => {
    const source = await validateFile("roster.xlsx");
    const text = await validateFile("roster-unicode.txt");
    expect(sniffFile(fs.readFileSync(path.join(DIR, "roster-unicode.txt")))).toBe("utf16-text");
    expect(text.result.sheets[0]).toMatchObject({ template: "roster", headerRow: 1, dataRows: 5 });
    const expected = issuesOf(source)
      .filter(([sheet]) => sheet === "党员花名册")
      .map(([, rule, cell]) => (rule === "roster.id.numeric" ? ["roster.id.format", cell] : [rule, cell]));
    expect(text.result.issues.map((i) => [i.rule, i.cell])).toEqual(expected);
    expect(text.result.issues.find((i) => i.rule === "roster.id.format")?.params["scientific"]).toBe(true);
  });
});

describe("HTML tables saved as .xls by web systems", () => {
  test.each(["roster-web-gbk.xls", "roster-web-utf8.xls"])(
    "%s: header block, skipped rows, exact issues and dues",
    async (file) => {
      expect(sniffFile(fs.readFileSync(path.join(DIR, file)))).toBe("html");
      const r = await validateFile(file);
      expect(r.result.sheets[0]).toMatchObject({
        template: "roster",
        headerRows: [1, 2],
        dataRows: 5,
        skippedRows: [
          { row: 8, kind: "total" },
          { row: 9, kind: "footer" },
        ],
      });
      expect(r.result.issues.map((i) => [i.rule, i.cell])).toEqual([
        ["roster.id.checksum", "D4"],
        ["roster.gender.mismatch", "C5"],
        ["roster.id.legacy", "D6"],
      ]);
      const roster = r.summary["roster"] as { members: number; duesMonthlyTotal: number };
      expect(roster).toMatchObject({ members: 5, duesMonthlyTotal: 268 });
      expect(r.snapshot.sheets[0]!.values[2]![1]).toBe("张伟");
    },
  );
});

describe("the CLI on other formats and on files that are not spreadsheets", () => {
  test("zhibu validate reads an .xls and exits 1 on its errors", async () => {
    const r = await runCli(["validate", path.join(DIR, "roster-libreoffice.xls"), "--as-of", "2026-11-21"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("身份证号校验位错误");
    expect(r.stderr).toBe("");
  });

  test("an .ods and an HTML export read without noise on stderr", async () => {
    for (const [f, errors] of [
      ["roster-libreoffice.ods", 3],
      ["roster-web-gbk.xls", 2],
    ] as const) {
      const r = await runCli(["validate", path.join(DIR, f), "--as-of", "2026-11-21", "--format", "json"]);
      expect(r.stderr).toBe("");
      expect(JSON.parse(r.stdout).counts.error).toBe(errors);
    }
  });

  test("one line saying what the file really is: PDF, Word, PowerPoint, image, archive", async () => {
    const dir = tempDir();
    const oleWith = (stream: string) => {
      const buf = Buffer.alloc(2048);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf);
      Buffer.from(stream, "utf16le").copy(buf, 1024);
      return buf;
    };
    const docx = new JSZip();
    docx.file("[Content_Types].xml", "<Types/>");
    docx.file("word/document.xml", "<w:document/>");
    const archive = new JSZip();
    archive.file("名单.txt", "张伟");
    const files: Array<[string, Buffer, RegExp]> = [
      ["名单.pdf", fs.readFileSync(path.join(DIR, "not-a-sheet.pdf")), /PDF 文件/],
      ["名单.doc", oleWith("WordDocument"), /Word 文档/],
      ["名单.docx", await docx.generateAsync({ type: "nodebuffer" }), /Word 文档/],
      ["汇报.ppt", oleWith("PowerPoint Document"), /PowerPoint/],
      ["扫描件.xlsx", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), /图片/],
      ["名单.zip", await archive.generateAsync({ type: "nodebuffer" }), /压缩包/],
    ];
    for (const [name, bytes, mention] of files) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const r = await runCli(["validate", file]);
      expectOneLineFailure(r, mention);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

/**
 * A second set made independently (tests/fixtures/formats/more, its own make.sh): an openpyxl roster as LibreOffice
 * .xls, XML Spreadsheet 2003, UTF-16 BE and BOM-less UTF-16 text, a real password-protected .xls and a Word .doc.
 */
describe("an independently made second set of fixtures", () => {
  const MORE = path.join(DIR, "more");
  const read = async (file: string) => {
    const { snapshot } = await readWorkbookBuffer(fs.readFileSync(path.join(MORE, file)), file);
    return validateWorkbook(snapshot, { asOf: AS_OF }).issues.map((i) => [i.rule, i.cell]);
  };

  test.each(["roster.xls", "roster.ods", "roster-2003.xml"])("%s gives the .xlsx source's issues", async (file) => {
    const source = await read("roster.xlsx");
    expect(source).toEqual([
      ["roster.id.checksum", "E4"],
      ["roster.id.numeric", "E6"],
      ["roster.gender.mismatch", "C7"],
    ]);
    expect(await read(file)).toEqual(source);
  });

  test.each(["roster-unicode-be.txt", "roster-unicode-nobom.csv"])(
    "%s (UTF-16 text) too, the numeric ID as shown",
    async (file) => {
      expect(await read(file)).toEqual([
        ["roster.id.checksum", "E4"],
        ["roster.id.format", "E6"],
        ["roster.gender.mismatch", "C7"],
      ]);
    },
  );

  test("a password-protected .xls and a Word .doc: one line each, exit 2", async () => {
    expectOneLineFailure(await runCli(["validate", path.join(MORE, "roster-password.xls")]), /打开密码/);
    expectOneLineFailure(await runCli(["validate", path.join(MORE, "notes.doc")]), /Word 文档/);
  });
});
