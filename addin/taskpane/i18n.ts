/** The pane's own texts (rule messages and titles come from src/core/messages). Chinese by default. */
import type { Lang } from "../../src/core/messages";
import type { Severity } from "../../src/core/types";
import type { ReadFailure, ReadStage } from "../standalone/read-workbook";
import type { HostFeature } from "../office/port";
import type { SheetReport } from "../../src/core/engine";
import { skippedText } from "../../src/core/messages/skipped";

export type { Lang };

export type SheetNotesInput = Pick<SheetReport, "headerRow" | "headerRows" | "skippedRows">;

function sheetNotes(lang: Lang, report: SheetNotesInput): string | null {
  const zh = lang === "zh-CN";
  const notes: string[] = [];
  const [first, last] = report.headerRows ?? [report.headerRow, report.headerRow];
  if (first !== null && last !== null && first !== last)
    notes.push(zh ? `表头占第 ${first}–${last} 行` : `header rows ${first}–${last}`);
  if (report.skippedRows?.length) notes.push(skippedText(report.skippedRows, lang));
  return notes.length ? notes.join(zh ? "；" : "; ") : null;
}

/** English when the browser (or Office) reports an English display language, else Chinese. */
export function detectLang(language: string | undefined = globalThis.navigator?.language): Lang {
  return language && /^en/i.test(language) ? "en" : "zh-CN";
}

export interface PaneText {
  readonly appTitle: string;
  readonly areas: Readonly<Record<"templates" | "validate" | "summary" | "settings", string>>;
  readonly areasLabel: string;
  readonly modes: Readonly<Record<"detecting" | "office" | "standalone", string>>;
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
  /** The 设置 sheet, with what was read from it. */
  readonly settingsLine: (sheet: string, read: string) => string;
  /** A multi-row header and the rows read as notes, totals, footers or sections; null when there are none. */
  readonly sheetNotes: (report: SheetNotesInput) => string | null;
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
  /** The issue list's two views, the 按人员 entries, the focus section's way back, and 重新校验 (standalone). */
  readonly issueList: {
    readonly viewLabel: string;
    readonly byRule: string;
    readonly byPerson: string;
    /** The last 按人员 entry: sheet-level issues and rows without a name. */
    readonly unattributed: string;
    /** Where a person's entry is: the row, with the sheet when the workbook has several data sheets. */
    readonly personRow: (row: number, sheet: string | null) => string;
    readonly issueCount: (n: number) => string;
    /** One issue's severity, as a caption beside its cell in the 按人员 view. */
    readonly severityOf: Readonly<Record<Severity, string>>;
    readonly showMorePeople: (n: number) => string;
    readonly ruleId: (rule: string) => string;
    readonly backToList: string;
    readonly recheck: string;
    readonly recheckHint: string;
    readonly rechecked: (time: string) => string;
  };
  readonly readFailure: (kind: ReadFailure, file: string) => string;
  readonly unexpected: (file: string) => string;
  readonly summary: {
    readonly empty: string;
    readonly goToValidate: string;
    readonly emptyOffice: string;
    readonly goToValidateOffice: string;
    readonly loading: (file: string) => string;
    readonly noTemplates: string;
    readonly maskSwitch: string;
    readonly download: string;
    readonly downloading: string;
    readonly downloaded: (file: string) => string;
    readonly downloadFailed: string;
    readonly noRows: string;
    readonly source: (file: string, asOf: string) => string;
    readonly writeSheet: string;
    readonly writeSheetHint: string;
    readonly writing: string;
    readonly written: (sheet: string, pivots: number, charts: number) => string;
    readonly writtenPlain: (sheet: string) => string;
    readonly exportButton: string;
    readonly exporting: string;
    readonly openedNew: string;
    readonly exportDownloaded: (file: string, requirement: string) => string;
  };
  /** The 年度工作总结 paragraph and the national 党员基本信息汇总表 export, in the 汇总 area. */
  readonly yearReport: {
    readonly heading: string;
    readonly hint: string;
    readonly copy: string;
    readonly copied: string;
    readonly copyFailed: string;
    readonly nationalButton: string;
    readonly nationalTitle: string;
    readonly nationalWarning: (people: number) => string;
    readonly nationalConfirm: string;
    readonly cancel: string;
    readonly nationalBusy: string;
    readonly nationalDownloaded: (file: string) => string;
    readonly nationalOpened: string;
  };
  readonly office: {
    readonly scopeLabel: string;
    readonly scopeActive: string;
    readonly scopeWorkbook: string;
    readonly validateButton: string;
    readonly emptyState: string;
    readonly reading: string;
    readonly stale: string;
    readonly watchSwitch: string;
    readonly watchHint: string;
    readonly watching: string;
    readonly markButton: (cells: number) => string;
    readonly markHint: (cells: number) => string;
    readonly marking: string;
    readonly marked: (cells: number) => string;
    readonly clearButton: (cells: number) => string;
    readonly clearing: string;
    readonly cleared: (cells: number) => string;
    readonly nothingToMark: string;
    readonly selectedCell: (location: string) => string;
  };
  readonly host: {
    readonly features: Readonly<Record<HostFeature, string>>;
    readonly actions: Readonly<Record<HostAction, string>>;
    readonly featureUnavailable: (feature: string, requirement: string) => string;
    readonly failed: (action: string, detail: string) => string;
    readonly noHost: string;
  };
  readonly fixedCopy: {
    /** `<name>-修正.xlsx` */
    readonly fileSuffix: string;
    readonly button: string;
    readonly note: string;
    readonly busy: string;
    readonly done: (file: string, cells: number) => string;
    readonly failed: string;
  };
  /** 修正 in Excel: the buttons, the preview dialog, the outcome and 撤销修正. */
  readonly fixes: {
    readonly issueButton: string;
    readonly groupButton: (cells: number) => string;
    readonly allButton: (cells: number) => string;
    readonly hint: string;
    readonly dialogTitle: (cells: number) => string;
    readonly dialogIntro: string;
    readonly columns: Readonly<Record<"sheet" | "cell" | "person" | "change" | "rule", string>>;
    readonly empty: string;
    /** A text value in the preview, quoted so that spaces show. */
    readonly quote: (text: string) => string;
    /** The preview lists the first cells; `more` others are fixed too. */
    readonly previewMore: (more: number) => string;
    readonly confirm: string;
    readonly cancel: string;
    readonly busy: string;
    readonly undoing: string;
    /** `changed` cells refused because they changed since validation, listed in `cells`. */
    readonly fixed: (cells: number, changed: number, list: string) => string;
    readonly formulaKept: (cells: number, list: string) => string;
    readonly undoButton: string;
    readonly undone: (cells: number, changed: number, list: string) => string;
    /** An undo record found when the pane opens. */
    readonly pending: (cells: number) => string;
    readonly storeFailed: string;
    readonly listSeparator: string;
    readonly listMore: string;
  };
  readonly markedCopy: {
    readonly button: string;
    readonly note: string;
    readonly busy: string;
    readonly done: (file: string, cells: number) => string;
    readonly failed: string;
  };
  /** The marked copy's first sheet, listing every issue; the copy takes the pane's language. */
  readonly issueSheet: IssueSheetText;
  readonly templates: {
    readonly listLabel: string;
    readonly names: Readonly<Record<string, { readonly title: string; readonly description: string }>>;
    readonly branchLabel: string;
    readonly branchHint: string;
    readonly sampleLabel: string;
    readonly sampleHint: string;
    readonly sampleInvalid: string;
    readonly insertButton: string;
    readonly downloadButton: string;
    readonly insertHint: string;
    readonly downloadHint: string;
    readonly busy: string;
    readonly inserted: (sheets: string, table: string) => string;
    /** The choice of all four templates in one workbook. */
    readonly all: { readonly title: string; readonly description: string };
    readonly insertedAll: (sheets: string, tables: number) => string;
    readonly downloaded: (file: string) => string;
    readonly failed: string;
    readonly recogniseTitle: string;
    readonly recogniseButton: string;
    readonly recogniseEmpty: string;
    readonly recogniseEmptyOffice: string;
    readonly notTemplate: (sheet: string) => string;
    readonly sheetHeading: (sheet: string, template: string, headerRow: number, rows: number) => string;
    readonly fieldColumn: string;
    readonly columnColumn: string;
    readonly missing: string;
    readonly requiredMark: string;
    readonly optionalAbsent: string;
  };
  readonly settings: {
    readonly intro: string;
    readonly empty: string;
    readonly officeEmpty: string;
    readonly defaultHint: (value: string, note: string) => string;
    readonly fromSheet: string;
    readonly invalid: (label: string) => string;
    readonly apply: string;
    readonly applyHint: string;
    readonly reset: string;
    readonly applied: (n: number) => string;
    readonly save: string;
    readonly saving: string;
    readonly saved: (n: number) => string;
    readonly willWrite: string;
    readonly change: (cell: string | null, label: string, before: string, after: string) => string;
    readonly noChanges: string;
    readonly editedNote: (n: number) => string;
  };
}

/** The texts of the marked copy's issue list (its sheet name, columns, legend) and the copy's file name. */
export interface IssueSheetText {
  /** `<name>-标注.xlsx` */
  readonly fileSuffix: string;
  readonly sheetName: string;
  readonly columns: {
    readonly seq: string;
    readonly severity: string;
    readonly sheet: string;
    readonly cell: string;
    readonly person: string;
    readonly rule: string;
    readonly message: string;
    readonly ruleId: string;
  };
  readonly severity: Readonly<Record<Severity, string>>;
  readonly wholeSheet: string;
  readonly legend: string;
  readonly legendHint: string;
  readonly unchanged: string;
  readonly none: string;
}

/**
 * The language switch, named in the language it switches to (as language menus do): the one text of the pane that
 * is not in the pane's language.
 */
export const LANG_SWITCH: Readonly<Record<Lang, { readonly label: string; readonly aria: string }>> = {
  en: { label: "English", aria: "Switch to English" },
  "zh-CN": { label: "中文", aria: "切换到中文" },
};

/** What the pane was doing when a host call failed (named in the message). */
export type HostAction =
  "validate" | "select" | "mark" | "clear" | "insert" | "settings" | "summary" | "export" | "watch" | "fix" | "undoFix";

const ZH: PaneText = {
  appTitle: "支部表格助手",
  areas: { templates: "模板", validate: "校验", summary: "汇总", settings: "设置" },
  areasLabel: "功能区",
  modes: { detecting: "正在检测运行环境…", office: "在 Excel 中运行", standalone: "独立页面模式" },
  openButton: "打开表格文件…",
  dropHint: "或把文件拖到这里",
  emptyState: "打开一个表格文件（.xlsx、.xls、.ods、.csv）开始校验",
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
  sheetNotes: (r) => sheetNotes("zh-CN", r),
  settingsLine: (s, read) => `工作表「${s}」（${read}）`,
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
  issueList: {
    viewLabel: "查看方式",
    byRule: "按规则",
    byPerson: "按人员",
    unattributed: "未署名 / 表级问题",
    personRow: (r, s) => (s === null ? `第 ${r} 行` : `${s} 第 ${r} 行`),
    issueCount: (n) => `${n} 个问题`,
    severityOf: { error: "错误", warning: "警告", info: "提示" },
    showMorePeople: (n) => `再显示 ${n} 人`,
    ruleId: (r) => `规则 ${r}`,
    backToList: "返回列表",
    recheck: "重新校验",
    recheckHint: "浏览器不能直接重新读取改过的文件，请在弹出的窗口中再选一次它。",
    rechecked: (t) => `已重新校验：${t}`,
  },
  readFailure: (kind, f) => {
    switch (kind) {
      case "empty":
        return `${f}：文件是空的（0 字节）。请确认文件已保存完整后再试。`;
      case "xls":
        return `${f}：旧版 Excel 97-2003 (.xls) 工作簿无法解析。请在 Excel 或 WPS 中“另存为 Excel 工作簿 (.xlsx)”后再试。`;
      case "encrypted":
        return `${f}：工作簿设置了打开密码，无法读取。请在 Excel 中清除密码并另存后再试。`;
      case "not-workbook":
        return `${f}：不是表格文件。请选择 .xlsx、.xls、.ods、.csv 或 .txt（制表符分隔）文件。`;
      case "word":
        return `${f}：这是 Word 文档，不是表格。请选择 Excel/WPS 表格文件；名单若在 Word 表格里，可复制到 Excel 中另存为 .xlsx 后再试。`;
      case "powerpoint":
        return `${f}：这是 PowerPoint 演示文稿，不是表格。请选择 Excel/WPS 表格文件（.xlsx、.xls）。`;
      case "pdf":
        return `${f}：这是 PDF 文件，无法读取其中的表格。请使用原始的 Excel/WPS 表格文件，或先用 WPS“PDF 转 Excel”转成 .xlsx 后再试。`;
      case "image":
        return `${f}：这是图片，不是表格。请使用原始的 Excel/WPS 表格文件（.xlsx、.xls）。`;
      case "archive":
        return `${f}：这是压缩包。请先解压，再选择其中的表格文件（.xlsx、.xls、.ods、.csv）。`;
      case "corrupt":
        return `${f}：文件已损坏或无法解析。请用 Excel/WPS 打开修复并另存为 .xlsx 后再试。`;
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
    emptyOffice: "请先在“校验”中校验当前工作表或整个工作簿，这里会显示汇总。",
    goToValidateOffice: "去“校验”",
    loading: (f) => `正在读取 ${f}…`,
    noTemplates: "未找到可汇总的模板工作表（党员花名册等）。",
    maskSwitch: "隐去身份证号和电话",
    download: "下载汇总工作簿",
    downloading: "正在生成汇总工作簿…",
    downloaded: (f) => `已下载 ${f}。原文件没有被修改。`,
    downloadFailed: "生成汇总工作簿失败，请重试。",
    noRows: "（无）",
    source: (f, d) => `${f} · 统计截止日期 ${d}`,
    writeSheet: "生成/刷新“汇总”工作表",
    writeSheetHint: "在本工作簿中新建或重建助手自己的“汇总”工作表，不改动其他工作表。",
    writing: "正在生成“汇总”工作表…",
    written: (s, p, c) => `已生成工作表“${s}”：${p} 个数据透视表，${c} 个图表。`,
    writtenPlain: (s) =>
      `已生成工作表“${s}”。此版本的 Excel 不能为加载项创建数据透视表（或图表），已改用普通表格；更新 Office 后可再刷新。`,
    exportButton: "导出为新工作簿",
    exporting: "正在导出…",
    openedNew: "已在 Excel 中打开一个新的汇总工作簿，请在其中保存。",
    exportDownloaded: (f, r) => `此版本的 Excel 不能直接新建工作簿（需要 ${r}），已改为下载 ${f}。`,
  },
  yearReport: {
    heading: "年度工作总结用语",
    hint: "数字均取自上面的汇总，可直接粘贴到年度工作总结中。",
    copy: "复制",
    copied: "已复制到剪贴板。",
    copyFailed: "无法访问剪贴板，请在文本框中全选后复制。",
    nationalButton: "导出党员基本信息汇总表…",
    nationalTitle: "导出党员基本信息汇总表",
    nationalWarning: (n) =>
      `将导出 ${n} 人的党员基本信息汇总表（全国党员管理信息系统格式）。文件含完整的身份证号和手机号，不脱敏。请妥善保管，录入后删除。`,
    nationalConfirm: "确认导出",
    cancel: "取消",
    nationalBusy: "正在生成党员基本信息汇总表…",
    nationalDownloaded: (f) => `已下载 ${f}（含完整身份证号，请妥善保管）。原文件没有被修改。`,
    nationalOpened: "已在 Excel 中打开新的党员基本信息汇总表工作簿，请在其中保存。",
  },
  office: {
    scopeLabel: "校验范围",
    scopeActive: "当前工作表",
    scopeWorkbook: "整个工作簿",
    validateButton: "校验",
    emptyState: "选择范围后点“校验”。助手只读取表格，不会改动单元格。",
    reading: "正在从 Excel 读取…",
    stale: "已取消：上次的结果已作废，请重新校验。",
    watchSwitch: "编辑时重新校验",
    watchHint: "修改单元格约 1 秒后，自动重新校验改动过的工作表。",
    watching: "正在监视编辑…",
    markButton: (n) => `标注 ${n} 个单元格`,
    markHint: (n) =>
      `将用加载项自己的条件格式给 ${n} 个有问题的单元格标色（错误红、警告黄、提示蓝），不改动单元格原有的格式；插入、删除、排序或改色后，“清除标注”也只去掉这些标注。`,
    marking: "正在标注…",
    marked: (n) => `已标注 ${n} 个单元格。`,
    clearButton: (n) => `清除标注（${n} 处）`,
    clearing: "正在清除…",
    cleared: (n) => `已清除 ${n} 处标注，单元格原有格式未改动。`,
    nothingToMark: "没有可标注的单元格。",
    selectedCell: (l) => `已在 Excel 中选中 ${l}`,
  },
  host: {
    features: {
      insertTemplate: "插入模板",
      conditionalFormats: "条件格式",
      pivotTables: "数据透视表",
      charts: "图表",
      createWorkbook: "新建工作簿",
      onChanged: "编辑时重新校验",
    },
    actions: {
      validate: "校验",
      select: "选中单元格",
      mark: "标注",
      clear: "清除标注",
      insert: "插入模板",
      settings: "保存设置",
      summary: "生成汇总表",
      export: "导出",
      watch: "监视编辑",
      fix: "修正",
      undoFix: "撤销修正",
    },
    featureUnavailable: (f, r) =>
      `此版本的 Excel 不支持“${f}”（需要 ${r}）。请把 Office 更新到最新版本，或改用 Excel 网页版；也可以在浏览器中打开独立页面使用下载功能。`,
    failed: (a, d) => `${a}失败：${d}。请检查工作簿（是否处于编辑单元格状态、工作表是否受保护）后重试。`,
    noHost: "尚未连接到 Excel，请稍候或重新打开任务窗格。",
  },
  fixedCopy: {
    fileSuffix: "修正",
    button: "下载修正副本",
    note: "只改能确定正确值的单元格（多余空格、“汉”→“汉族”、15位身份证号升18位、标准党费、文本日期等），与命令行 zhibu fix 相同；图表、数据透视表和宏原样保留，原文件不会被改动。校验位、性别、日期顺序、重复等需按原始材料核对的问题不会自动修改。",
    busy: "正在生成修正副本…",
    done: (f, n) => `已下载 ${f}（修正了 ${n} 个单元格）。原文件没有被修改。`,
    failed: "生成修正副本失败，请重试。",
  },
  fixes: {
    issueButton: "修正",
    groupButton: (n) => `修正本组（${n} 处）`,
    allButton: (n) => `全部可修正项（${n} 处）`,
    hint: "只改能确定正确值的单元格（多余空格、“汉”→“汉族”、文本日期等）；写入前逐项预览，写入后可撤销。",
    dialogTitle: (n) => `修正 ${n} 处单元格`,
    dialogIntro: "将把下列单元格改为新值（日期写成日期格式）。自上次校验后已改动的单元格不会被修改。",
    columns: { sheet: "工作表", cell: "单元格", person: "人员", change: "原值 → 新值", rule: "规则" },
    empty: "（空）",
    quote: (t) => `“${t}”`,
    previewMore: (n) => `另有 ${n} 处，一并修正。`,
    confirm: "确定修正",
    cancel: "取消",
    busy: "正在修正…",
    undoing: "正在撤销…",
    fixed: (n, m, list) =>
      m === 0 ? `已修正 ${n} 处。` : `已修正 ${n} 处，另有 ${m} 处自上次校验后已改动，未修正：${list}。`,
    formulaKept: (n, list) => `${n} 处是公式，未改动：${list}。`,
    undoButton: "撤销修正",
    undone: (n, m, list) =>
      m === 0
        ? `已撤销 ${n} 处修正，单元格恢复为修正前的值和格式。`
        : `已撤销 ${n} 处修正；另有 ${m} 处在修正后又被改动，未撤销：${list}。`,
    pending: (n) => `上次修正了 ${n} 处单元格，可以撤销。`,
    storeFailed: "撤销记录未能保存到工作簿中：关闭任务窗格前仍可撤销。",
    listSeparator: "、",
    listMore: "…",
  },
  markedCopy: {
    button: "下载标注副本",
    note: "副本是新文件：有问题的单元格按严重程度填色并附批注，包含“设置”中的修改；原文件不会被改动。注意：副本由浏览器重新生成，原文件中的图表和数据透视表不会保留。",
    busy: "正在生成标注副本…",
    done: (f, n) => `已下载 ${f}（标注了 ${n} 个单元格）。原文件没有被修改。`,
    failed: "生成标注副本失败，请重试。",
  },
  issueSheet: {
    fileSuffix: "标注",
    sheetName: "问题清单",
    columns: {
      seq: "序号",
      severity: "级别",
      sheet: "工作表",
      cell: "单元格",
      person: "姓名",
      rule: "规则",
      message: "说明",
      ruleId: "规则编号",
    },
    severity: { error: "错误", warning: "警告", info: "提示" },
    wholeSheet: "（整表）",
    legend: "图例",
    legendHint: "有问题的单元格按级别填色并附批注；点“单元格”列可跳到该单元格。",
    unchanged: "原文件没有被修改：这是浏览器新生成的副本，原文件中的图表和数据透视表不会保留。",
    none: "没有发现问题。",
  },
  templates: {
    listLabel: "选择模板",
    names: {
      roster: { title: "党员花名册", description: "党员、预备党员、发展对象、入党积极分子和入党申请人名册" },
      schedule: { title: "月度工作安排", description: "支部月度工作安排和“三会一课”等活动的计划与完成情况" },
      evaluation: {
        title: "教职工年终考核量化表",
        description: "年终考核量化评分：考核项目列写成“名称(分值)”，总分、排名、等次",
      },
      ballot: { title: "民主评议党员测评统计表", description: "民主评议党员的测评票统计与评议结果" },
    },
    branchLabel: "支部名称",
    branchHint: "写在标题前，也写入“设置”表；可留空。",
    sampleLabel: "示例行数（0–200）",
    sampleHint: "填入虚构的示例数据，便于试用；0 为空表。",
    sampleInvalid: "请输入 0 到 200 之间的整数。",
    insertButton: "插入",
    downloadButton: "下载模板",
    insertHint: "以新工作表插入，不会覆盖已有工作表（重名时自动加后缀）。",
    downloadHint: "生成一个新的 .xlsx 文件下载到本机。",
    busy: "正在生成模板…",
    inserted: (s, t) => `已插入工作表：${s}（表格 ${t}）。`,
    all: {
      title: "全部四种模板（一个工作簿）",
      description:
        "花名册、月度工作安排、年终考核、民主测评放在同一个工作簿里，共用一张“设置”表；下载的文件以支部名称命名",
    },
    insertedAll: (s, n) => `已插入工作表：${s}（${n} 个表格）。`,
    downloaded: (f) => `已下载 ${f}。`,
    failed: "生成模板失败，请重试。",
    recogniseTitle: "识别工作表",
    recogniseButton: "识别当前工作表",
    recogniseEmpty: "在“校验”中打开一个文件后，这里显示每张工作表识别为哪种模板，以及各字段对应的列。",
    recogniseEmptyOffice: "点“识别当前工作表”，查看它是哪种模板以及各字段对应的列。",
    notTemplate: (s) => `工作表“${s}”：未识别为模板（表头与四种模板都不够吻合）。`,
    sheetHeading: (s, t, h, n) => `工作表“${s}”：${t}，表头在第 ${h} 行，${n} 行数据`,
    fieldColumn: "字段",
    columnColumn: "列",
    missing: "缺少",
    requiredMark: "（必填）",
    optionalAbsent: "—",
  },
  settings: {
    intro: "“设置”工作表中的各项。留空即用默认值。",
    empty: "请先在“校验”中打开一个 .xlsx 文件，这里会显示它“设置”表中的值。",
    officeEmpty: "先校验一次以读取“设置”表中的值；下面显示的是默认值。",
    defaultHint: (v, n) => `默认：${v}。${n}`,
    fromSheet: "来自“设置”表",
    invalid: (l) => `“${l}”的值无法识别，请按提示的格式填写。`,
    apply: "应用到校验",
    applyHint: "只用于本页面的校验结果和标注副本，原文件不会被修改。",
    reset: "恢复文件中的值",
    applied: (n) => `已按 ${n} 项修改重新校验。`,
    save: "保存到“设置”表",
    saving: "正在写入“设置”表…",
    saved: (n) => `已写入 ${n} 项，并重新校验。`,
    willWrite: "将写入以下单元格：",
    change: (c, l, b, a) => `${c ?? "“设置”表新增一行"}　${l}：${b || "（空）"} → ${a || "（空，用默认值）"}`,
    noChanges: "没有修改。",
    editedNote: (n) => `本页面已应用 ${n} 项设置修改（未写入原文件）。`,
  },
};

const EN: PaneText = {
  appTitle: "Branch Sheets Assistant",
  areas: { templates: "Templates", validate: "Validate", summary: "Summary", settings: "Settings" },
  areasLabel: "Areas",
  modes: { detecting: "Detecting the host…", office: "Running in Excel", standalone: "Standalone page" },
  openButton: "Open a workbook…",
  dropHint: "or drop a file here",
  emptyState: "Open a workbook (.xlsx, .xls, .ods, .csv) to start validating",
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
  totals: (c) =>
    `${c.error} ${c.error === 1 ? "error" : "errors"}, ${c.warning} ${c.warning === 1 ? "warning" : "warnings"}, ${c.info} info`,
  sheetLine: (s, n, ok) => (ok ? `Sheet "${s}": ${n} data rows` : `Sheet "${s}": not a known template, not checked`),
  sheetNotes: (r) => sheetNotes("en", r),
  settingsLine: (s, read) => `Sheet "${s}" (${read})`,
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
  issueList: {
    viewLabel: "View",
    byRule: "By rule",
    byPerson: "By person",
    unattributed: "Not tied to a person",
    personRow: (r, s) => (s === null ? `Row ${r}` : `${s}, row ${r}`),
    issueCount: (n) => (n === 1 ? "1 issue" : `${n} issues`),
    severityOf: { error: "error", warning: "warning", info: "info" },
    showMorePeople: (n) => `Show ${n} more people`,
    ruleId: (r) => `Rule ${r}`,
    backToList: "Back to the list",
    recheck: "Re-check",
    recheckHint: "Browsers cannot re-read a file after it was edited: pick it again in the dialog.",
    rechecked: (t) => `Re-checked: ${t}`,
  },
  readFailure: (kind, f) => {
    switch (kind) {
      case "empty":
        return `${f}: the file is empty (0 bytes). Make sure it was saved completely and try again.`;
      case "xls":
        return `${f}: this old Excel 97-2003 (.xls) workbook could not be read. Save it as an Excel Workbook (.xlsx) in Excel or WPS and try again.`;
      case "encrypted":
        return `${f}: the workbook is password-protected. Remove the password in Excel, save, and try again.`;
      case "not-workbook":
        return `${f}: not a spreadsheet. Choose an .xlsx, .xls, .ods, .csv or tab-separated .txt file.`;
      case "word":
        return `${f}: this is a Word document, not a spreadsheet. Choose the Excel/WPS workbook; a list in a Word table can be copied into Excel and saved as .xlsx.`;
      case "powerpoint":
        return `${f}: this is a PowerPoint presentation, not a spreadsheet. Choose the Excel/WPS workbook (.xlsx, .xls).`;
      case "pdf":
        return `${f}: this is a PDF; its tables cannot be read. Use the original Excel/WPS workbook, or convert the PDF to .xlsx in WPS first.`;
      case "image":
        return `${f}: this is an image, not a spreadsheet. Use the original Excel/WPS workbook (.xlsx, .xls).`;
      case "archive":
        return `${f}: this is an archive. Extract it first, then choose the workbook inside (.xlsx, .xls, .ods, .csv).`;
      case "corrupt":
        return `${f}: the file is damaged or could not be read. Repair it in Excel/WPS, save as .xlsx and try again.`;
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
    emptyOffice: "Validate the active sheet or the whole workbook in Validate first; its summary appears here.",
    goToValidateOffice: "Go to Validate",
    loading: (f) => `Reading ${f}…`,
    noTemplates: "No template sheets to summarise (roster etc.) were found.",
    maskSwitch: "Hide ID numbers and phone numbers",
    download: "Download summary workbook",
    downloading: "Building the summary workbook…",
    downloaded: (f) => `Downloaded ${f}. The original file was not changed.`,
    downloadFailed: "Could not build the summary workbook. Please try again.",
    noRows: "(none)",
    source: (f, d) => `${f} · as of ${d}`,
    writeSheet: "Build/refresh the summary sheet",
    writeSheetHint: "Creates or rebuilds the add-in's own summary sheet in this workbook; no other sheet is changed.",
    writing: "Building the summary sheet…",
    written: (s, p, c) => `Built sheet "${s}": ${p} PivotTables, ${c} charts.`,
    writtenPlain: (s) =>
      `Built sheet "${s}". This Excel cannot create PivotTables (or charts) for add-ins, so plain tables were used; refresh after updating Office.`,
    exportButton: "Export as a new workbook",
    exporting: "Exporting…",
    openedNew: "A new summary workbook is open in Excel; save it there.",
    exportDownloaded: (f, r) => `This Excel cannot create a workbook (needs ${r}), so ${f} was downloaded instead.`,
  },
  yearReport: {
    heading: "Paragraph for the annual report",
    hint: "Every number comes from the summary above; paste it into the annual work report.",
    copy: "Copy",
    copied: "Copied to the clipboard.",
    copyFailed: "The clipboard is not available: select the text in the box and copy it.",
    nationalButton: "Export the national member form…",
    nationalTitle: "Export the national member information form",
    nationalWarning: (n) =>
      `Exports ${n} people in the form of the national party member information system. The file holds full ID numbers and phone numbers, unmasked. Keep it safe and delete it once entered.`,
    nationalConfirm: "Export",
    cancel: "Cancel",
    nationalBusy: "Building the national member form…",
    nationalDownloaded: (f) => `Downloaded ${f} (full ID numbers: keep it safe). The original file was not changed.`,
    nationalOpened: "The national member form is open in Excel as a new workbook; save it there.",
  },
  office: {
    scopeLabel: "What to validate",
    scopeActive: "Active sheet",
    scopeWorkbook: "Whole workbook",
    validateButton: "Validate",
    emptyState: "Choose what to validate and select Validate. Cells are only read, never changed.",
    reading: "Reading from Excel…",
    stale: "Cancelled: the previous result is out of date. Validate again.",
    watchSwitch: "Re-check while editing",
    watchHint: "About a second after you edit cells, the edited sheets are validated again.",
    watching: "Watching edits…",
    markButton: (n) => `Mark ${n} cells`,
    markHint: (n) =>
      `Colours ${n} cells with issues (errors red, warnings yellow, info blue) with the add-in's own conditional formats, leaving the cells' own formatting alone; after inserting, deleting, sorting or recolouring, Clear marks still removes only these marks.`,
    marking: "Marking…",
    marked: (n) => `Marked ${n} cells.`,
    clearButton: (n) => `Clear marks (${n})`,
    clearing: "Clearing…",
    cleared: (n) => `Removed ${n} marks; the cells' own formatting is unchanged.`,
    nothingToMark: "No cells to mark.",
    selectedCell: (l) => `Selected ${l} in Excel`,
  },
  host: {
    features: {
      insertTemplate: "Insert template",
      conditionalFormats: "Conditional formats",
      pivotTables: "PivotTables",
      charts: "Charts",
      createWorkbook: "Create a new workbook",
      onChanged: "Re-check while editing",
    },
    actions: {
      validate: "Validate",
      select: "Select cell",
      mark: "Mark",
      clear: "Clear marks",
      insert: "Insert template",
      settings: "Save settings",
      summary: "Build summary sheet",
      export: "Export",
      watch: "Watch edits",
      fix: "Fix",
      undoFix: "Undo fixes",
    },
    featureUnavailable: (f, r) =>
      `This version of Excel does not support "${f}" (needs ${r}). Update Office to the latest version or use Excel on the web; or open the standalone page in a browser and use its downloads.`,
    failed: (a, d) =>
      `${a} failed: ${d}. Check the workbook (not in cell-edit mode, sheet not protected) and try again.`,
    noHost: "Not connected to Excel yet. Wait a moment or reopen the task pane.",
  },
  fixedCopy: {
    fileSuffix: "fixed",
    button: "Download fixed copy",
    note: "Only cells whose right value is certain are changed (stray spaces, short forms of list values, 15 → 18-digit IDs, standard dues, text dates…), as `zhibu fix` does; charts, PivotTables and macros are kept and the original file is not changed. Check digits, gender, date order and duplicates need the paper records and are never changed.",
    busy: "Building the fixed copy…",
    done: (f, n) => `Downloaded ${f} (${n} cells fixed). The original file was not changed.`,
    failed: "Could not build the fixed copy. Please try again.",
  },
  fixes: {
    issueButton: "Fix",
    groupButton: (n) => `Fix this group (${n})`,
    allButton: (n) => `All fixable cells (${n})`,
    hint: "Only cells whose right value is certain (stray spaces, ethnic group names, text dates…); you see every change before it is written, and can undo it.",
    dialogTitle: (n) => (n === 1 ? "Fix 1 cell" : `Fix ${n} cells`),
    dialogIntro:
      "These cells get the new value (dates as real dates). A cell changed since the last validation is left alone.",
    columns: { sheet: "Sheet", cell: "Cell", person: "Person", change: "Old → new", rule: "Rule" },
    empty: "(empty)",
    quote: (t) => `"${t}"`,
    previewMore: (n) => `${n} more cells are fixed as well.`,
    confirm: "Fix",
    cancel: "Cancel",
    busy: "Fixing…",
    undoing: "Undoing…",
    fixed: (n, m, list) =>
      m === 0
        ? `Fixed ${n} cells.`
        : `Fixed ${n} cells; ${m} changed since the last validation were left alone: ${list}.`,
    formulaKept: (n, list) => `${n} hold formulas and were left alone: ${list}.`,
    undoButton: "Undo fixes",
    undone: (n, m, list) =>
      m === 0
        ? `Undid ${n} fixes: the cells have their earlier values and formats back.`
        : `Undid ${n} fixes; ${m} changed after the fix were left alone: ${list}.`,
    pending: (n) => `An earlier fix changed ${n} cells; it can be undone.`,
    storeFailed: "The undo record could not be saved in the workbook: undo works until the pane is closed.",
    listSeparator: ", ",
    listMore: ", …",
  },
  markedCopy: {
    button: "Download marked copy",
    note: "The copy is a new file: cells with issues are filled by severity with a note, and your Settings edits are included; the original file is not changed. Note: the browser rebuilds the copy, so charts and PivotTables of the original are not kept.",
    busy: "Building the marked copy…",
    done: (f, n) => `Downloaded ${f} (${n} cells marked). The original file was not changed.`,
    failed: "Could not build the marked copy. Please try again.",
  },
  issueSheet: {
    fileSuffix: "marked",
    sheetName: "Issues",
    columns: {
      seq: "No.",
      severity: "Severity",
      sheet: "Sheet",
      cell: "Cell",
      person: "Name",
      rule: "Rule",
      message: "Message",
      ruleId: "Rule ID",
    },
    severity: { error: "Error", warning: "Warning", info: "Info" },
    wholeSheet: "(whole sheet)",
    legend: "Legend",
    legendHint:
      "Cells with issues are filled by severity and carry a note; a link in the Cell column goes to the cell.",
    unchanged:
      "The original file was not changed: this copy was made anew by the browser, and charts and PivotTables of the original are not kept.",
    none: "No issues found.",
  },
  templates: {
    listLabel: "Choose a template",
    names: {
      roster: {
        title: "Party member roster",
        description: "Members, probationary members, candidates, activists and applicants",
      },
      schedule: {
        title: "Monthly work schedule",
        description: 'The branch\'s monthly plan and the "three meetings and one lecture", planned and done',
      },
      evaluation: {
        title: "Staff year-end evaluation",
        description: 'Year-end scoring: item columns written as "name(points)", total, rank and grade',
      },
      ballot: {
        title: "Democratic appraisal of members",
        description: "Tally of the members' appraisal ballots and the results",
      },
    },
    branchLabel: "Branch name",
    branchHint: "Written before the title and into the settings sheet; may be empty.",
    sampleLabel: "Sample rows (0–200)",
    sampleHint: "Invented sample data to try things out; 0 for an empty table.",
    sampleInvalid: "Enter a whole number from 0 to 200.",
    insertButton: "Insert",
    downloadButton: "Download template",
    insertHint: "Inserted as new sheets; existing sheets are never overwritten (a suffix is added).",
    downloadHint: "Builds a new .xlsx file and downloads it.",
    busy: "Building the template…",
    inserted: (s, t) => `Inserted sheets: ${s} (table ${t}).`,
    all: {
      title: "All four templates (one workbook)",
      description:
        "Roster, monthly schedule, year-end evaluation and ballot in one workbook sharing one settings sheet; the download is named after the branch",
    },
    insertedAll: (s, n) => `Inserted sheets: ${s} (${n} tables).`,
    downloaded: (f) => `Downloaded ${f}.`,
    failed: "Could not build the template. Please try again.",
    recogniseTitle: "Recognise sheets",
    recogniseButton: "Recognise the active sheet",
    recogniseEmpty: "Open a file in Validate; this shows which template each sheet is and the column of each field.",
    recogniseEmptyOffice: "Select Recognise the active sheet to see which template it is and the column of each field.",
    notTemplate: (s) => `Sheet "${s}": not recognised as a template (its headers match none of the four well enough).`,
    sheetHeading: (s, t, h, n) => `Sheet "${s}": ${t}, header in row ${h}, ${n} data rows`,
    fieldColumn: "Field",
    columnColumn: "Column",
    missing: "missing",
    requiredMark: " (required)",
    optionalAbsent: "—",
  },
  settings: {
    intro: "The items of the settings sheet. Leave one empty for its default.",
    empty: "Open an .xlsx file in Validate first; the values of its settings sheet appear here.",
    officeEmpty: "Validate once to read the settings sheet; the defaults are shown below.",
    defaultHint: (v, n) => `Default: ${v}. ${n}`,
    fromSheet: "from the settings sheet",
    invalid: (l) => `The value of "${l}" is not recognised; use the format in the hint.`,
    apply: "Apply to validation",
    applyHint: "Used only for this page's results and the marked copy; the original file is not changed.",
    reset: "Back to the file's values",
    applied: (n) => `Validated again with ${n} changed settings.`,
    save: "Save to the settings sheet",
    saving: "Writing the settings sheet…",
    saved: (n) => `Wrote ${n} items and validated again.`,
    willWrite: "These cells will be written:",
    change: (c, l, b, a) =>
      `${c ?? "new row in the settings sheet"}  ${l}: ${b || "(empty)"} → ${a || "(empty: default)"}`,
    noChanges: "No changes.",
    editedNote: (n) => `${n} settings edits apply on this page (not written to the original file).`,
  },
};

export const TEXT: Readonly<Record<Lang, PaneText>> = { "zh-CN": ZH, en: EN };
