/**
 * English names of the templates' own vocabulary (list values, field names, template titles), for English mode.
 * A value the user typed that is not one of these stays as typed: it is the user's data.
 */
import type { Lang } from "./types";
import { TEMPLATES, templateById } from "../templates";
import { templateFieldHeader } from "./field-header";

/** [one, many]: the English for one (messages) and for a row label counting several (summary tables). */
type Term = readonly [one: string, many?: string];

const TERMS_EN: Readonly<Record<string, Term>> = {
  // 人员类别
  正式党员: ["full member", "Full members"],
  预备党员: ["probationary member", "Probationary members"],
  发展对象: ["candidate for membership", "Candidates for membership"],
  入党积极分子: ["activist", "Activists"],
  入党申请人: ["applicant", "Applicants"],
  // 性别
  男: ["male", "Male"],
  女: ["female", "Female"],
  // 学历
  研究生: ["postgraduate", "Postgraduate"],
  大学本科: ["bachelor's degree", "Bachelor's degree"],
  大学专科: ["junior college", "Junior college"],
  中专: ["secondary vocational school", "Secondary vocational school"],
  高中: ["senior high school", "Senior high school"],
  初中及以下: ["junior high school or below", "Junior high school or below"],
  // 在职状态
  在职: ["in service", "In service"],
  离退休: ["retired", "Retired"],
  学生: ["student", "Students"],
  其他: ["other", "Other"],
  // 党籍状态, yes/no
  正常: ["normal", "Normal"],
  停止党籍: ["membership suspended", "Membership suspended"],
  是: ["yes", "Yes"],
  否: ["no", "No"],
  // 等次, 评议结果
  优秀: ["Excellent"],
  合格: ["Competent"],
  基本合格: ["Basically competent"],
  不合格: ["Incompetent"],
  不评定等次: ["Not graded"],
  // 活动类型
  支部党员大会: ["general meeting of members", "General meetings of members"],
  支部委员会: ["branch committee meeting", "Branch committee meetings"],
  党小组会: ["party group meeting", "Party group meetings"],
  党课: ["party lecture", "Party lectures"],
  主题党日: ["theme party day", "Theme party days"],
  组织生活会: ["organisational life meeting", "Organisational life meetings"],
  民主评议党员: ["democratic appraisal of members", "Democratic appraisals of members"],
  专题学习: ["thematic study", "Thematic study"],
  // 状态
  计划: ["planned", "Planned"],
  已完成: ["done", "Done"],
  已取消: ["cancelled", "Cancelled"],
  延期: ["postponed", "Postponed"],
  // Keys the summaries give rows without a value
  "（未分组）": ["(no party group)"],
  "（未填部门）": ["(no department)"],
  // 民族 (GB/T 3304)
  汉族: ["Han"],
  蒙古族: ["Mongol"],
  回族: ["Hui"],
  藏族: ["Tibetan"],
  维吾尔族: ["Uyghur"],
  苗族: ["Miao"],
  彝族: ["Yi"],
  壮族: ["Zhuang"],
  布依族: ["Bouyei"],
  朝鲜族: ["Korean"],
  满族: ["Manchu"],
  侗族: ["Dong"],
  瑶族: ["Yao"],
  白族: ["Bai"],
  土家族: ["Tujia"],
  哈尼族: ["Hani"],
  哈萨克族: ["Kazakh"],
  傣族: ["Dai"],
  黎族: ["Li"],
  傈僳族: ["Lisu"],
  佤族: ["Va"],
  畲族: ["She"],
  高山族: ["Gaoshan"],
  拉祜族: ["Lahu"],
  水族: ["Sui"],
  东乡族: ["Dongxiang"],
  纳西族: ["Naxi"],
  景颇族: ["Jingpo"],
  柯尔克孜族: ["Kyrgyz"],
  土族: ["Tu"],
  达斡尔族: ["Daur"],
  仫佬族: ["Mulao"],
  羌族: ["Qiang"],
  布朗族: ["Blang"],
  撒拉族: ["Salar"],
  毛南族: ["Maonan"],
  仡佬族: ["Gelao"],
  锡伯族: ["Xibe"],
  阿昌族: ["Achang"],
  普米族: ["Pumi"],
  塔吉克族: ["Tajik"],
  怒族: ["Nu"],
  乌孜别克族: ["Uzbek"],
  俄罗斯族: ["Russian"],
  鄂温克族: ["Evenki"],
  德昂族: ["De'ang"],
  保安族: ["Bonan"],
  裕固族: ["Yugur"],
  京族: ["Gin"],
  塔塔尔族: ["Tatar"],
  独龙族: ["Derung"],
  鄂伦春族: ["Oroqen"],
  赫哲族: ["Hezhen"],
  门巴族: ["Monpa"],
  珞巴族: ["Lhoba"],
  基诺族: ["Jino"],
};

/**
 * A list value in `lang`: the template's own words in English (`many` for a row label counting several, e.g.
 * 正式党员 → Full members), anything else as it is.
 */
export function termText(value: string, lang: Lang, many = false): string {
  if (lang === "zh-CN") return value;
  const t = TERMS_EN[value];
  if (!t) return value;
  return many ? (t[1] ?? t[0]) : t[0];
}

/** A list value as a value to write (`did you mean "Full member"?`): termText's singular, capitalised. */
export function termValue(value: string, lang: Lang): string {
  const text = termText(value, lang);
  return text === value ? value : text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether `value` is one of the words termText translates (for tests). */
export function hasTerm(value: string): boolean {
  return Object.hasOwn(TERMS_EN, value);
}

const FIELDS_EN: Readonly<Record<string, string>> = {
  seq: "No.",
  name: "Name",
  gender: "Gender",
  ethnicity: "Ethnicity",
  idNumber: "ID number",
  birthDate: "Date of birth",
  education: "Education",
  post: "Post",
  group: "Party group",
  branch: "Party branch",
  category: "Category",
  employment: "Employment",
  applicationDate: "Application date",
  activistDate: "Activist date",
  candidateDate: "Candidate date",
  admissionDate: "Admission date",
  fullDate: "Full membership date",
  phone: "Phone",
  duesBase: "Dues base",
  dues: "Monthly dues",
  landline: "Landline",
  address: "Home address",
  partyStatus: "Membership status",
  lost: "Lost contact",
  lostDate: "Date contact was lost",
  mobile: "Mobile member",
  destination: "Destination",
  note: "Note",
  month: "Month",
  date: "Date",
  type: "Type",
  topic: "Content",
  owner: "Person in charge",
  participants: "Participants",
  location: "Place",
  expected: "Expected",
  attended: "Attended",
  status: "Status",
  department: "Department",
  bonus: "Bonus",
  deduction: "Deduction",
  total: "Total",
  rank: "Rank",
  grade: "Grade",
  veto: "Ethics veto",
  voters: "Voters",
  excellent: "Excellent votes",
  pass: "Competent votes",
  basicPass: "Basically competent votes",
  fail: "Incompetent votes",
  excellentRate: "Excellent rate",
  result: "Result",
};

/**
 * A field's name in `lang`: the template's canonical header in Chinese, its English name in English; an item
 * column (`item:师德师风`) is named by its item as the sheet writes it.
 */
export function fieldName(key: string | null, lang: Lang): string {
  if (lang === "zh-CN" || !key) return templateFieldHeader(key);
  if (key.startsWith("item:")) return key.slice("item:".length);
  return FIELDS_EN[key] ?? templateFieldHeader(key);
}

const TEMPLATE_TITLES_EN: Readonly<Record<string, string>> = {
  roster: "Party member roster",
  schedule: "Monthly work schedule",
  evaluation: "Staff year-end evaluation",
  ballot: "Democratic appraisal of members",
};

/** A template's title in `lang` (the template id when unknown). */
export function templateTitle(id: string, lang: Lang): string {
  if (lang === "en") return TEMPLATE_TITLES_EN[id] ?? id;
  return templateById(id)?.title ?? id;
}

/** Every template field key (for tests). */
export function templateFieldKeys(): string[] {
  return [...new Set(TEMPLATES.flatMap((t) => t.fields.map((f) => f.key)))];
}
