/** The pane's own texts (rule messages and titles come from src/core/messages). Chinese by default. */
import type { Lang } from "../../src/core/messages";
import type { Severity } from "../../src/core/types";
import type { ReadFailure, ReadStage } from "../standalone/read-workbook";

export type { Lang };

/** English when the browser (or Office) reports an English display language, else Chinese. */
export function detectLang(language: string | undefined = globalThis.navigator?.language): Lang {
  return language && /^en/i.test(language) ? "en" : "zh-CN";
}

export interface PaneText {
  readonly appTitle: string;
  readonly areas: Readonly<Record<"templates" | "validate" | "summary" | "settings", string>>;
  readonly areaPlaceholders: Readonly<Record<"templates" | "summary" | "settings", string>>;
  readonly areasLabel: string;
  readonly modes: Readonly<Record<"detecting" | "office" | "standalone", string>>;
  readonly langToggle: string;
  readonly langToggleLabel: string;
  readonly officeNote: string;
  readonly openButton: string;
  readonly dropHint: string;
  readonly emptyState: string;
  readonly privacyNote: string;
  readonly stages: Readonly<Record<ReadStage | "validating", string>>;
  readonly cancel: string;
  readonly cancelled: string;
  readonly severity: Readonly<Record<Severity, string>>;
  readonly filterLabel: string;
  readonly asOf: (date: string) => string;
  readonly totals: (counts: Readonly<Record<Severity, number>>) => string;
  readonly sheetLine: (sheet: string, rows: number, recognised: boolean) => string;
  readonly noIssues: string;
  readonly allFiltered: string;
  readonly groupCount: (n: number) => string;
  readonly showMore: (n: number) => string;
  readonly issuesLabel: string;
  readonly focusTitle: string;
  readonly focusHint: string;
  readonly sheetLevel: string;
  readonly rowLabel: (row: number) => string;
  readonly headerLabel: (row: number) => string;
  readonly readFailure: (kind: ReadFailure, file: string) => string;
  readonly unexpected: (file: string) => string;
  readonly summary: {
    readonly empty: string;
    readonly goToValidate: string;
    readonly loading: (file: string) => string;
    readonly noTemplates: string;
    readonly maskSwitch: string;
    readonly download: string;
    readonly downloading: string;
    readonly downloaded: (file: string) => string;
    readonly downloadFailed: string;
    readonly noRows: string;
    readonly source: (file: string, asOf: string) => string;
  };
}

const ZH: PaneText = {
  appTitle: "支部表格助手",
  areas: { templates: "模板", validate: "校验", summary: "汇总", settings: "设置" },
  areaPlaceholders: {
    templates: "插入党员花名册、月度工作安排、年终考核、民主测评等模板。（开发中）",
    summary: "生成或刷新“汇总”工作表，导出会议用汇总表。（开发中）",
    settings: "编辑“设置”工作表中的支部名称、统计截止日期等。（开发中）",
  },
  areasLabel: "功能区",
  modes: { detecting: "正在检测运行环境…", office: "在 Excel 中运行", standalone: "独立页面模式" },
  langToggle: "English",
  langToggleLabel: "Switch to English",
  officeNote: "在 Excel 中直接校验当前工作簿的功能正在开发；现在可以打开一个 .xlsx 文件校验。",
  openButton: "打开 .xlsx 文件…",
  dropHint: "或把文件拖到这里",
  emptyState: "打开一个 .xlsx 文件开始校验",
  privacyNote: "文件只在本机浏览器中读取，不会上传，也不会被修改。",
  stages: {
    reading: "正在读取文件…",
    "loading-library": "正在加载表格组件…",
    parsing: "正在解析工作簿…",
    validating: "正在校验…",
  },
  cancel: "取消",
  cancelled: "已取消校验。",
  severity: { error: "错误", warning: "警告", info: "提示" },
  filterLabel: "按严重程度筛选",
  asOf: (d) => `统计截止日期 ${d}`,
  totals: (c) => `${c.error} 个错误，${c.warning} 个警告，${c.info} 个提示`,
  sheetLine: (s, n, ok) => (ok ? `工作表「${s}」${n} 行数据` : `工作表「${s}」未识别为模板，未检查`),
  noIssues: "没有发现问题。",
  allFiltered: "当前筛选下没有问题。打开上面的筛选按钮查看其他问题。",
  groupCount: (n) => `×${n}`,
  showMore: (n) => `再显示 ${n} 处`,
  issuesLabel: "问题列表",
  focusTitle: "当前问题",
  focusHint: "点击问题可在此查看它所在的行。",
  sheetLevel: "整张工作表",
  rowLabel: (r) => `第 ${r} 行`,
  headerLabel: (r) => `表头（第 ${r} 行）`,
  readFailure: (kind, f) => {
    switch (kind) {
      case "empty":
        return `${f}：文件是空的（0 字节）。请确认文件已保存完整后再试。`;
      case "xls":
        return `${f}：这是旧版 Excel 97-2003 (.xls) 文件。请在 Excel 或 WPS 中“另存为 Excel 工作簿 (.xlsx)”后再试。`;
      case "encrypted":
        return `${f}：工作簿设置了打开密码，无法读取。请在 Excel 中清除密码并另存后再试。`;
      case "not-workbook":
        return `${f}：不是 Excel 工作簿（.xlsx）。请选择 .xlsx 或 .xlsm 文件。`;
      case "corrupt":
        return `${f}：文件已损坏或不是有效的 .xlsx 工作簿，无法打开。请用 Excel/WPS 打开修复并另存为 .xlsx 后再试。`;
      case "no-sheets":
        return `${f}：工作簿中没有工作表。请检查文件后再试。`;
      case "unreadable":
        return `${f}：无法读取该文件。请确认文件没有被其他程序占用后重新选择。`;
      case "library":
        return `${f}：表格组件加载失败。请刷新页面后重新打开文件。`;
    }
  },
  unexpected: (f) => `${f}：校验时出现意外错误。请检查文件内容后重试。`,
  summary: {
    empty: "请先在“校验”中打开一个 .xlsx 文件，这里会显示它的汇总。",
    goToValidate: "去“校验”打开文件",
    loading: (f) => `正在读取 ${f}…`,
    noTemplates: "未找到可汇总的模板工作表（党员花名册等）。",
    maskSwitch: "隐去身份证号和电话",
    download: "下载汇总工作簿",
    downloading: "正在生成汇总工作簿…",
    downloaded: (f) => `已下载 ${f}。原文件没有被修改。`,
    downloadFailed: "生成汇总工作簿失败，请重试。",
    noRows: "（无）",
    source: (f, d) => `${f} · 统计截止日期 ${d}`,
  },
};

const EN: PaneText = {
  appTitle: "Branch Sheets Assistant",
  areas: { templates: "Templates", validate: "Validate", summary: "Summary", settings: "Settings" },
  areaPlaceholders: {
    templates: "Insert the roster, monthly schedule, year-end evaluation and ballot templates. (coming soon)",
    summary: "Build or refresh the 汇总 sheet and export it for meetings. (coming soon)",
    settings: "Edit the 设置 sheet: branch name, as-of date and more. (coming soon)",
  },
  areasLabel: "Areas",
  modes: { detecting: "Detecting the host…", office: "Running in Excel", standalone: "Standalone page" },
  langToggle: "中文",
  langToggleLabel: "切换到中文",
  officeNote: "Validating the open workbook in place is coming soon; for now, open an .xlsx file to validate it.",
  openButton: "Open .xlsx file…",
  dropHint: "or drop a file here",
  emptyState: "Open an .xlsx file to start validating",
  privacyNote: "The file is read only in this browser: it is not uploaded and not changed.",
  stages: {
    reading: "Reading the file…",
    "loading-library": "Loading the spreadsheet component…",
    parsing: "Parsing the workbook…",
    validating: "Validating…",
  },
  cancel: "Cancel",
  cancelled: "Validation cancelled.",
  severity: { error: "Errors", warning: "Warnings", info: "Info" },
  filterLabel: "Filter by severity",
  asOf: (d) => `As of ${d}`,
  totals: (c) => `${c.error} errors, ${c.warning} warnings, ${c.info} info`,
  sheetLine: (s, n, ok) => (ok ? `Sheet "${s}": ${n} data rows` : `Sheet "${s}": not a known template, not checked`),
  noIssues: "No issues found.",
  allFiltered: "No issues under the current filter. Turn on another severity above to see them.",
  groupCount: (n) => `×${n}`,
  showMore: (n) => `Show ${n} more`,
  issuesLabel: "Issues",
  focusTitle: "Current issue",
  focusHint: "Select an issue to see its row here.",
  sheetLevel: "Whole sheet",
  rowLabel: (r) => `Row ${r}`,
  headerLabel: (r) => `Header (row ${r})`,
  readFailure: (kind, f) => {
    switch (kind) {
      case "empty":
        return `${f}: the file is empty (0 bytes). Make sure it was saved completely and try again.`;
      case "xls":
        return `${f}: this is an old Excel 97-2003 (.xls) file. Save it as an Excel Workbook (.xlsx) in Excel or WPS and try again.`;
      case "encrypted":
        return `${f}: the workbook is password-protected. Remove the password in Excel, save, and try again.`;
      case "not-workbook":
        return `${f}: not an Excel workbook (.xlsx). Choose an .xlsx or .xlsm file.`;
      case "corrupt":
        return `${f}: the file is damaged or not a valid .xlsx workbook. Repair it in Excel/WPS, save as .xlsx and try again.`;
      case "no-sheets":
        return `${f}: the workbook has no sheets. Check the file and try again.`;
      case "unreadable":
        return `${f}: the file could not be read. Make sure no other program holds it and choose it again.`;
      case "library":
        return `${f}: the spreadsheet component failed to load. Reload the page and open the file again.`;
    }
  },
  unexpected: (f) => `${f}: an unexpected error occurred while validating. Check the file and try again.`,
  summary: {
    empty: "Open an .xlsx file in Validate first; its summary appears here.",
    goToValidate: "Go to Validate to open a file",
    loading: (f) => `Reading ${f}…`,
    noTemplates: "No template sheets to summarise (roster etc.) were found.",
    maskSwitch: "Hide ID numbers and phone numbers",
    download: "Download summary workbook",
    downloading: "Building the summary workbook…",
    downloaded: (f) => `Downloaded ${f}. The original file was not changed.`,
    downloadFailed: "Could not build the summary workbook. Please try again.",
    noRows: "(none)",
    source: (f, d) => `${f} · as of ${d}`,
  },
};

export const TEXT: Readonly<Record<Lang, PaneText>> = { "zh-CN": ZH, en: EN };
