/**
 * The national 党员基本信息汇总表 columns (SPEC §0 "National form"): the optional fields are read by their
 * national headers, and roster.lost.date / roster.mobile.destination check 是 against its detail.
 */
import { ROSTER_FIELDS, basePerson, date, rosterSheet, validate, workbook, type RosterRow } from "../helpers/build";

const NATIONAL = {
  address: "家庭住址",
  partyStatus: "党籍状态",
  lost: "是否为失联党员",
  lostDate: "失去联系日期",
  mobile: "是否为流动党员",
  destination: "外出流向",
  landline: "固定电话",
};
const FIELDS = [...ROSTER_FIELDS, ...Object.keys(NATIONAL)];

function run(over: RosterRow, fields: readonly string[] = FIELDS) {
  const built = rosterSheet(
    [basePerson({ address: "北京市海淀区中关村大街1号", partyStatus: "正常", lost: "否", mobile: "否", ...over })],
    {
      fields,
      headers: NATIONAL,
    },
  );
  const result = validate(workbook(built.sheet));
  return { built, result, of: (rule: string) => result.issues.filter((i) => i.rule === rule) };
}

test("the national columns map to their fields and a complete row has no issue", () => {
  const { built, result } = run({ landline: "010-62345678" });
  expect(result.sheets[0]?.columns).toMatchObject({
    address: built.col("address"),
    partyStatus: built.col("partyStatus"),
    lost: built.col("lost"),
    lostDate: built.col("lostDate"),
    mobile: built.col("mobile"),
    destination: built.col("destination"),
    landline: built.col("landline"),
  });
  expect(result.issues).toEqual([]);
});

test("党籍状态 accepts 正常 and 停止党籍 only", () => {
  expect(run({ partyStatus: "停止党籍" }).result.issues).toEqual([]);
  const bad = run({ partyStatus: "暂停" }).of("cell.enum");
  expect(bad.map((i) => i.field)).toEqual(["partyStatus"]);
});

test("the new fields are read-only: not columns of generated templates", async () => {
  const { sheetFields } = await import("../../src/core/templates/fields");
  const { roster } = await import("../../src/core/templates/roster");
  const keys = sheetFields(roster).map((f) => f.key);
  for (const k of ["address", "partyStatus", "lost", "lostDate", "mobile", "destination"])
    expect(keys).not.toContain(k);
});

describe("roster.lost.date", () => {
  test.each<[string, RosterRow]>([
    ["是 with a date", { lost: "是", lostDate: date(2024, 5, 1) }],
    ["否 without a date", { lost: "否", lostDate: null }],
    ["empty without a date", { lost: null, lostDate: null }],
  ])("%s passes", (_label, over) => {
    expect(run(over).of("roster.lost.date")).toEqual([]);
  });

  test("是 without a date → warning on 失去联系日期", () => {
    const { built, of } = run({ lost: "是", lostDate: null });
    expect(of("roster.lost.date")).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: built.cell("lostDate", 0),
        field: "lostDate",
        params: expect.objectContaining({ reason: "missingDetail" }),
      }),
    ]);
  });

  test("a date with 否 → warning on 是否为失联党员", () => {
    const { built, of } = run({ lost: "否", lostDate: date(2024, 5, 1) });
    expect(of("roster.lost.date")).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: built.cell("lost", 0),
        field: "lost",
        params: expect.objectContaining({ reason: "answeredNo" }),
      }),
    ]);
  });

  test("a date with 是否为失联党员 left empty → warning on 是否为失联党员", () => {
    const { of } = run({ lost: null, lostDate: "2024年5月" });
    expect(of("roster.lost.date").map((i) => i.params["reason"])).toEqual(["notAnswered"]);
  });

  test("是 on a sheet without the date column → warning on 是否为失联党员", () => {
    const { built, of } = run(
      { lost: "是" },
      FIELDS.filter((f) => f !== "lostDate"),
    );
    expect(of("roster.lost.date").map((i) => i.cell)).toEqual([built.cell("lost", 0)]);
  });

  test("an unreadable 是否为失联党员 is left to cell.enum", () => {
    const { of } = run({ lost: "不详", lostDate: date(2024, 5, 1) });
    expect(of("roster.lost.date")).toEqual([]);
    expect(of("cell.enum").map((i) => i.field)).toEqual(["lost"]);
  });
});

describe("roster.mobile.destination", () => {
  test.each<[string, RosterRow]>([
    ["是 with a destination", { mobile: "是", destination: "广东省深圳市" }],
    ["否 without one", { mobile: "否", destination: null }],
  ])("%s passes", (_label, over) => {
    expect(run(over).of("roster.mobile.destination")).toEqual([]);
  });

  test("是 without a destination → warning on 外出流向", () => {
    const { built, of } = run({ mobile: "是", destination: "  " });
    expect(of("roster.mobile.destination")).toEqual([
      expect.objectContaining({ severity: "warning", cell: built.cell("destination", 0), field: "destination" }),
    ]);
  });

  test("a destination with 否 → warning on 是否为流动党员", () => {
    const { built, of } = run({ mobile: "否", destination: "上海市浦东新区" });
    expect(of("roster.mobile.destination")).toEqual([
      expect.objectContaining({ severity: "warning", cell: built.cell("mobile", 0), field: "mobile" }),
    ]);
  });

  test("a destination on a sheet without 是否为流动党员 is not checked", () => {
    const { of } = run(
      { destination: "上海市" },
      FIELDS.filter((f) => f !== "mobile"),
    );
    expect(of("roster.mobile.destination")).toEqual([]);
  });
});
