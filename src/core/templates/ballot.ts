import type { TemplateDef } from "./types";

export const BALLOT_RESULTS = ["优秀", "合格", "基本合格", "不合格", "不评定等次"] as const;

export const ballot: TemplateDef = {
  id: "ballot",
  sheetName: "民主测评",
  title: "民主评议党员测评统计表",
  description: "民主评议党员的测评票统计与评议结果",
  recordFields: ["name"],
  fields: [
    { key: "seq", header: "序号", type: "integer", width: 6 },
    { key: "name", header: "姓名", type: "text", required: true, width: 10 },
    {
      key: "voters",
      header: "应参评人数",
      aliases: ["发出票数", "参评人数", "应参评人数（人）"],
      type: "integer",
      required: true,
      min: 0,
      width: 10,
    },
    {
      key: "excellent",
      header: "优秀票",
      aliases: ["优秀票数"],
      groupAliases: ["优秀"],
      type: "integer",
      required: true,
      min: 0,
      width: 8,
    },
    {
      key: "pass",
      header: "合格票",
      aliases: ["合格票数"],
      groupAliases: ["合格"],
      type: "integer",
      required: true,
      min: 0,
      width: 8,
    },
    {
      key: "basicPass",
      header: "基本合格票",
      aliases: ["基本合格票数"],
      groupAliases: ["基本合格"],
      type: "integer",
      required: true,
      min: 0,
      width: 10,
    },
    {
      key: "fail",
      header: "不合格票",
      aliases: ["不合格票数"],
      groupAliases: ["不合格"],
      type: "integer",
      required: true,
      min: 0,
      width: 9,
    },
    // Computed in generated sheets; no rule reads it. Text, so that whatever users type or a CSV export
    // shows ("66.67%", "2/3") is accepted: number fields would reject a percent sign.
    {
      key: "excellentRate",
      header: "优秀率",
      aliases: ["优秀票率", "优秀得票率"],
      type: "text",
      width: 9,
      formula: { kind: "ratio", numerator: "excellent", denominator: "voters", percent: true },
    },
    { key: "result", header: "评议结果", type: "enum", values: BALLOT_RESULTS, width: 11 },
    { key: "note", header: "备注", type: "text", width: 14 },
  ],
};
