import type { Lang } from "./types";
import type { SkipKind, SkippedRow } from "../record-rows";

const SKIP_LABEL: Record<Lang, Record<SkipKind, string>> = {
  "zh-CN": { note: "说明", total: "合计", footer: "落款", section: "分组标题" },
  en: { note: "note", total: "total", footer: "footer", section: "section" },
};

/** `跳过第 15 行（合计）、第 16–18 行（落款）`: the rows not read as records, runs of one kind joined. */
export function skippedText(rows: readonly SkippedRow[], lang: Lang): string {
  const zh = lang === "zh-CN";
  const runs: { from: number; to: number; kind: SkipKind }[] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && last.kind === r.kind && last.to === r.row - 1) last.to = r.row;
    else runs.push({ from: r.row, to: r.row, kind: r.kind });
  }
  const parts = runs.map((run) => {
    const span = run.from === run.to ? `${run.from}` : `${run.from}–${run.to}`;
    const label = SKIP_LABEL[lang][run.kind];
    return zh ? `第 ${span} 行（${label}）` : `row${run.from === run.to ? "" : "s"} ${span} (${label})`;
  });
  return (zh ? "跳过" : "skipped ") + parts.join(zh ? "、" : ", ");
}
