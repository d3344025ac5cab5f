/**
 * The fast .xlsx reader (src/xlsx/fast/) gives the same snapshot as exceljs's `xlsx.load` + `snapshotWorkbook`
 * for the sample workbooks, a generated template workbook and a hand-built workbook of edge cases; markup that
 * exceljs cannot read (namespace prefixes, cells without `r`, inline strings, `t="d"`, 1904 dates, East Asian
 * built-in date formats, phonetic runs) is checked against values written here; corrupt packages throw.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import fc from "fast-check";
import type { CellValue, WorkbookSnapshot } from "../../src/core/types";
import { snapshotWorkbook } from "../../src/xlsx/read";
import { readXlsx, isDateFormatCode, serialToDate } from "../../src/xlsx/fast/read-xlsx";
import { ZipReader } from "../../src/xlsx/fast/zip";
import { recalcOnLoad } from "../../src/xlsx/formulas/recalc-on-load";
import { attr, decodeEntities, decodeOoxmlEscapes, localName, parseAttributes } from "../../src/xlsx/fast/xml";
import { buildTemplateWorkbook } from "../../src/xlsx/write-template";
import { TEMPLATES } from "../../src/core/templates/index";
import { sampleRows } from "../../src/core/samples/index";
import { AS_OF } from "../helpers/build";

const SAMPLES = path.join(__dirname, "../fixtures/samples");

async function viaExceljs(buf: Buffer, name: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return snapshotWorkbook(wb, name, false, { recalc: await recalcOnLoad(buf) });
}

async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const date = (y: number, m: number, d: number): CellValue => ({ kind: "date", y, m, d });
const error = (code: string): CellValue => ({ kind: "error", code });
const formula = (text: string, isDate = false): CellValue =>
  isDate ? { kind: "formula", formula: text, date: true } : { kind: "formula", formula: text };

describe("same snapshot as exceljs", () => {
  const files = fs.readdirSync(SAMPLES).filter((f) => /\.xlsx$/i.test(f));

  test("there are sample workbooks to compare", () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  test.each(files)("sample %s", async (file) => {
    const buf = fs.readFileSync(path.join(SAMPLES, file));
    const fast = readXlsx(buf, file);
    expect(fast).toEqual(await viaExceljs(buf, file));
    expect(fast.sheets.length).toBeGreaterThan(0);
  });

  test("a template workbook with 300 sample rows per template", async () => {
    const rows: Record<string, Record<string, CellValue>[]> = {};
    for (const t of TEMPLATES) rows[t.id] = sampleRows(t.id, 300, { seed: 7, asOf: AS_OF });
    const wb = buildTemplateWorkbook({ templates: TEMPLATES, branch: "第十一中学党支部", rows, asOf: AS_OF });
    const buf = await bufferOf(wb);
    const fast = readXlsx(buf, "模板.xlsx");
    expect(fast).toEqual(await viaExceljs(buf, "模板.xlsx"));
    const longest = Math.max(...fast.sheets.map((s) => s.values.length));
    expect(longest).toBeGreaterThanOrEqual(300);
    // Dates written by the template come back as dates.
    const hasDate = fast.sheets.some((s) =>
      s.values.some((r) => r.some((v) => typeof v === "object" && v !== null && v.kind === "date")),
    );
    expect(hasDate).toBe(true);
  });

  test("a hand-built workbook of edge cases", async () => {
    const wb = new ExcelJS.Workbook();
    // Sheets in a non-alphabetical order with Chinese names; one without any cells.
    const main = wb.addWorksheet("花名册");
    wb.addWorksheet("空表");
    const other = wb.addWorksheet("Ａ说明");
    const last = wb.addWorksheet("设置");

    main.getCell("A1").value = "第十一中学党支部党员花名册";
    main.mergeCells("A1:F1");
    main.getRow(2).values = ["姓名", "入党日期", "金额", "编号", "链接", "备注"];
    main.getCell("A3").value = { richText: [{ text: "张", font: { bold: true } }, { text: "三丰" }] };
    main.getCell("B3").value = new Date(Date.UTC(2019, 10, 1));
    main.getCell("B3").numFmt = 'yyyy"年"m"月"d"日"';
    main.getCell("C3").value = 3.14159;
    main.getCell("C3").numFmt = "0.00";
    main.getCell("D3").value = "00123";
    main.getCell("D3").numFmt = "@";
    main.getCell("E3").value = { text: "学校主页", hyperlink: "https://example.com/学校" };
    main.getCell("F3").value = "  前后空格  ";
    main.getCell("A4").value = { formula: "C3*2", result: 6.28318 };
    main.getCell("B4").value = { formula: 'CONCAT("甲","乙")', result: "甲乙" };
    main.getCell("C4").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    main.getCell("D4").value = { formula: "NOW()" }; // no cached result
    main.getCell("E4").value = true;
    main.getCell("F4").value = false;
    main.getCell("A5").value = 1;
    main.getCell("A6").value = 2;
    main.getCell("A7").value = 3;
    main.fillFormula("B5:B7", "A5*10", [10, 20, 30]); // a shared formula
    main.getCell("C5").value = "ＡＢＣ１２３　全角";
    main.getCell("C6").value = "党员😀👍🏽𠀀";
    main.getCell("C7").value = `&<>"' <b>不是标签</b> &amp;`;
    main.getCell("D5").value = "第一行\n第二行";
    main.getCell("D6").value = "\t制表符开头";
    main.getCell("D7").value = "#N/A";
    main.getCell("E5").value = { error: "#REF!" };
    main.getCell("E6").value = -0.000123;
    main.getCell("E7").value = 0.1 + 0.2;
    main.getCell("F5").value = 123456789012345680000;
    main.getCell("F6").value = -42;
    main.getCell("F7").value = 1e-20;
    main.getCell("B8").value = { formula: "B3+1", result: new Date(Date.UTC(2019, 10, 2)) };
    main.getCell("B8").numFmt = "yyyy-mm-dd";
    main.getCell("C8").value = new Date(Date.UTC(1988, 1, 29, 18, 30));
    main.getCell("C8").numFmt = "yyyy/m/d h:mm";
    // Merged ranges across rows and columns, with a value only in the top-left cell.
    main.getCell("A9").value = "合并";
    main.mergeCells("A9:B11");
    main.getCell("D9").value = "竖";
    main.mergeCells("D9:D12");
    // Empty rows in the middle, a styled empty cell, then more data.
    main.getCell("C14").numFmt = "0.00";
    main.getCell("C14").border = { top: { style: "thin" } };
    main.getCell("H16").value = "远处";
    main.getCell("A17").value = 45000;
    main.getCell("A17").numFmt = "mm-dd-yy";

    other.getCell("B2").value = "说明：&amp; 不是实体";
    other.getCell("A4").value = 1;
    last.getCell("A1").value = "统计截止日期";
    last.getCell("B1").value = new Date(Date.UTC(2026, 10, 21));
    last.getCell("B1").numFmt = "yyyy-mm-dd";
    last.mergeCells("C3:E3");

    const buf = await bufferOf(wb);
    const fast = readXlsx(buf, "边界.xlsx");
    const slow = await viaExceljs(buf, "边界.xlsx");
    expect(fast).toEqual(slow);

    // And the shared snapshot is the right one.
    expect(fast.sheets.map((s) => s.name)).toEqual(["花名册", "空表", "Ａ说明", "设置"]);
    const v = fast.sheets[0]!.values;
    expect(v[0]).toEqual(["第十一中学党支部党员花名册", null, null, null, null, null]);
    expect(v[2]).toEqual(["张三丰", date(2019, 11, 1), 3.14159, "00123", "学校主页", "  前后空格  "]);
    expect(v[3]).toEqual([6.28318, "甲乙", error("#DIV/0!"), formula("NOW()"), true, false]);
    expect(v[4]).toEqual([1, 10, "ＡＢＣ１２３　全角", "第一行\n第二行", error("#REF!"), 123456789012345680000]);
    expect(v[5]).toEqual([2, 20, "党员😀👍🏽𠀀", "\t制表符开头", -0.000123, -42]);
    expect(v[6]).toEqual([3, 30, `&<>"' <b>不是标签</b> &amp;`, error("#N/A"), 0.1 + 0.2, 1e-20]);
    expect(v[7]).toEqual([null, date(2019, 11, 2), date(1988, 2, 29)]);
    expect(v[8]).toEqual(["合并", null, null, "竖"]);
    expect(v[9]).toEqual([null, null, null, null]);
    expect(v[11]).toEqual([null, null, null, null]);
    expect(v[12]).toEqual([]);
    expect(v[13]).toEqual([]); // a styled cell without a value is not a cell
    expect(v[15]).toEqual([null, null, null, null, null, null, null, "远处"]);
    expect(v[16]).toEqual([date(2023, 3, 15)]);
    expect(v).toHaveLength(17);
    expect(fast.sheets[0]!.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 6 },
      { top: 9, left: 1, bottom: 11, right: 2 },
      { top: 9, left: 4, bottom: 12, right: 4 },
    ]);
    expect(fast.sheets[1]).toEqual({ name: "空表", values: [], originRow: 1, originCol: 1, merges: [] });
    expect(fast.sheets[2]!.values).toEqual([[], [null, "说明：&amp; 不是实体"], [], [1]]);
    expect(fast.sheets[3]!.values).toEqual([["统计截止日期", date(2026, 11, 21)], [], [null, null, null, null, null]]);
  });

  test("a 4,000-row sheet of mixed values", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("大表");
    for (let r = 1; r <= 4000; r++) {
      const row = ws.getRow(r);
      row.getCell(1).value = `党员${r}号`;
      row.getCell(2).value = r * 1.5;
      if (r % 3 === 0) row.getCell(4).value = new Date(Date.UTC(1950 + (r % 70), r % 12, 1 + (r % 28)));
      row.getCell(4).numFmt = "yyyy-mm-dd";
      if (r % 7 === 0) row.getCell(6).value = r % 2 === 0;
      if (r % 11 === 0) row.getCell(3).value = { formula: `B${r}+1`, result: r * 1.5 + 1 };
    }
    const buf = await bufferOf(wb);
    expect(readXlsx(buf, "大表.xlsx")).toEqual(await viaExceljs(buf, "大表.xlsx"));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Random workbooks written by exceljs read the same both ways.

type Setter = (cell: ExcelJS.Cell) => void;

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.constantFrom("#N/A", "#REF!", " 前后 ", "党员😀", "a\r\nb", "x\ry", "&amp;", "_x0041_", "<t>", "1e5", "007"),
);
/** Control characters exceljs leaves out when it writes text: a result of only these is written empty. */
const XML_DROPPED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const DATE_FORMATS = ["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "m/d/yy", "yyyy/m/d h:mm", "[$-804]yyyy年m月"];
const NUMBER_FORMATS = ["0.00", "#,##0", "@", "0%", '#,##0.00"元"', "General"];
const excelDate = fc.date({
  min: new Date(Date.UTC(1900, 2, 1)),
  max: new Date(Date.UTC(2199, 11, 31)),
  noInvalidDate: true,
});
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.integer({ min: 0, max: 100000 }).map((n) => n / 100),
);

const setter: fc.Arbitrary<Setter> = fc.oneof(
  text.map(
    (v): Setter =>
      (c) =>
        void (c.value = v),
  ),
  number.map(
    (v): Setter =>
      (c) =>
        void (c.value = v),
  ),
  fc.tuple(number, fc.constantFrom(...NUMBER_FORMATS)).map(([v, f]): Setter => (c) => {
    c.value = v;
    c.numFmt = f;
  }),
  fc.boolean().map(
    (v): Setter =>
      (c) =>
        void (c.value = v),
  ),
  fc.tuple(excelDate, fc.constantFrom(...DATE_FORMATS)).map(([v, f]): Setter => (c) => {
    c.value = v;
    c.numFmt = f;
  }),
  fc.array(text, { minLength: 1, maxLength: 3 }).map(
    (parts): Setter =>
      (c) =>
        void (c.value = { richText: parts.map((t) => ({ text: t })) }),
  ),
  fc.tuple(text, fc.webUrl()).map(
    ([t, url]): Setter =>
      (c) =>
        void (c.value = { text: t, hyperlink: url }),
  ),
  // Left out, as exceljs gets them wrong (see the deviations below): falsy results (0, false, ""), which it drops,
  // and text results holding "&amp;"-like text, which it decodes a second time.
  fc
    .oneof(
      number,
      text,
      fc.boolean(),
      fc.constantFrom("#N/A", "#DIV/0!").map((e) => ({ error: e })),
    )
    .filter((r) => Boolean(r) && !(typeof r === "string" && (/&[a-z]*;/.test(r) || r.replace(XML_DROPPED, "") === "")))
    .map(
      (result): Setter =>
        (c) =>
          void (c.value = { formula: "A1", result } as ExcelJS.CellFormulaValue),
    ),
  fc.tuple(number, fc.constantFrom(...DATE_FORMATS)).map(([v, f]): Setter => (c) => {
    c.value = { formula: "TODAY()", result: (Math.abs(v) % 80000) + 61 };
    c.numFmt = f;
  }),
  fc.constant<Setter>((c) => {
    c.value = { formula: "NOW()" } as ExcelJS.CellFormulaValue;
  }),
  fc
    .tuple(fc.constantFrom("DATE(2020,1,2)", 'B1&"号"', "ROW()-1"), fc.constantFrom(...DATE_FORMATS, "0.00"))
    .map(([f, fmt]): Setter => (c) => {
      c.value = { formula: f } as ExcelJS.CellFormulaValue;
      c.numFmt = fmt;
    }),
  fc.constant<Setter>((c) => {
    c.numFmt = "0.00";
    c.border = { left: { style: "thin" } };
  }),
  fc.constantFrom("#NAME?", "#VALUE!").map(
    (e): Setter =>
      (c) =>
        void (c.value = { error: e } as ExcelJS.CellErrorValue),
  ),
);

const range = fc.record({
  row: fc.integer({ min: 1, max: 30 }),
  col: fc.integer({ min: 1, max: 10 }),
  h: fc.integer({ min: 0, max: 3 }),
  w: fc.integer({ min: 0, max: 3 }),
});
const sheetSpec = fc.record({
  cells: fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), setter), {
    maxLength: 60,
  }),
  merges: fc.array(range, { maxLength: 4 }),
  // A filled-down (shared) formula, with or without results.
  shared: fc.option(
    fc.record({
      row: fc.integer({ min: 1, max: 30 }),
      col: fc.integer({ min: 1, max: 10 }),
      h: fc.integer({ min: 1, max: 5 }),
      formula: fc.constantFrom("A1*10", "SUM($A1:B1)+C$2", 'IF(A1="B2",1,Z9)', "'Sheet 1'!A1&ROW()"),
      results: fc.boolean(),
    }),
    { nil: undefined },
  ),
});
const SHEET_NAMES = ["花名册", "说明", "设置", "Ａ表", "Sheet 1", "乙", "甲&乙", "引'号"];

test("random exceljs workbooks read the same both ways", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(sheetSpec, { minLength: 1, maxLength: 3 }),
      fc.boolean(),
      fc.boolean(),
      async (specs, date1904, recalc) => {
        const wb = new ExcelJS.Workbook();
        if (date1904) wb.properties.date1904 = true;
        if (recalc) wb.calcProperties.fullCalcOnLoad = true;
        specs.forEach((spec, i) => {
          const ws = wb.addWorksheet(SHEET_NAMES[(i * 3 + spec.cells.length) % SHEET_NAMES.length] + String(i));
          // One setter per cell: a style left by an earlier one would mix in the known date-format deviation.
          const sh = spec.shared;
          const inShared = (r: number, c: number) =>
            sh !== undefined && c === sh.col && r >= sh.row && r < sh.row + sh.h;
          const byAddress = new Map(
            spec.cells
              .filter(([r, c]) => !inShared(r, c))
              .map(([r, c, set]) => [`${r},${c}`, () => set(ws.getCell(r, c))]),
          );
          for (const set of byAddress.values()) set();
          if (sh !== undefined) {
            const cells = `${ws.getCell(sh.row, sh.col).address}:${ws.getCell(sh.row + sh.h - 1, sh.col).address}`;
            ws.fillFormula(cells, sh.formula, sh.results ? Array.from({ length: sh.h }, (_, i) => i + 1) : undefined);
          }
          const taken: { top: number; left: number; bottom: number; right: number }[] = [];
          if (sh !== undefined) taken.push({ top: sh.row, left: sh.col, bottom: sh.row + sh.h - 1, right: sh.col });
          for (const m of spec.merges) {
            const box = { top: m.row, left: m.col, bottom: m.row + m.h, right: m.col + m.w };
            if (
              m.h + m.w === 0 ||
              taken.some(
                (t) => t.top <= box.bottom && box.top <= t.bottom && t.left <= box.right && box.left <= t.right,
              )
            )
              continue;
            taken.push(box);
            ws.mergeCells(box.top, box.left, box.bottom, box.right);
          }
        });
        const buf = await bufferOf(wb);
        expect(readXlsx(buf, "随机.xlsx")).toEqual(await viaExceljs(buf, "随机.xlsx"));
      },
    ),
    { numRuns: Number(process.env["FAST_READ_RUNS"] ?? 40) },
  );
});

// ---------------------------------------------------------------------------------------------------------------
// A tiny ZIP writer for hand-written packages.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface ZipInput {
  readonly name: string;
  readonly data: string | Buffer;
  readonly store?: boolean;
  /** Raw name bytes without the UTF-8 flag (code page 437). */
  readonly cp437?: Buffer;
}

function zip(entries: readonly ZipInput[], comment = ""): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : e.data;
    const body = e.store ? data : zlib.deflateRawSync(data);
    const name = e.cp437 ?? Buffer.from(e.name, "utf8");
    const flags = e.cp437 ? 0 : 0x800;
    const method = e.store ? 0 : 8;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const extra = Buffer.from([0xfe, 0xca, 0, 0]); // a local extra field the central one does not have
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + extra.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const commentBuf = Buffer.from(comment, "utf8");
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  eocd.writeUInt16LE(commentBuf.length, 20);
  return Buffer.concat([...locals, cd, eocd, commentBuf]);
}

const NS =
  'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function handWrittenPackage(opts: { date1904?: boolean; comment?: string } = {}): Buffer {
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:workbook ${NS}>
  <x:workbookPr${opts.date1904 ? ' date1904="1"' : ""}/>
  <x:sheets>
    <x:sheet name="第二张 &amp; 表" sheetId="2" r:id="rId2"/>
    <x:sheet name="图表" sheetId="3" r:id="rId5"/>
    <x:sheet name="第一张" sheetId="1" r:id="rId1"/>
  </x:sheets>
</x:workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
  <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data2.xml"/>
  <Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>
  <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
  <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>`;
  const styles = `<?xml version="1.0" encoding="UTF-8"?>
<x:styleSheet ${NS}>
  <x:numFmts count="4">
    <x:numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>
    <x:numFmt numFmtId="165" formatCode="[h]:mm:ss"/>
    <x:numFmt numFmtId="166" formatCode="#,##0.00&quot;元&quot;;[Red]-#,##0.00&quot;元&quot;"/>
    <x:numFmt numFmtId="167" formatCode="[$-804]yyyy/m/d\\ h:mm"/>
  </x:numFmts>
  <x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs>
  <x:cellXfs count="9">
    <x:xf numFmtId="0" fontId="0"/>
    <x:xf numFmtId="164" applyNumberFormat="1"/>
    <x:xf numFmtId="57" applyNumberFormat="1"/>
    <x:xf numFmtId="58" applyNumberFormat="1"/>
    <x:xf numFmtId="165" applyNumberFormat="1"/>
    <x:xf numFmtId="166" applyNumberFormat="1"/>
    <x:xf numFmtId="14" applyNumberFormat="1"><x:alignment horizontal="center"/></x:xf>
    <x:xf numFmtId="20"/>
    <x:xf numFmtId="167"/>
  </x:cellXfs>
  <x:dxfs count="1"><x:dxf><x:numFmt numFmtId="14" formatCode="0.00"/></x:dxf></x:dxfs>
</x:styleSheet>`;
  const shared = `<?xml version="1.0" encoding="UTF-8"?>
<x:sst ${NS} count="7" uniqueCount="7">
  <x:si><x:t>姓名</x:t></x:si>
  <x:si><x:t>東京</x:t><x:rPh sb="0" eb="2"><x:t>トウキョウ</x:t></x:rPh><x:phoneticPr fontId="1"/></x:si>
  <x:si><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">红 </x:t></x:r><x:r><x:t>旗</x:t></x:r><x:rPh sb="0" eb="1"><x:t>hong</x:t></x:rPh></x:si>
  <x:si><x:t>a &lt;b&gt; &amp;amp; &#x1F600; &#20826; _x000D_ end</x:t></x:si>
  <x:si><x:t/></x:si>
  <x:si><x:t>#N/A</x:t></x:si>
  <x:si><x:t><![CDATA[<原样>]]></x:t></x:si>
</x:sst>`;
  // Sheet "第一张": prefixed elements, rows and cells without r, inline strings, t="d", styles.
  const sheet1 = `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet ${NS}>
  <x:dimension ref="A1:E9"/>
  <x:sheetData>
    <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c></x:row>
    <x:row><x:c t="s"><x:v>3</x:v></x:c><x:c t="s"><x:v>4</x:v></x:c><x:c s="5"/><x:c t="s"><x:v>5</x:v></x:c><x:c t="s"><x:v>6</x:v></x:c></x:row>
    <x:row r="4">
      <x:c r="A4" t="inlineStr"><x:is><x:t xml:space="preserve"> 内联 </x:t></x:is></x:c>
      <x:c t="inlineStr"><x:is><x:r><x:t>富</x:t></x:r><x:r><x:t>文本</x:t></x:r></x:is></x:c>
      <x:c r="D4" t="d"><x:v>2024-02-29T00:00:00</x:v></x:c>
      <x:c t="b"><x:v>1</x:v></x:c>
      <x:c t="e"><x:v>#NAME?</x:v></x:c>
    </x:row>
    <x:row r="5">
      <x:c r="A5" s="1"><x:v>45000</x:v></x:c>
      <x:c r="B5" s="2"><x:v>45000</x:v></x:c>
      <x:c r="C5" s="3"><x:v>45000</x:v></x:c>
      <x:c r="D5" s="4"><x:v>1.5</x:v></x:c>
      <x:c r="E5" s="5"><x:v>1234.5</x:v></x:c>
      <x:c r="F5" s="6"><x:v>45000.75</x:v></x:c>
      <x:c r="G5" s="7"><x:v>0.5</x:v></x:c>
      <x:c r="H5" s="8"><x:v>45000.25</x:v></x:c>
    </x:row>
    <x:row r="7" spans="1:3">
      <x:c r="A7" s="1"><x:f>TODAY()</x:f><x:v>45001</x:v></x:c>
      <x:c r="B7" t="str"><x:f>A7&amp;""</x:f><x:v>x &amp;lt; y</x:v></x:c>
      <x:c r="C7" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c>
      <x:c r="D7" s="1" t="str"><x:f>TEXT(A7,"yyyy")</x:f><x:v>2023</x:v></x:c>
      <x:c r="E7"><x:f t="shared" si="0" ref="E7:E8">A7+1</x:f></x:c>
    </x:row>
    <x:row r="8"><x:c r="E8"><x:f t="shared" si="0"/><x:v>7</x:v></x:c></x:row>
    <x:row r="9" ht="20" customHeight="1"/>
  </x:sheetData>
  <x:mergeCells count="1"><x:mergeCell ref="B8:C9"/></x:mergeCells>
</x:worksheet>`;
  const sheet2 = `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`;
  return zip(
    [
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "xl/workbook.xml", data: workbook },
      { name: "xl/_rels/workbook.xml.rels", data: rels, store: true },
      { name: "xl/styles.xml", data: styles },
      { name: "xl/sharedStrings.xml", data: shared },
      { name: "xl/worksheets/sheet1.xml", data: sheet1 },
      { name: "xl/worksheets/data2.xml", data: sheet2, store: true },
      { name: "xl/chartsheets/sheet1.xml", data: "<chartsheet/>" },
    ],
    opts.comment,
  );
}

describe("hand-written markup", () => {
  test("prefixes, missing r, inline strings, t=d, CJK date formats, phonetic runs, rels, chart sheets", () => {
    const snap = readXlsx(handWrittenPackage({ comment: "a comment with PK\u0005\u0006 inside" }), "手写.xlsx");
    expect(snap.name).toBe("手写.xlsx");
    expect(snap.sheets.map((s) => s.name)).toEqual(["第二张 & 表", "第一张"]);
    expect(snap.sheets[0]).toEqual({ name: "第二张 & 表", values: [], originRow: 1, originCol: 1, merges: [] });
    const s = snap.sheets[1]!;
    expect(s.merges).toEqual([{ top: 8, left: 2, bottom: 9, right: 3 }]);
    expect(s.values).toEqual([
      ["姓名", "東京", "红 旗"],
      ["a <b> &amp; 😀 党 \r end", "", null, error("#N/A"), "<原样>"],
      [],
      [" 内联 ", "富文本", null, date(2024, 2, 29), true, error("#NAME?")],
      [date(2023, 3, 15), date(2023, 3, 15), date(2023, 3, 15), 1.5, 1234.5, date(2023, 3, 15), 0.5, date(2023, 3, 15)],
      [],
      [date(2023, 3, 16), "x &lt; y", error("#DIV/0!"), "2023", formula("A7+1")],
      [null, null, null, null, 7],
      [null, null, null],
    ]);
  });

  test("date1904 shifts serials by 1462 days", () => {
    const s = readXlsx(handWrittenPackage({ date1904: true }), "1904.xlsx").sheets[1]!;
    expect(s.values[4]![0]).toEqual(date(2027, 3, 16));
    expect(s.values[6]![0]).toEqual(date(2027, 3, 17));
    expect(s.values[4]![3]).toBe(1.5); // [h]:mm:ss is a duration, not a date
  });

  test("a workbook in a package whose names are not UTF-8 flagged (code page 437)", () => {
    const pkg = zip([
      { name: "xl/workbook.xml", data: '<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>' },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      },
      {
        name: "",
        cp437: Buffer.from("xl/worksheets/sheet1.xml", "latin1"),
        data: '<worksheet><sheetData><row r="2"><c r="C2"><v>5</v></c></row></sheetData></worksheet>',
      },
      { name: "", cp437: Buffer.from([0x81, 0x2e, 0x78, 0x6d, 0x6c]), data: "x" },
    ]);
    const z = new ZipReader(pkg);
    expect(z.names()).toContain("ü.xml");
    expect(z.entry("/XL/Workbook.xml")?.toString()).toContain("<sheets>");
    expect(readXlsx(pkg, "cp.xlsx").sheets).toEqual([
      { name: "S", values: [[], [null, null, 5]], originRow: 1, originCol: 1, merges: [] },
    ]);
  });

  test("exceljs cannot read the prefixed package, which is why it is checked by hand", async () => {
    const slow = await viaExceljs(handWrittenPackage(), "手写.xlsx").catch(() => null);
    const fast = readXlsx(handWrittenPackage(), "手写.xlsx");
    expect(slow).not.toEqual(fast);
  });
});

describe("hand-written markup that exceljs reads too", () => {
  test("hyperlinks on empty and #N/A cells, styled empty cells, rows out of order, merges past the last row, xf 0", async () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheetData>
<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" s="1"/><c r="C3" s="1"/><c r="D3" t="s"><v>1</v></c></row>
<row r="1" spans="1:5"><c r="A1"><v>1.25</v></c><c r="B1" s="2"><v>45000</v></c><c r="E1" s="1"/></row>
<row r="2" hidden="1"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>1</v></c><c r="F2" t="n"><v>-7</v></c><c r="G2"><v>  12 </v></c></row>
<row r="5"/>
</sheetData>
<mergeCells count="2"><mergeCell ref="E7:F8"/><mergeCell ref="H2:H3"/></mergeCells>
<hyperlinks><hyperlink ref="C3" r:id="rId1"/><hyperlink ref="D3" r:id="rId1"/><hyperlink ref="B2" location="Sheet1!A1"/><hyperlink ref="A1:B1" r:id="rId1"/></hyperlinks>
</worksheet>`;
    const pkg = zip([
      {
        name: "xl/workbook.xml",
        data: '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>',
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
      },
      {
        name: "xl/styles.xml",
        data: '<styleSheet><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="2"/><xf numFmtId="14"/></cellXfs></styleSheet>',
      },
      { name: "xl/sharedStrings.xml", data: "<sst><si><t>甲</t></si><si><t>#N/A</t></si><si><t>乙</t></si></sst>" },
      { name: "xl/worksheets/sheet1.xml", data: sheet },
      {
        name: "xl/worksheets/_rels/sheet1.xml.rels",
        data: '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/" TargetMode="External"/></Relationships>',
      },
    ]);
    const fast = readXlsx(pkg, "h.xlsx");
    expect(fast).toEqual(await viaExceljs(pkg, "h.xlsx"));
    expect(fast.sheets[0]!.values).toEqual([
      [1.25, date(2023, 3, 15)],
      ["乙", error("#N/A"), null, null, null, -7, 12], // H2 heads a one-column merge: not a cell of its own
      ["甲", null, null, "#N/A", null, null, null, null],
      [],
      [],
      [],
      [null, null, null, null, null, null],
      [null, null, null, null, null, null],
    ]);
  });
});

describe("where the fast reader is right and exceljs is not", () => {
  async function one(
    setup: (ws: ExcelJS.Worksheet) => void,
  ): Promise<{ fast: readonly CellValue[]; slow: readonly CellValue[] }> {
    const wb = new ExcelJS.Workbook();
    setup(wb.addWorksheet("S"));
    const buf = await bufferOf(wb);
    return {
      fast: readXlsx(buf, "x.xlsx").sheets[0]!.values[0]!,
      slow: (await viaExceljs(buf, "x.xlsx")).sheets[0]!.values[0]!,
    };
  }

  test("a time-only format keeps the number (exceljs: 1899-12-30)", async () => {
    const { fast, slow } = await one((ws) => {
      ws.getCell("A1").value = 0.75;
      ws.getCell("A1").numFmt = "h:mm";
    });
    expect(fast).toEqual([0.75]);
    expect(slow).toEqual([date(1899, 12, 30)]);
  });

  test("a formula's cached empty text is kept (exceljs cannot tell it from no result: it is computed later)", async () => {
    const { fast, slow } = await one((ws) => {
      ws.getCell("A1").value = { formula: "B1-B1", result: 0 };
      ws.getCell("B1").value = { formula: "1>2", result: false };
      ws.getCell("C1").value = { formula: 'IF(1,"")', result: "" };
      ws.getCell("D1").value = { formula: "1+1", result: 2 };
    });
    expect(fast).toEqual([0, false, "", 2]);
    expect(slow).toEqual([0, false, formula('IF(1,"")'), 2]);
  });

  test("a formula's text result is decoded once (exceljs: twice)", async () => {
    const { fast, slow } = await one((ws) => {
      ws.getCell("A1").value = { formula: 'T("&lt;")', result: "&lt;b&gt; &amp;" };
    });
    expect(fast).toEqual(["&lt;b&gt; &amp;"]);
    expect(slow).toEqual(["<b> &"]);
  });

  test("a formula's error or text result in a date-formatted cell is kept (exceljs: null, or the text as a serial)", async () => {
    const { fast, slow } = await one((ws) => {
      ws.getCell("A1").value = { formula: "NA()", result: { error: "#N/A" } };
      ws.getCell("B1").value = { formula: 'TEXT(1,"yyyy")', result: "1900" };
      ws.getCell("A1").numFmt = "yyyy-mm-dd";
      ws.getCell("B1").numFmt = "yyyy-mm-dd";
    });
    expect(fast).toEqual([error("#N/A"), "1900"]);
    expect(slow).toEqual([null, date(1905, 3, 14)]); // exceljs takes the text "1900" for a serial
  });
});

describe("corrupt packages throw", () => {
  test("truncated data", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = "x";
    const buf = await bufferOf(wb);
    expect(() => readXlsx(buf.subarray(0, Math.floor(buf.length / 2)), "t.xlsx")).toThrow(
      /ZIP|end of central directory/,
    );
    expect(() => readXlsx(buf.subarray(0, 10), "t.xlsx")).toThrow(Error);
    expect(() =>
      readXlsx(Buffer.from("PK\u0003\u0004 not really a zip at all, just text".repeat(3)), "t.xlsx"),
    ).toThrow(Error);
  });

  test("an entry running past the end of the file", () => {
    const pkg = handWrittenPackage();
    // Cut out the last bytes of the sheet entry's data while keeping the directory: the local data is short.
    const z = new ZipReader(pkg);
    const info = z.info("xl/worksheets/sheet1.xml")!;
    const cdStart = pkg.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const cut = Buffer.concat([pkg.subarray(0, info.localOffset + 60), pkg.subarray(cdStart)]);
    expect(() => readXlsx(cut, "t.xlsx")).toThrow(Error);
  });

  test("a damaged deflate stream", () => {
    const pkg = Buffer.from(handWrittenPackage());
    const info = new ZipReader(pkg).info("xl/worksheets/sheet1.xml")!;
    const dataStart =
      info.localOffset + 30 + pkg.readUInt16LE(info.localOffset + 26) + pkg.readUInt16LE(info.localOffset + 28);
    for (let i = 0; i < 40; i++) pkg[dataStart + 3 + i] = 0xff;
    expect(() => readXlsx(pkg, "t.xlsx")).toThrow(/xl\/worksheets\/sheet1\.xml/);
  });

  test("unsupported compression method and ZIP64", () => {
    const pkg = Buffer.from(handWrittenPackage());
    const cd = pkg.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const bzip = Buffer.from(pkg);
    bzip.writeUInt16LE(12, cd + 10); // the first entry, [Content_Types].xml... and the workbook next
    const wbEntry = bzip.indexOf(Buffer.from("xl/workbook.xml"), cd) - 46;
    bzip.writeUInt16LE(12, wbEntry + 10);
    expect(() => readXlsx(bzip, "t.xlsx")).toThrow(/compression method 12/);
    const bomb = Buffer.from(pkg);
    const wbCentral = bomb.indexOf(Buffer.from("xl/workbook.xml"), cd) - 46;
    bomb.writeUInt32LE(0x7fffffff, wbCentral + 24); // an uncompressed size no deflate stream of this length can give
    expect(() => readXlsx(bomb, "t.xlsx")).toThrow(/impossible size/);
    const z64 = Buffer.from(pkg);
    const eocd = z64.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    z64.writeUInt32LE(0xffffffff, eocd + 16);
    expect(() => readXlsx(z64, "t.xlsx")).toThrow(/ZIP64/);
  });

  test("a row or column beyond Excel's limits", () => {
    const pkgWith = (sheetData: string) =>
      zip([
        { name: "xl/workbook.xml", data: '<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>' },
        {
          name: "xl/_rels/workbook.xml.rels",
          data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
        },
        { name: "xl/worksheets/sheet1.xml", data: `<worksheet><sheetData>${sheetData}</sheetData></worksheet>` },
      ]);
    expect(
      readXlsx(pkgWith('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'), "t.xlsx").sheets[0]!.values,
    ).toHaveLength(1048576);
    expect(() => readXlsx(pkgWith('<row r="99999999999"><c><v>1</v></c></row>'), "t.xlsx")).toThrow(/row 99999999999/);
    expect(() => readXlsx(pkgWith('<row r="1"><c r="ZZZZ1"><v>1</v></c></row>'), "t.xlsx")).toThrow(/column/);
  });

  test("a ZIP without xl/workbook.xml", () => {
    const pkg = zip([{ name: "word/document.xml", data: "<w:document/>" }]);
    expect(() => readXlsx(pkg, "t.xlsx")).toThrow(/xl\/workbook\.xml/);
  });
});

describe("helpers", () => {
  test("XML entities, attributes and local names", () => {
    expect(decodeEntities("&amp;&lt;&gt;&quot;&apos;&#123;&#x1F600;&#X41;")).toBe("&<>\"'{😀A");
    expect(decodeEntities("a & b &unknown; &#xD800; &#; &constructor; &amp")).toBe(
      "a & b &unknown; &#xD800; &#; &constructor; &amp",
    );
    expect(decodeOoxmlEscapes("a_x000D_b_x005F_x000D_c_x000d_")).toBe("a\rb_x000D_c_x000d_");
    expect(localName("x:row")).toBe("row");
    expect(localName("row")).toBe("row");
    const a = parseAttributes(`<x:sheet name="甲 &amp; 乙" sheetId='3' r:id="rId1" xml:space="preserve" f="a>b"/>`);
    expect(a).toEqual({ name: "甲 & 乙", sheetId: "3", "r:id": "rId1", "xml:space": "preserve", f: "a>b" });
    expect(attr(a, "id")).toBe("rId1");
    expect(attr(a, "space")).toBe("preserve");
    expect(attr(a, "missing")).toBeUndefined();
  });

  test.each([
    ["yyyy-mm-dd", true],
    ['yyyy"年"m"月"d"日"', true],
    ["[$-804]yyyy年m月d日", true],
    ['[DBNum1][$-804]yyyy"年"m"月"', true],
    ["m/d/yy h:mm", true],
    ["mmm-yy", true],
    ["YYYY/MM/DD", true],
    ["[$-404]e/m/d", true],
    ["h:mm", false],
    ["[h]:mm", false],
    ["[h]:mm:ss", false],
    ["mm:ss.0", false],
    ['h"时"mm"分"', false],
    ["h:mm AM/PM", false],
    ["General", false],
    ["0.00", false],
    ["#,##0.00_);[Red]\\(#,##0.00\\)", false],
    ["0.00E+00", false],
    ['0.0 "days"', false],
    ["@", false],
    ["\\d0", false],
    ['[Red][<=100]0;"大于100"', false],
  ])("date format %s → %s", (code, expected) => {
    expect(isDateFormatCode(code)).toBe(expected);
  });

  test("serials to dates", () => {
    expect(serialToDate(45000, false)).toEqual(date(2023, 3, 15));
    expect(serialToDate(45000.9999999999, false)).toEqual(date(2023, 3, 16)); // rounded to the millisecond, as exceljs
    expect(serialToDate(60, false)).toEqual(date(1900, 2, 28)); // Excel's phantom 29 February has no CellDate
    expect(serialToDate(61, false)).toEqual(date(1900, 3, 1));
    expect(serialToDate(1, false)).toEqual(date(1900, 1, 1));
    expect(serialToDate(0, false)).toBeNull();
    expect(serialToDate(0, true)).toEqual(date(1904, 1, 1));
    expect(serialToDate(3e6, false)).toBeNull();
    expect(serialToDate(NaN, false)).toBeNull();
  });
});

describe("formulas without a result", () => {
  async function both(setup: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void): Promise<WorkbookSnapshot> {
    const wb = new ExcelJS.Workbook();
    setup(wb, wb.addWorksheet("S"));
    const buf = await bufferOf(wb);
    const fast = readXlsx(buf, "f.xlsx");
    expect(fast).toEqual(await viaExceljs(buf, "f.xlsx"));
    return fast;
  }

  test("a filled-down formula gives each cell its own references; a date-formatted one says so", async () => {
    const snap = await both((_wb, ws) => {
      ws.getCell("A1").value = 1;
      ws.fillFormula("B1:B3", 'SUM($A1:A$1)+LEN("A1")+Other!C1');
      ws.getCell("C1").value = { formula: "DATE(2020,1,2)" } as ExcelJS.CellFormulaValue;
      ws.getCell("C1").numFmt = "yyyy-mm-dd";
      ws.getCell("D1").value = { formula: "1+1", result: 2 };
    });
    const v = snap.sheets[0]!.values;
    expect(v.map((r) => r[1])).toEqual([
      formula('SUM($A1:A$1)+LEN("A1")+Other!C1'),
      formula('SUM($A2:A$1)+LEN("A1")+Other!C2'),
      formula('SUM($A3:A$1)+LEN("A1")+Other!C3'),
    ]);
    expect(v[0]![2]).toEqual(formula("DATE(2020,1,2)", true));
    expect(v[0]![3]).toBe(2);
  });

  test("with fullCalcOnLoad no cached result is trusted", async () => {
    const snap = await both((wb, ws) => {
      wb.calcProperties.fullCalcOnLoad = true;
      ws.getCell("A1").value = 5;
      ws.getCell("B1").value = { formula: "A1*2", result: 0 };
      ws.fillFormula("C1:C2", "A1+1", [0, 0]);
    });
    expect(snap.sheets[0]!.values).toEqual([
      [5, formula("A1*2"), formula("A1+1")],
      [null, null, formula("A2+1")],
    ]);
  });
});
