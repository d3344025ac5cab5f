import type { TemplateDef } from "./types";
import { ETHNICITIES } from "./ethnicities";

export const CATEGORY = {
  full: "正式党员",
  probationary: "预备党员",
  candidate: "发展对象",
  activist: "入党积极分子",
  applicant: "入党申请人",
} as const;

export const MEMBER_CATEGORIES: readonly string[] = [CATEGORY.full, CATEGORY.probationary];

export const EDUCATION_LEVELS = ["研究生", "大学本科", "大学专科", "中专", "高中", "初中及以下"] as const;
export const COLLEGE_OR_ABOVE: readonly string[] = ["研究生", "大学本科", "大学专科"];

export const EMPLOYMENT = ["在职", "离退休", "学生", "其他"] as const;

export const roster: TemplateDef = {
  id: "roster",
  sheetName: "党员花名册",
  title: "党员花名册",
  description: "党员、预备党员、发展对象、入党积极分子和入党申请人名册",
  fields: [
    { key: "seq", header: "序号", aliases: ["编号"], type: "integer", min: 1, width: 6 },
    { key: "name", header: "姓名", aliases: ["党员姓名"], type: "text", required: true, width: 10 },
    { key: "gender", header: "性别", type: "enum", required: true, values: ["男", "女"], width: 6 },
    {
      key: "ethnicity",
      header: "民族",
      type: "enum",
      values: ETHNICITIES,
      width: 8,
    },
    {
      key: "idNumber",
      header: "身份证号",
      aliases: ["身份证号码", "公民身份号码", "身份证"],
      type: "text",
      required: true,
      textFormat: true,
      width: 21,
      hint: "18位，最后一位可为X；请以文本格式录入",
    },
    { key: "birthDate", header: "出生日期", aliases: ["出生年月"], type: "date", width: 12 },
    {
      key: "education",
      header: "学历",
      aliases: ["文化程度", "最高学历"],
      type: "enum",
      values: EDUCATION_LEVELS,
      synonyms: {
        本科: "大学本科",
        大本: "大学本科",
        大专: "大学专科",
        专科: "大学专科",
        硕士: "研究生",
        博士: "研究生",
        硕士研究生: "研究生",
        博士研究生: "研究生",
        中技: "中专",
        中等专科: "中专",
        初中: "初中及以下",
        小学: "初中及以下",
      },
      width: 10,
    },
    { key: "post", header: "工作岗位", aliases: ["岗位", "职务", "职称"], type: "text", width: 12 },
    { key: "group", header: "党小组", aliases: ["所在党小组"], type: "text", width: 12 },
    {
      key: "category",
      header: "人员类别",
      aliases: ["类别", "党员类别", "政治面貌"],
      type: "enum",
      required: true,
      values: Object.values(CATEGORY),
      synonyms: { 中共党员: CATEGORY.full, 党员: CATEGORY.full, 中共预备党员: CATEGORY.probationary, 积极分子: CATEGORY.activist },
      width: 12,
    },
    {
      key: "employment",
      header: "在职状态",
      aliases: ["人员状态", "在职/退休"],
      type: "enum",
      values: EMPLOYMENT,
      synonyms: { 退休: "离退休", 离休: "离退休", 在岗: "在职" },
      defaultValue: "在职",
      width: 9,
    },
    {
      key: "applicationDate",
      header: "申请入党日期",
      aliases: ["递交入党申请书日期", "申请入党时间"],
      type: "date",
      width: 12,
    },
    {
      key: "activistDate",
      header: "确定积极分子日期",
      aliases: ["确定为入党积极分子时间", "积极分子日期"],
      type: "date",
      width: 12,
    },
    {
      key: "candidateDate",
      header: "确定发展对象日期",
      aliases: ["确定为发展对象时间", "发展对象日期"],
      type: "date",
      width: 12,
    },
    {
      key: "admissionDate",
      header: "入党日期",
      aliases: ["入党时间", "接收预备党员日期"],
      type: "date",
      width: 12,
      hint: "接收为预备党员的支部大会日期",
    },
    { key: "fullDate", header: "转正日期", aliases: ["转正时间"], type: "date", width: 12 },
    {
      key: "phone",
      header: "联系电话",
      aliases: ["手机", "手机号", "电话"],
      type: "text",
      textFormat: true,
      width: 14,
    },
    {
      key: "duesBase",
      header: "党费基数",
      aliases: ["月收入", "计算基数", "党费计算基数"],
      type: "number",
      min: 0,
      width: 10,
      hint: "每月计算党费的工资收入（元）",
    },
    { key: "dues", header: "月缴党费", aliases: ["每月党费", "党费", "月党费"], type: "number", min: 0, width: 10 },
    { key: "note", header: "备注", type: "text", width: 16 },
  ],
};
