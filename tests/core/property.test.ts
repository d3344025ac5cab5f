/**
 * Property tests: arbitrary grids never make the engine throw, every issue points inside its sheet and carries a
 * known rule id, and every issue formats in both languages (SPEC §7: bad input never crashes).
 */
import fc from "fast-check";
import type { CellValue, MergeRange, SheetSnapshot, WorkbookSnapshot } from "../../src/core/types";
import { SEVERITIES } from "../../src/core/types";
import { validateWorkbook } from "../../src/core/engine";
import { ALL_RULE_IDS } from "../../src/core/rules";
import { formatIssue } from "../../src/core/messages";
import { parseAddress } from "../../src/core/address";
import { ALIASES, AS_OF, CANONICAL, REQUIRED_KEYS, ROSTER_FIELDS, date, makeId } from "../helpers/build";

const RUNS = Number(process.env["PROPERTY_RUNS"] ?? 300);

const HEADER_WORDS: string[] = ROSTER_FIELDS.flatMap((k) => [CANONICAL[k], ...ALIASES[k]]);
const HEADER_VARIANTS = fc.oneof(
  fc.constantFrom(...HEADER_WORDS),
  fc.constantFrom(...HEADER_WORDS).map((h) => `${h} *`),
  fc.constantFrom(...HEADER_WORDS).map((h) => `${h}（元）`),
  fc.constantFrom(...HEADER_WORDS).map((h) => h.split("").join("\n")),
  fc.constantFrom(...HEADER_WORDS).map((h) => `\u3000${h}`),
  fc.constantFrom("工号", "家庭住址", "设置", "项目", "值", "统计截止日期", "", "师德师风(20)"),
);

const TEXT_POOL = [
  "男",
  "女",
  "女性",
  "汉",
  "汉族",
  "回族",
  "本科",
  "大专",
  "硕士",
  "中共党员",
  "中共预备党员",
  "正式党员",
  "预备党员",
  "发展对象",
  "入党积极分子",
  "入党申请人",
  "群众",
  "在职",
  "离退休",
  "退休",
  "学生",
  "其他",
  "2019-11-01",
  "2019/11/1",
  "2019.11.1",
  "2019年11月1日",
  "20191101",
  "2019.11",
  "2019年11月",
  "１９９３年６月２８日",
  "2019-02-30",
  "2019-13-01",
  "2026-12-31",
  "4500",
  "４５００",
  "4,500",
  "¥45元",
  "-3",
  "1e5",
  "13812345678",
  "010-12345678",
  "(021)12345678",
  "0571-8888888",
  "1381234567",
  "110105491231002",
  "11010519491231002X",
  "11010519491231002x",
  "110105194912310020",
  "  ",
  "\u3000",
  "\u200B",
  " 张伟 ",
  "张\u3000伟",
  "阿依古丽·买买提",
  "#N/A",
  "TRUE",
  "20%",
  "1/5",
  "0.2",
  "abc",
  "",
  "\t\n",
  "统计截止日期",
  "到会率预警线",
  "考核优秀比例上限",
  "年度",
  "加分上限",
];

const ERROR_CODES = ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"];

const idArb = fc
  .record({
    y: fc.integer({ min: 1900, max: 2030 }),
    m: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ y, m, d, seq }) =>
    makeId(`${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}`, String(seq).padStart(3, "0")),
  );

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.constantFrom(...TEXT_POOL) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HEADER_WORDS) },
  { weight: 2, arbitrary: idArb },
  {
    weight: 1,
    arbitrary: idArb.map((s) => s.toLowerCase().replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))),
  },
  { weight: 2, arbitrary: fc.integer({ min: -100000, max: 100000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 19000101, max: 20301231 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.double({ min: 1000, max: 9999.99, noNaN: true }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(110105198506151230, 13812345678, 2958465, 2958466, 0, -0, 1e21, Number.MAX_SAFE_INTEGER),
  },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 2,
    arbitrary: fc
      .record({
        y: fc.integer({ min: -10, max: 12000 }),
        m: fc.integer({ min: -1, max: 14 }),
        d: fc.integer({ min: -1, max: 33 }),
      })
      .map(({ y, m, d }) => date(y, m, d)),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        y: fc.integer({ min: 1940, max: 2030 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 0, max: 28 }),
      })
      .map(({ y, m, d }) => date(y, m, d)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...ERROR_CODES).map((code) => ({ kind: "error" as const, code })),
  },
);

const HEADER_SET = new Set(HEADER_WORDS);
/** Cells that cannot be taken for a roster header. */
const dataCellArb = cellArb.filter((v) => typeof v !== "string" || !HEADER_SET.has(v.trim()));

const mergeArb: fc.Arbitrary<MergeRange> = fc
  .record({
    top: fc.integer({ min: -2, max: 40 }),
    left: fc.integer({ min: -2, max: 30 }),
    h: fc.integer({ min: -2, max: 8 }),
    w: fc.integer({ min: -1, max: 4 }),
  })
  .map(({ top, left, h, w }) => ({
    top,
    left,
    bottom: top + h,
    right: left + w,
  }));

interface GenSheet {
  readonly sheet: SheetSnapshot;
}

const sheetArb: fc.Arbitrary<GenSheet> = fc
  .record({
    name: fc.oneof(fc.constantFrom("党员花名册", "Sheet1", "设置", " 设置 ", "名册"), fc.string({ maxLength: 6 })),
    width: fc.integer({ min: 0, max: 25 }),
    rows: fc.array(fc.array(cellArb, { maxLength: 25 }), { maxLength: 30 }),
    header: fc.option(
      fc.record({
        at: fc.integer({ min: 0, max: 12 }),
        cells: fc.array(fc.option(HEADER_VARIANTS, { nil: null }), {
          minLength: 1,
          maxLength: 25,
        }),
      }),
      { nil: null },
    ),
    // Sometimes a properly shaped roster header in random order.
    fullHeader: fc.option(fc.shuffledSubarray([...ROSTER_FIELDS], { minLength: 2 }), { nil: null }),
    merges: fc.array(mergeArb, { maxLength: 6 }),
    originRow: fc.integer({ min: 1, max: 5 }),
    originCol: fc.integer({ min: 1, max: 5 }),
  })
  .map(({ name, width, rows, header, fullHeader, merges, originRow, originCol }) => {
    const values: CellValue[][] = rows.map((r) => r.slice(0, Math.max(width, 1)));
    if (header)
      values.splice(
        Math.min(header.at, values.length),
        0,
        header.cells.map((c) => c ?? null),
      );
    if (fullHeader)
      values.splice(
        Math.min(1, values.length),
        0,
        fullHeader.map((k) => CANONICAL[k]),
      );
    return { sheet: { name, values, originRow, originCol, merges } };
  });

const workbookArb: fc.Arbitrary<WorkbookSnapshot> = fc
  .record({
    sheets: fc.array(sheetArb, { minLength: 1, maxLength: 3 }),
    settings: fc.option(
      fc.array(
        fc.tuple(
          fc.constantFrom(
            "统计截止日期",
            "年度",
            "到会率预警线",
            "考核优秀比例上限",
            "加分上限",
            "优秀分数线",
            "支部名称",
            "未知",
          ),
          cellArb,
        ),
        { maxLength: 8 },
      ),
      {
        nil: null,
      },
    ),
  })
  .map(({ sheets, settings }) => {
    const list: SheetSnapshot[] = sheets.map((s, i) => ({
      ...s.sheet,
      name: `${s.sheet.name}#${i}`,
    }));
    // Keep the special names exact for one of them so the 设置 path is exercised.
    if (sheets[0]?.sheet.name === "设置") list[0] = { ...list[0]!, name: "设置" };
    if (settings && !list.some((s) => s.name === "设置"))
      list.push({
        name: "设置",
        values: [["项目", "值"], ...settings.map(([k, v]) => [k, v])],
      });
    return { name: "random.xlsx", sheets: list };
  });

function sheetBounds(sheet: SheetSnapshot): {
  top: number;
  bottom: number;
  left: number;
  right: number;
} {
  const top = sheet.originRow ?? 1;
  const left = sheet.originCol ?? 1;
  const width = Math.max(1, ...sheet.values.map((r) => r.length));
  return {
    top,
    bottom: top + sheet.values.length - 1,
    left,
    right: left + width - 1,
  };
}

describe("validateWorkbook on random grids", () => {
  const known = new Set(ALL_RULE_IDS);

  test("never throws; issues point inside their sheet, have known ids and format in both languages", () => {
    fc.assert(
      fc.property(workbookArb, fc.boolean(), (wb, fixedAsOf) => {
        const result = validateWorkbook(wb, fixedAsOf ? { asOf: AS_OF } : { today: AS_OF });
        expect(result.sheets.length).toBe(wb.sheets.length);
        let errors = 0;
        let warnings = 0;
        let infos = 0;
        for (const issue of result.issues) {
          expect(known.has(issue.rule)).toBe(true);
          expect(SEVERITIES).toContain(issue.severity);
          const sheet = wb.sheets.find((s) => s.name === issue.sheet);
          expect(sheet).toBeDefined();
          if (issue.cell === null) {
            expect(issue.row).toBeNull();
          } else {
            const a = parseAddress(issue.cell);
            expect(a).not.toBeNull();
            const b = sheetBounds(sheet!);
            expect(a!.row).toBe(issue.row);
            expect(a!.row).toBeGreaterThanOrEqual(b.top);
            expect(a!.row).toBeLessThanOrEqual(b.bottom);
            expect(a!.col).toBeGreaterThanOrEqual(b.left);
            expect(a!.col).toBeLessThanOrEqual(b.right);
          }
          for (const lang of ["zh-CN", "en"] as const) {
            const text = formatIssue(issue, lang);
            expect(typeof text).toBe("string");
            expect(text.length).toBeGreaterThan(0);
            expect(text).not.toMatch(/undefined|\[object/);
          }
          if (issue.severity === "error") errors++;
          else if (issue.severity === "warning") warnings++;
          else infos++;
        }
        expect(result.counts).toEqual({
          error: errors,
          warning: warnings,
          info: infos,
        });
        for (const report of result.sheets) {
          if (report.template === null) expect(report.dataRows).toBe(0);
          if (report.headerRow !== null) {
            const sheet = wb.sheets.find((s) => s.name === report.sheet)!;
            const b = sheetBounds(sheet);
            expect(report.headerRow).toBeGreaterThanOrEqual(b.top);
            expect(report.headerRow).toBeLessThanOrEqual(b.bottom);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  test("is deterministic and does not mutate its input", () => {
    fc.assert(
      fc.property(workbookArb, (wb) => {
        const before = JSON.stringify(wb);
        const a = validateWorkbook(wb, { asOf: AS_OF });
        const b = validateWorkbook(wb, { asOf: AS_OF });
        expect(JSON.stringify(wb)).toBe(before);
        expect(b.issues).toEqual(a.issues);
        expect(b.sheets).toEqual(a.sheets);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  test("roster-shaped random sheets are recognised and their row issues sit on data rows below the header", () => {
    const rosterArb = fc
      .record({
        fields: fc
          .shuffledSubarray([...ROSTER_FIELDS], { minLength: 4 })
          .filter((f) => REQUIRED_KEYS.filter((k) => f.includes(k)).length >= 3),
        rows: fc.array(fc.array(dataCellArb, { minLength: 20, maxLength: 20 }), { maxLength: 20 }),
        above: fc.integer({ min: 0, max: 9 }),
      })
      .map(({ fields, rows, above }) => {
        const values: CellValue[][] = [];
        for (let i = 0; i < above; i++) values.push([`说明${i}`]);
        values.push(fields.map((k) => CANONICAL[k]));
        for (const r of rows) values.push(r.slice(0, fields.length));
        return {
          headerRow: above + 1,
          width: fields.length,
          sheet: { name: "花名册", values } as SheetSnapshot,
        };
      });
    fc.assert(
      fc.property(rosterArb, ({ headerRow, width, sheet }) => {
        const result = validateWorkbook({ name: "r.xlsx", sheets: [sheet] }, { asOf: AS_OF });
        expect(result.sheets[0]).toMatchObject({
          template: "roster",
          headerRow,
        });
        for (const issue of result.issues) {
          if (issue.row === null) continue;
          const a = parseAddress(issue.cell!)!;
          expect(a.col).toBeLessThanOrEqual(width);
          if (issue.rule.startsWith("header.")) expect(issue.row).toBe(headerRow);
          else expect(issue.row).toBeGreaterThan(headerRow);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
