import type { Severity } from "../core/types";
import type { ValidationResult } from "../core/engine";
import { formatDate } from "../core/dates";
import { type Lang, formatIssue } from "../core/messages";
import { ruleTitle } from "../core/messages/titles";
import { personLabel } from "../core/messages/person-label";
import { templateById } from "../core/templates";
import { skippedText } from "../core/messages/skipped";
import { settingsReadText } from "../core/messages/settings-read";
import { isSettingsSheet } from "../core/settings";
import { type Style, severityColour } from "./style";

/** Issue params that the JSON report lifts to the top level (schedule.frequency's period and type). */
const PROMOTED_PARAMS = ["period", "type"] as const;

export function jsonReport(file: string, result: ValidationResult, lang: Lang): unknown {
  return {
    version: 1,
    file,
    asOf: formatDate(result.asOf),
    sheets: result.sheets.map((s) => ({
      sheet: s.sheet,
      template: s.template,
      headerRow: s.headerRow,
      ...(s.headerRows ? { headerRows: s.headerRows } : {}),
      dataRows: s.dataRows,
      columns: s.columns,
      ...(s.skippedRows ? { skippedRows: s.skippedRows } : {}),
    })),
    issues: result.issues.map((i) => {
      const out: Record<string, unknown> = {
        rule: i.rule,
        severity: i.severity,
        sheet: i.sheet,
        cell: i.cell,
        row: i.row,
        field: i.field,
        person: i.person,
      };
      for (const k of PROMOTED_PARAMS) if (i.params[k] !== undefined) out[k] = i.params[k];
      out["message"] = formatIssue(i, lang);
      return out;
    }),
    counts: result.counts,
  };
}

const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  "zh-CN": { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Issues grouped by sheet, then by rule (errors first), each with its count and cell addresses. */
export function textReport(file: string, result: ValidationResult, lang: Lang, style: Style, maxPerRule = 50): string {
  const zh = lang === "zh-CN";
  const lines: string[] = [];
  lines.push(
    style.bold(file) +
      style.dim(zh ? `  统计截止日期 ${formatDate(result.asOf)}` : `  as of ${formatDate(result.asOf)}`),
  );
  const bySheet = groupBy(result.issues, (i) => i.sheet);
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  for (const sheet of result.sheets) {
    const template = sheet.template ? templateById(sheet.template) : undefined;
    const issues = bySheet.get(sheet.sheet) ?? [];
    lines.push("");
    if (template) {
      lines.push(
        style.bold(zh ? `工作表「${sheet.sheet}」` : `Sheet "${sheet.sheet}"`) +
          (zh
            ? `  ${template.title} · 表头在第 ${sheet.headerRow} 行 · ${sheet.dataRows} 行数据`
            : `  ${template.id} · header row ${sheet.headerRow} · ${sheet.dataRows} data rows`),
      );
      const [first, last] = sheet.headerRows ?? [sheet.headerRow, sheet.headerRow];
      const notes: string[] = [];
      if (first !== last) notes.push(zh ? `表头占第 ${first}–${last} 行` : `header rows ${first}–${last}`);
      if (sheet.skippedRows?.length) notes.push(skippedText(sheet.skippedRows, lang));
      if (notes.length) lines.push("  " + style.dim(notes.join(zh ? "；" : "; ")));
    } else if (isSettingsSheet(sheet.sheet)) {
      const name = zh ? `工作表「${sheet.sheet}」` : `Sheet "${sheet.sheet}"`;
      lines.push(style.bold(name) + "  " + style.dim(settingsReadText(result.settings, lang)));
      if (issues.length === 0) continue;
    } else if (issues.length === 0 && sheet.hidden) {
      continue;
    } else if (issues.length === 0) {
      lines.push(
        style.dim(
          zh
            ? `工作表「${sheet.sheet}」  未识别为模板，未检查`
            : `Sheet "${sheet.sheet}"  no template recognised, not checked`,
        ),
      );
      continue;
    } else lines.push(style.bold(zh ? `工作表「${sheet.sheet}」` : `Sheet "${sheet.sheet}"`));
    if (issues.length === 0) {
      lines.push("  " + style.green(zh ? "✓ 未发现问题" : "✓ no issues"));
      continue;
    }
    const groups = [...groupBy(issues, (i) => i.rule).values()].sort(
      (a, b) => rank[a[0]!.severity] - rank[b[0]!.severity],
    );
    for (const group of groups) {
      const first = group[0]!;
      const colour = severityColour(style, first.severity);
      const cells = group.map((i) => i.cell).filter((c): c is string => c !== null);
      const where = cells.length
        ? "  " + style.dim(cells.slice(0, 12).join(" ") + (cells.length > 12 ? " …" : ""))
        : "";
      lines.push(
        `  ${colour(SEVERITY_LABEL[lang][first.severity])} ${style.bold(ruleTitle(first.rule, lang))} ${style.dim(first.rule)} ×${group.length}${where}`,
      );
      for (const issue of group.slice(0, maxPerRule))
        lines.push(`    ${personLabel(issue, lang)}${(issue.cell ?? "—").padEnd(6)} ${formatIssue(issue, lang)}`);
      if (group.length > maxPerRule)
        lines.push(
          style.dim(
            zh
              ? `    …另有 ${group.length - maxPerRule} 处（用 --format json 查看全部）`
              : `    … ${group.length - maxPerRule} more (see --format json)`,
          ),
        );
    }
  }
  lines.push("");
  const c = result.counts;
  lines.push(
    zh
      ? `合计：${style.red(`${c.error} 个错误`)}，${style.yellow(`${c.warning} 个警告`)}，${style.cyan(`${c.info} 个提示`)}`
      : `Total: ${style.red(`${c.error} error${c.error === 1 ? "" : "s"}`)}, ${style.yellow(`${c.warning} warning${c.warning === 1 ? "" : "s"}`)}, ${style.cyan(`${c.info} info`)}`,
  );
  return lines.join("\n") + "\n";
}
