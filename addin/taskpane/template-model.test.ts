import type { WorkbookSnapshot } from "../../src/core/types";
import { validateWorkbook } from "../../src/core/engine";
import { isSettingsSheet } from "../../src/core/settings";
import { parseSampleRows, recognition, templateFileName } from "./template-model";
import { TEMPLATES } from "../../src/core/templates";
import { TEXT } from "./i18n";

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

  it("reports a header block and the rows it skipped, in both languages; read-only fields only when present", () => {
    const snapshot: WorkbookSnapshot = {
      name: "w",
      sheets: [
        {
          name: "名单",
          values: [
            ["姓名", "性别", "身份证号", "人员类别", "入党情况", null],
            [null, null, null, null, "入党日期", "转正日期"],
            ["一、第一党小组", null, null, null, null, null],
            ["张三", "男", "11010519700101123X", "正式党员", "2001-07-01", "2002-07-01"],
            ["合计", null, null, null, null, null],
            ["填表人：李四", null, null, null, null, null],
          ],
          merges: [
            { top: 1, left: 1, bottom: 2, right: 1 },
            { top: 1, left: 2, bottom: 2, right: 2 },
            { top: 1, left: 3, bottom: 2, right: 3 },
            { top: 1, left: 4, bottom: 2, right: 4 },
            { top: 1, left: 5, bottom: 1, right: 6 },
          ],
        },
      ],
    };
    const [roster] = recognition(validateWorkbook(snapshot), isSettingsSheet);
    expect(roster?.report).toMatchObject({ headerRow: 2, headerRows: [1, 2], dataRows: 1 });
    expect(TEXT["zh-CN"].sheetNotes(roster!.report)).toBe(
      "表头占第 1–2 行；跳过第 3 行（分组标题）、第 5 行（合计）、第 6 行（落款）",
    );
    expect(TEXT.en.sheetNotes(roster!.report)).toBe(
      "header rows 1–2; skipped row 3 (section), row 5 (total), row 6 (footer)",
    );
    expect(roster!.fields.map((f) => f.key)).not.toContain("landline");
  });

  it("says nothing for a one-row header with no skipped rows", () => {
    expect(TEXT["zh-CN"].sheetNotes({ headerRow: 3, headerRows: [3, 3], skippedRows: [] })).toBeNull();
  });
});
