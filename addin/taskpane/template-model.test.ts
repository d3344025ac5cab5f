import type { WorkbookSnapshot } from "../../src/core/types";
import { validateWorkbook } from "../../src/core/engine";
import { isSettingsSheet } from "../../src/core/settings";
import { parseSampleRows, recognition, templateFileName } from "./template-model";
import { TEMPLATES } from "../../src/core/templates";

describe("模板 area model", () => {
  it("accepts 0–200 sample rows only", () => {
    expect(["0", "20", " 200 ", "201", "-1", "1.5", "", "abc"].map(parseSampleRows)).toEqual([
      0,
      20,
      200,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("names the download after the template", () => {
    expect(TEMPLATES.map(templateFileName)).toEqual([
      "党员花名册.xlsx",
      "月度工作安排.xlsx",
      "教职工年终考核量化表.xlsx",
      "民主评议党员测评统计表.xlsx",
    ]);
  });

  it("maps each field to its column and flags the required headers the sheet lacks", () => {
    const snapshot: WorkbookSnapshot = {
      name: "w",
      sheets: [
        {
          name: "名单",
          values: [
            ["某校党员名单"],
            ["序号", "姓名", "性别", "民族", "出生日期", "学历", "人员类别", "入党日期", "转正日期"],
            [1, "张三", "男", "汉族", "1970-01-01", "本科", "正式党员", "2001-07-01", "2002-07-01"],
          ],
        },
        { name: "备忘", values: [["随便写写"]] },
      ],
    };
    const result = validateWorkbook(snapshot);
    const [roster, other] = recognition(result, isSettingsSheet);
    expect(roster?.template?.id).toBe("roster");
    expect(roster?.headerRow).toBe(2);
    const byKey = new Map(roster!.fields.map((f) => [f.header, f]));
    expect(byKey.get("姓名")).toMatchObject({ column: "B", missing: false, required: true });
    expect(byKey.get("民族")).toMatchObject({ column: "D", missing: false });
    const missing = roster!.fields.filter((f) => f.missing).map((f) => f.header);
    expect(missing).toContain("身份证号");
    expect(roster!.fields.filter((f) => f.missing).every((f) => f.required && f.column === null)).toBe(true);
    expect(other).toMatchObject({ sheet: "备忘", template: null });
  });
});
