import type { TemplateDef } from "./types";

export const GRADES = ["优秀", "合格", "基本合格", "不合格"] as const;

export const evaluation: TemplateDef = {
  id: "evaluation",
  sheetName: "年终考核",
  title: "教职工年终考核量化表",
  description: "年终考核量化评分：考核项目列写成“名称(分值)”，总分、排名、等次",
  itemColumns: {
    defaults: [
      ["师德师风", 20],
      ["出勤考勤", 10],
      ["工作量", 20],
      ["教学质量", 30],
      ["教育科研", 10],
      ["特色工作", 10],
    ],
    after: "post",
  },
  recordFields: ["name"],
  sectionField: "department",
  fields: [
    { key: "seq", header: "序号", type: "integer", width: 6 },
    { key: "name", header: "姓名", type: "text", required: true, width: 10 },
    { key: "department", header: "部门", aliases: ["年级组", "处室", "教研组"], type: "text", width: 12 },
    { key: "post", header: "岗位", type: "text", width: 10 },
    { key: "bonus", header: "加分", type: "number", width: 7, hint: "不超过设置中的加分上限" },
    { key: "deduction", header: "扣分", type: "number", width: 7, hint: "填正数" },
    {
      key: "total",
      header: "总分",
      type: "number",
      required: true,
      width: 8,
      hint: "各项得分之和 + 加分 − 扣分",
      formula: { kind: "itemSum", plus: ["bonus"], minus: ["deduction"] },
    },
    { key: "rank", header: "排名", type: "integer", width: 6, formula: { kind: "rank", of: "total" } },
    { key: "grade", header: "等次", type: "enum", values: GRADES, width: 9 },
    { key: "veto", header: "师德一票否决", aliases: ["一票否决"], type: "enum", values: ["是", "否"], width: 8 },
    { key: "note", header: "备注", type: "text", width: 14 },
  ],
};
