import { formatTableCell } from "../../src/core/summary/table";
import { summaryFileName } from "./summary-model";

describe("summary model", () => {
  it("names the export after the original file, never the original itself", () => {
    expect(summaryFileName("roster-clean.xlsx")).toBe("roster-clean-汇总.xlsx");
    expect(summaryFileName("名单.XLSM")).toBe("名单-汇总.xlsx");
    expect(summaryFileName(".xlsx")).toBe("工作簿-汇总.xlsx");
  });

  it("formats fractions in percent columns only", () => {
    expect(formatTableCell(22 / 30, true)).toBe("73.3%");
    expect(formatTableCell(1, true)).toBe("100.0%");
    expect(formatTableCell(30, false)).toBe("30");
    expect(formatTableCell("", true)).toBe("");
  });
});
