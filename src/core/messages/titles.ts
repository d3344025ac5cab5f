import type { Lang } from "./types";
import { MESSAGE_PARTS } from "./parts";

/** Short names of the common and roster rules; other templates bring theirs in their message part. */
const BASE_TITLES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  "zh-CN": {
    "header.missing": "缺少必填列",
    "header.duplicate": "重复的列",
    "cell.required": "必填项为空",
    "cell.type": "无法识别的值",
    "cell.enum": "不是可选项",
    "cell.formula-error": "公式错误",
    "cell.uncalculated": "公式没有计算结果",
    "cell.whitespace": "多余空格或不可见字符",
    "settings.value": "设置值无法识别",
    "roster.id.format": "身份证号格式错误",
    "roster.id.legacy": "15位旧身份证号",
    "roster.id.numeric": "身份证号存成了数字",
    "roster.id.checksum": "身份证号校验位错误",
    "roster.id.birthdate": "身份证号中的出生日期无效",
    "roster.id.duplicate": "身份证号重复",
    "roster.birthdate.mismatch": "出生日期与身份证号不符",
    "roster.gender.mismatch": "性别与身份证号不符",
    "roster.future-date": "日期晚于统计截止日期",
    "roster.dates.order": "发展党员日期顺序颠倒",
    "roster.age.application": "申请入党时未满18周岁",
    "roster.activist.period": "积极分子培养不满一年",
    "roster.probation.early": "预备期不满一年即转正",
    "roster.probation.long": "预备期超过两年",
    "roster.probation.overdue": "预备期满未转正",
    "roster.probation.due": "预备期即将届满",
    "roster.category.mismatch": "人员类别与日期不符",
    "roster.dues.rate": "党费与标准不符",
    "roster.dues.missing": "党员未填党费",
    "roster.dues.nonmember": "非党员填了党费",
    "roster.phone.format": "电话号码格式不对",
    "roster.category.unchecked": "缺少日期列，人员类别未核对",
  },
  en: {
    "header.missing": "Required column missing",
    "header.duplicate": "Duplicate column",
    "cell.required": "Required value empty",
    "cell.type": "Unreadable value",
    "cell.enum": "Not an allowed value",
    "cell.formula-error": "Formula error",
    "cell.uncalculated": "Formula without a result",
    "cell.whitespace": "Stray spaces or invisible characters",
    "settings.value": "Unreadable setting",
    "roster.id.format": "Malformed ID number",
    "roster.id.legacy": "15-digit legacy ID",
    "roster.id.numeric": "ID stored as a number",
    "roster.id.checksum": "Wrong ID check character",
    "roster.id.birthdate": "Invalid birth date in ID",
    "roster.id.duplicate": "Duplicate ID number",
    "roster.birthdate.mismatch": "Birth date differs from ID",
    "roster.gender.mismatch": "Gender differs from ID",
    "roster.future-date": "Date after the as-of date",
    "roster.dates.order": "Admission dates out of order",
    "roster.age.application": "Applied under 18",
    "roster.activist.period": "Activist for less than a year",
    "roster.probation.early": "Full membership before a year of probation",
    "roster.probation.long": "Probation over two years",
    "roster.probation.overdue": "Probation over, not yet full member",
    "roster.probation.due": "Probation ends soon",
    "roster.category.mismatch": "Category does not fit the dates",
    "roster.dues.rate": "Dues differ from the standard",
    "roster.dues.missing": "Member without dues",
    "roster.dues.nonmember": "Dues for a non-member",
    "roster.phone.format": "Malformed phone number",
    "roster.category.unchecked": "Category not checked: date column missing",
  },
};

/** A short name for each rule, for group headings (text report, task pane). */
export const RULE_TITLES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  "zh-CN": Object.assign({}, BASE_TITLES["zh-CN"], ...MESSAGE_PARTS.map((p) => p.titles["zh-CN"])) as Record<
    string,
    string
  >,
  en: Object.assign({}, BASE_TITLES.en, ...MESSAGE_PARTS.map((p) => p.titles.en)) as Record<string, string>,
};

export function ruleTitle(rule: string, lang: Lang): string {
  return RULE_TITLES[lang][rule] ?? RULE_TITLES["zh-CN"][rule] ?? rule;
}
