import type { Catalog } from "./types";
import { peopleOnRows } from "./people";

const s = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

const CATEGORY_REASONS: Record<string, string> = {
  fullWithoutFullDate: "正式党员应填写转正日期",
  probationaryWithFullDate: "已填写转正日期，人员类别应为正式党员",
  probationaryWithoutAdmission: "预备党员应填写入党日期",
  nonMemberWithDates: "尚未入党，不应填写入党日期或转正日期",
};

const EXPECTED: Record<string, string> = {
  date: "日期（如 2019-11-01）",
  number: "数字",
  integer: "整数",
  month: "月份（如 3 或 3月）",
};

export const zhCN: Catalog = {
  "header.missing": (p) => `缺少必填列「${s(p["header"])}」，请在表头行添加该列`,
  "header.duplicate": (p) => `「${s(p["header"])}」与「${s(p["first"])}」是同一项，只读取前一列，请删除或改名重复的列`,
  "cell.required": (p) => `「${s(p["header"])}」不能为空`,
  "cell.type": (p) =>
    `「${s(p["header"])}」的值“${s(p["value"])}”无法识别，应为${EXPECTED[s(p["expected"])] ?? s(p["expected"])}`,
  "cell.enum": (p) =>
    `「${s(p["header"])}」的值“${s(p["value"])}”不是可选项` +
    (p["suggestion"] ? `，是否应为“${s(p["suggestion"])}”？` : "。") +
    (p["allowed"]
      ? `可填：${s(p["allowed"])}${Number(p["allowedCount"]) > 8 ? ` 等 ${s(p["allowedCount"])} 项（须写全称）` : ""}`
      : ""),
  "cell.formula-error": (p) => `「${s(p["header"])}」的公式出错（${s(p["code"])}），请检查公式引用`,
  "cell.uncalculated": (p) =>
    `「${s(p["header"])}」列有 ${s(p["count"])} 个公式没有计算结果（${s(p["cells"])}），请在 Excel 或 WPS 中打开并保存一次后再校验`,
  "cell.whitespace": (p) => `「${s(p["header"])}」的内容“${s(p["value"])}”含有首尾空格、全角空格或不可见字符，请删除`,
  "settings.value": (p) =>
    `设置项「${s(p["item"])}」的值“${s(p["value"])}”无法识别，已按默认值 ${s(p["fallback"])} 处理`,
  "roster.id.format": (p) =>
    p["scientific"]
      ? `身份证号“${s(p["value"])}”已被 Excel 改成科学计数法，后几位数字已经丢失：请把该列设为“文本”格式，按证件重新录入完整的18位号码`
      : `身份证号“${s(p["value"])}”格式不对：应为18位（前17位数字，最后一位数字或X），现为${s(p["length"])}位`,
  "roster.id.legacy": (p) => `这是15位旧身份证号，对应的18位号码为 ${s(p["upgraded"])}，建议更新`,
  "roster.id.numeric": () =>
    `身份证号以数字形式保存，Excel 只保留15位有效数字，后几位可能已经丢失。请把该列设为“文本”格式后按证件重新录入`,
  "roster.id.checksum": (p) => `身份证号校验位应为 ${s(p["expected"])}（现为 ${s(p["actual"])}），请核对号码是否录错`,
  "roster.id.birthdate": (p) =>
    p["reason"] === "future"
      ? `身份证号中的出生日期 ${s(p["digits"])} 晚于统计截止日期`
      : `身份证号第7–14位“${s(p["digits"])}”不是有效日期，请核对号码`,
  "roster.id.duplicate": (p) =>
    p["otherRows"]
      ? `身份证号与${peopleOnRows(p["otherNames"], p["otherRows"], (n, r) => (n ? `${n}（第 ${r} 行）` : `第 ${r} 行`))}重复` +
        (Number(p["count"]) > 2 ? `（共 ${s(p["count"])} 行同一号码）` : "") +
        "，请核对是否重复登记"
      : `身份证号重复：第 ${s(p["rows"])} 行共 ${s(p["count"])} 行是同一号码，请核对是否重复登记`,
  "roster.birthdate.mismatch": (p) => `出生日期 ${s(p["given"])} 与身份证号中的 ${s(p["fromId"])} 不一致`,
  "roster.gender.mismatch": (p) => `性别填“${s(p["given"])}”，但身份证号第17位表示“${s(p["fromId"])}”`,
  "roster.future-date": (p) => `「${s(p["header"])}」${s(p["date"])} 晚于统计截止日期 ${s(p["asOf"])}`,
  "roster.dates.order": (p) =>
    `${s(p["header"])} ${s(p["later"])} 早于${s(p["earlierHeader"]) || "前一环节的日期"} ${s(p["earlier"])}，发展党员各环节日期顺序不对`,
  "roster.age.application": (p) => `申请入党时（${s(p["date"])}）年龄为 ${s(p["age"])} 岁，未满18周岁`,
  "roster.activist.period": (p) =>
    `确定为发展对象（${s(p["candidate"])}）距确定为积极分子（${s(p["activist"])}）不满一年，最早应为 ${s(p["earliest"])}`,
  "roster.probation.early": (p) => `转正日期 ${s(p["full"])} 早于预备期满（${s(p["earliest"])}），预备期至少一年`,
  "roster.probation.long": (p) =>
    `转正日期 ${s(p["full"])} 晚于 ${s(p["latest"])}：预备期超过一年加最长延长期一年，请核对`,
  "roster.probation.overdue": (p) => `预备期已于 ${s(p["due"])} 届满，尚未填写转正日期，请及时讨论转正`,
  "roster.probation.due": (p) => `预备期将于 ${s(p["due"])} 届满，请提前准备转正材料`,
  "roster.category.mismatch": (p) =>
    `人员类别“${s(p["category"])}”与日期不符：${CATEGORY_REASONS[s(p["reason"])] ?? s(p["reason"])}`,
  "roster.dues.rate": (p) =>
    `月缴党费 ${s(p["dues"])} 元与标准不符：按基数 ${s(p["base"]) || "（空）"} 元（${s(p["employment"])}）应为 ${s(p["expected"])} 元`,
  "roster.dues.missing": (p) => `${s(p["category"])}未填写月缴党费`,
  "roster.dues.nonmember": (p) => `${s(p["category"])}尚不是党员，不应缴纳党费（填了 ${s(p["dues"])} 元）`,
  "roster.phone.format": (p) =>
    `${s(p["header"]) || "联系电话"}“${s(p["value"])}”不是有效的手机号（11位）或固定电话（区号+号码）`,
  "roster.category.unchecked": (p) =>
    `本表没有「${s(p["header"])}」列，无法核对 ${s(p["count"])} 名${s(p["category"])}的人员类别与${s(p["header"])}是否相符；如有该信息，请添加此列`,
};
