import type { WorkbookSnapshot } from "../../src/core/types";
import { validateWorkbook } from "../../src/core/engine";
import {
  applySettingEdits,
  cellValueFor,
  effectiveEdits,
  settingCellChanges,
  settingFields,
  settingProblem,
} from "./settings-model";
import { SETTING_DEFS } from "../../src/core/settings";

const def = (key: string) => SETTING_DEFS.find((d) => d.key === key)!;

const WORKBOOK: WorkbookSnapshot = {
  name: "w.xlsx",
  sheets: [
    {
      name: "设置",
      values: [
        ["项目", "值", "说明"],
        ["支部名称", "实验小学党支部", null],
        ["统计截止日期", "2026-11-21", null],
      ],
    },
  ],
};

describe("设置 form model", () => {
  it("lists every setting with its current value from the workbook and whether the sheet gave it", () => {
    const fields = settingFields(validateWorkbook(WORKBOOK));
    expect(fields.map((f) => f.def.key)).toEqual(SETTING_DEFS.map((d) => d.key));
    const asOf = fields.find((f) => f.def.key === "asOf")!;
    expect([asOf.current, asOf.given]).toEqual(["2026-11-21", true]);
    const warn = fields.find((f) => f.def.key === "attendanceWarn")!;
    expect([warn.current, warn.given, warn.defaultText]).toEqual(["", false, "80%"]);
  });

  it("checks typed values with the engine's parsing", () => {
    expect(settingProblem(def("asOf"), "2026-13-45")).toBe("invalid");
    expect(settingProblem(def("asOf"), "2027年1月2日")).toBeNull();
    expect(settingProblem(def("attendanceWarn"), "80%")).toBeNull();
    expect(settingProblem(def("attendanceWarn"), "180%")).toBe("invalid");
    expect(settingProblem(def("committeePerMonth"), "1.5")).toBe("invalid");
    expect(settingProblem(def("year"), "")).toBeNull();
    expect(cellValueFor(def("asOf"), "2027年1月2日")).toBe("2027-01-02");
    expect(cellValueFor(def("attendanceWarn"), "75%")).toBe(0.75);
  });

  it("keeps only changed, valid edits and names the 值 cell each one writes", () => {
    const fields = settingFields(validateWorkbook(WORKBOOK));
    const edits = effectiveEdits(fields, {
      asOf: "2028-06-30",
      branchName: "实验小学党支部",
      year: "abc",
      passScore: "75",
    });
    expect(edits).toEqual({ asOf: "2028-06-30", passScore: "75" });
    expect(settingCellChanges(WORKBOOK, fields, edits)).toEqual([
      { key: "asOf", label: "统计截止日期", cell: "设置!B3", before: "2026-11-21", after: "2028-06-30" },
      { key: "passScore", label: "合格分数线", cell: null, before: "", after: "75" },
    ]);
  });

  it("applies edits to a copy of the snapshot, adding the 设置 sheet when there is none", () => {
    const edited = applySettingEdits(WORKBOOK, { asOf: "2028-06-30", passScore: "75" });
    expect(WORKBOOK.sheets[0]!.values[2]![1]).toBe("2026-11-21");
    const result = validateWorkbook(edited);
    expect(result.asOf).toEqual({ kind: "date", y: 2028, m: 6, d: 30 });
    expect(result.settings.values["passScore"]).toBe(75);

    const bare = applySettingEdits({ name: "x", sheets: [] }, { asOf: "2027-01-01" });
    expect(bare.sheets.map((s) => s.name)).toEqual(["设置"]);
    expect(validateWorkbook(bare).asOf).toEqual({ kind: "date", y: 2027, m: 1, d: 1 });
  });
});
