/**
 * Sample data (SPEC §5 `--sample N`): realistic, valid, invented roster rows. Validity is checked by running the
 * real engine over the rows and by independent checks here (check character computed by the test helper).
 */
import type { CellDate, CellValue, Issue } from "../../src/core/types";
import { createRandom, mulberry32 } from "../../src/core/samples/random";
import { dateOfDay, dayOfDate, plusYears, sampleRosterRows } from "../../src/core/samples/roster";
import { SAMPLE_GENERATORS, sampleRows } from "../../src/core/samples";
import { addYears, dayNumber, fromDayNumber } from "../../src/core/dates";
import { ETHNICITIES } from "../../src/core/templates/ethnicities";
import { AS_OF, ROSTER_FIELDS, date, mod112, rosterSheet, ruleIds, validate, workbook } from "../helpers/build";

const MEMBERS = ["正式党员", "预备党员"];
const CATEGORIES = ["正式党员", "预备党员", "发展对象", "入党积极分子", "入党申请人"];
const EDUCATION = ["研究生", "大学本科", "大学专科", "中专", "高中", "初中及以下"];

function isDate(v: CellValue | undefined): v is CellDate {
  return typeof v === "object" && v !== null && (v as { kind?: string }).kind === "date";
}

function days(d: CellDate): number {
  return dayNumber(d);
}

function summarise(issues: readonly Issue[]): string {
  return issues
    .slice(0, 8)
    .map((i) => `${i.rule}@${i.cell}`)
    .join(", ");
}

/** Dues by SPEC §3 (flat rate, half-up to cents) for whole-yuan bases, written independently of src/core/dues.ts. */
function specDues(base: number, employment: string): number {
  let permille: number;
  if (employment === "在职") permille = base <= 3000 ? 5 : base <= 5000 ? 10 : base <= 10000 ? 15 : 20;
  else if (employment === "离退休") permille = base <= 5000 ? 5 : 10;
  else return 0.2;
  // base × permille / 1000 yuan = base × permille / 10 cents, rounded half-up.
  return Math.floor((base * permille + 5) / 10) / 100;
}

describe("random", () => {
  test("mulberry32 matches the reference algorithm (Math.imul) and is deterministic", () => {
    const reference = (seed: number) => {
      let a = seed >>> 0;
      return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    };
    for (const seed of [0, 1, 42, 20261121, 0xffffffff]) {
      const ours = mulberry32(seed);
      const ref = reference(seed);
      const a = Array.from({ length: 2000 }, () => ours());
      const b = Array.from({ length: 2000 }, () => ref());
      expect(a).toEqual(b);
    }
  });

  test("int is inclusive and in range; pick, chance and weighted behave", () => {
    const r = createRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) seen.add(r.int(-3, 3));
    expect([...seen].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(r.int(5, 5)).toBe(5);
    expect(["a", "b"]).toContain(r.pick(["a", "b"]));
    expect(() => r.pick([])).toThrow();
    expect(r.chance(0)).toBe(false);
    expect(r.chance(1)).toBe(true);
    const counts: Record<string, number> = { x: 0, y: 0, z: 0 };
    for (let i = 0; i < 10000; i++)
      counts[
        r.weighted([
          ["x", 1],
          ["y", 0],
          ["z", 3],
        ] as const)
      ]! += 1;
    expect(counts["y"]).toBe(0);
    expect(counts["z"]! / counts["x"]!).toBeGreaterThan(2.5);
    expect(counts["z"]! / counts["x"]!).toBeLessThan(3.5);
  });

  test("same seed, same sequence; other seed, other sequence", () => {
    const a = createRandom(99);
    const b = createRandom(99);
    const c = createRandom(100);
    const sa = Array.from({ length: 20 }, () => a.int(0, 1e6));
    const sb = Array.from({ length: 20 }, () => b.int(0, 1e6));
    const sc = Array.from({ length: 20 }, () => c.int(0, 1e6));
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });
});

describe("day-number helpers agree with src/core/dates.ts", () => {
  test("dateOfDay / dayOfDate / plusYears", () => {
    const bad: string[] = [];
    for (let day = dayNumber(date(1900, 1, 1)); day <= dayNumber(date(2100, 12, 31)); day += 7) {
      const d = fromDayNumber(day);
      const o = dateOfDay(day);
      if (o.y !== d.y || o.m !== d.m || o.d !== d.d) bad.push(`dateOfDay ${day}`);
      if (dayOfDate(d.y, d.m, d.d) !== day) bad.push(`dayOfDate ${day}`);
      for (const years of [-18, -1, 1, 2])
        if (plusYears(day, years) !== dayNumber(addYears(d, years))) bad.push(`plusYears ${day} ${years}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    const leap = dayNumber(date(2024, 2, 29));
    expect(dateOfDay(plusYears(leap, 1))).toEqual(date(2025, 2, 28));
    expect(dateOfDay(plusYears(leap, -4))).toEqual(date(2020, 2, 29));
  });
});

describe("sampleRosterRows", () => {
  test.each([1, 7, 2026, 20261121])("seed %i: 2000 rows validate clean with the engine", (seed) => {
    const rows = sampleRosterRows(2000, { seed, asOf: AS_OF });
    expect(rows).toHaveLength(2000);
    const result = validate(workbook(rosterSheet(rows).sheet));
    expect(result.sheets[0]).toMatchObject({ template: "roster", dataRows: 2000 });
    expect(summarise(result.issues)).toBe("");
    expect(result.counts).toEqual({ error: 0, warning: 0, info: 0 });
  });

  test("rows carry every roster field key, seq 1..n", () => {
    const rows = sampleRosterRows(50, { seed: 3, asOf: AS_OF });
    rows.forEach((row, i) => {
      expect(Object.keys(row).sort()).toEqual([...ROSTER_FIELDS].sort());
      expect(row["seq"]).toBe(i + 1);
    });
  });

  test("IDs: unique, 18 characters, valid check character, birth digits = 出生日期, gender digit = 性别", () => {
    const rows = sampleRosterRows(2000, { seed: 11, asOf: AS_OF });
    const ids = new Set<string>();
    const bad: string[] = [];
    for (const row of rows) {
      const id = row["idNumber"];
      const text = typeof id === "string" ? id : "";
      const b = row["birthDate"];
      ids.add(text);
      if (!/^\d{17}[\dX]$/.test(text)) bad.push(`format ${String(id)}`);
      else if (text[17] !== mod112(text.slice(0, 17))) bad.push(`check ${text}`);
      if (!isDate(b) || text.slice(6, 14) !== `${b.y}${String(b.m).padStart(2, "0")}${String(b.d).padStart(2, "0")}`)
        bad.push(`birth ${text}`);
      if ((Number(text[16]) % 2 === 1 ? "男" : "女") !== row["gender"]) bad.push(`gender ${text}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(ids.size).toBe(rows.length);
  });

  test("values come from the enums and look like school staff", () => {
    const rows = sampleRosterRows(3000, { seed: 5, asOf: AS_OF });
    const categories = new Set(rows.map((r) => r["category"]));
    expect([...categories].sort()).toEqual([...CATEGORIES].sort());
    expect(new Set(rows.map((r) => r["employment"]))).toEqual(new Set(["在职", "离退休"]));
    const bad: string[] = [];
    for (const r of rows) {
      if (!EDUCATION.includes(r["education"] as string)) bad.push(`education ${String(r["education"])}`);
      if (!ETHNICITIES.includes(r["ethnicity"] as string)) bad.push(`ethnicity ${String(r["ethnicity"])}`);
      if (!/^[\u4e00-\u9fff]{2,4}$/.test(String(r["name"]))) bad.push(`name ${String(r["name"])}`);
      if (!/^1[3-9]\d{9}$/.test(String(r["phone"]))) bad.push(`phone ${String(r["phone"])}`);
      if (!["第一党小组", "第二党小组", "第三党小组", "离退休党小组"].includes(r["group"] as string))
        bad.push(`group ${String(r["group"])}`);
      if (typeof r["post"] !== "string" || r["post"] === "") bad.push(`post ${String(r["post"])}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    const han = rows.filter((r) => r["ethnicity"] === "汉族").length / rows.length;
    expect(han).toBeGreaterThan(0.8);
    expect(han).toBeLessThan(0.98);
    const full = rows.filter((r) => r["category"] === "正式党员").length / rows.length;
    expect(full).toBeGreaterThan(0.6);
  });

  test("date chain, ages, probation window and dues follow the roster rules", () => {
    const asOf = days(AS_OF);
    const rows = sampleRosterRows(3000, { seed: 8, asOf: AS_OF });
    const bad: string[] = [];
    const fail = (r: Record<string, CellValue>, what: string) =>
      bad.push(`row ${String(r["seq"])} (${String(r["category"])}): ${what}`);
    for (const r of rows) {
      const category = r["category"] as string;
      const birth = r["birthDate"] as CellDate;
      const chain = ["applicationDate", "activistDate", "candidateDate", "admissionDate", "fullDate"].map(
        (k) => r[k] ?? null,
      );
      const present = chain.filter(isDate);
      if (present.some((d) => days(d) > asOf)) fail(r, "date after as-of");
      for (let i = 1; i < present.length; i++)
        if (days(present[i]!) < days(present[i - 1]!)) fail(r, "chain out of order");
      const [application, activist, candidate, admission, full] = chain;
      if (!isDate(application)) fail(r, "no application date");
      else if (days(application) < days(addYears(birth, 18))) fail(r, "applied before 18");
      if (isDate(activist) && isDate(candidate) && days(candidate) < days(addYears(activist, 1)))
        fail(r, "candidate < activist + 1 year");
      const age = (asOf - days(birth)) / 365.25;
      if (r["employment"] === "离退休" ? age < 55 : age < 22) fail(r, `age ${age.toFixed(1)}`);
      if (category === "正式党员") {
        if (!isDate(admission) || !isDate(full)) fail(r, "member without admission/full");
        else if (days(full) < days(addYears(admission, 1)) || days(full) > days(addYears(admission, 2)))
          fail(r, "probation length");
      } else if (category === "预备党员") {
        if (!isDate(admission) || full !== null) fail(r, "probationer dates");
        // Neither overdue nor due within 30 days.
        else if (days(addYears(admission, 1)) <= asOf + 30) fail(r, "probation due or overdue");
      } else if (admission !== null || full !== null) fail(r, "non-member with admission/full");
      if (MEMBERS.includes(category)) {
        const base = r["duesBase"];
        const working = r["employment"] === "在职";
        if (typeof base !== "number") fail(r, "no dues base");
        else {
          if (working ? base < 2800 || base > 12000 : base < 3000 || base > 7000) fail(r, `base ${base}`);
          if (r["dues"] !== specDues(base, r["employment"] as string)) fail(r, `dues ${String(r["dues"])} for ${base}`);
        }
      } else if (r["dues"] !== null || r["duesBase"] !== null) fail(r, "non-member with dues");
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  test("deterministic for a seed, different for another", () => {
    const a = sampleRosterRows(300, { seed: 42, asOf: AS_OF });
    const b = sampleRosterRows(300, { seed: 42, asOf: AS_OF });
    const c = sampleRosterRows(300, { seed: 43, asOf: AS_OF });
    expect(a).toEqual(b);
    expect(a.map((r) => r["idNumber"])).not.toEqual(c.map((r) => r["idNumber"]));
  });

  test("other as-of dates (leap day, month start) validate clean too", () => {
    for (const asOf of [date(2024, 2, 29), date(2030, 1, 1), date(2019, 12, 31)]) {
      const rows = sampleRosterRows(1500, { seed: 17, asOf });
      const result = validate(workbook(rosterSheet(rows).sheet), { asOf });
      expect(ruleIds(result.issues)).toEqual([]);
      const late = rows.filter((r) => Object.values(r).some((v) => isDate(v) && days(v) > days(asOf)));
      expect(late).toEqual([]);
    }
  });

  test("n = 0 gives no rows; 100,000 rows generate with unique IDs", () => {
    expect(sampleRosterRows(0, { asOf: AS_OF })).toEqual([]);
    const rows = sampleRosterRows(100_000, { seed: 20261121, asOf: AS_OF });
    expect(rows).toHaveLength(100_000);
    expect(new Set(rows.map((r) => r["idNumber"])).size).toBe(100_000);
    expect(rows[99_999]!["seq"]).toBe(100_000);
  });
});

describe("sampleRows registry", () => {
  test("roster has a generator; unknown templates get no rows", () => {
    expect(Object.keys(SAMPLE_GENERATORS)).toContain("roster");
    expect(sampleRows("roster", 5, { seed: 1, asOf: AS_OF })).toEqual(sampleRosterRows(5, { seed: 1, asOf: AS_OF }));
    expect(sampleRows("no-such-template", 5, { asOf: AS_OF })).toEqual([]);
    expect(sampleRows("toString", 5, { asOf: AS_OF })).toEqual([]);
  });
});
