/**
 * In the 汇总 area: the 年度工作总结 paragraph with a copy button, and the national 党员基本信息汇总表 export behind
 * a confirmation (it is not masked). Standalone the export is a download; in Excel a new workbook.
 */
import { useMemo, useState } from "react";
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Subtitle2,
  Text,
  Textarea,
} from "@fluentui/react-components";
import type { ValidationResult } from "../../src/core/engine";
import type { Lang, PaneText } from "./i18n";
import type { ExcelHost } from "../office/port";
import { nationalCount, nationalFileName, nationalWorkbookBytes, yearParagraphOf } from "./summary-model";
import { downloadBytes } from "../standalone/download";
import { type ExportOutcome, exportWorkbook } from "./office-actions";
import { HostErrorBar } from "./HostErrorBar";
import { usePanelStyles } from "./panel-styles";
import { useAction } from "./useAction";

export function YearReport({
  text,
  lang,
  result,
  fileName,
  host,
}: {
  text: PaneText;
  lang: Lang;
  result: ValidationResult;
  fileName: string;
  /** Set when the workbook is Excel's own: the export opens a new workbook there. */
  host: ExcelHost | null;
}) {
  const panel = usePanelStyles();
  const t = text.yearReport;
  const paragraph = useMemo(() => yearParagraphOf(result, lang), [result, lang]);
  const people = useMemo(() => nationalCount(result), [result]);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const [confirming, setConfirming] = useState(false);
  const [exported, runExport] = useAction<ExportOutcome & { name: string }>();
  if (paragraph === null) return null;

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(paragraph);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  };
  const onExport = () => {
    setConfirming(false);
    void runExport(async () => {
      const name = nationalFileName(fileName);
      const bytes = await nationalWorkbookBytes(result);
      const save = (b: ArrayBuffer) => downloadBytes(b, name);
      if (host) return { ...(await exportWorkbook(host, bytes, save)), name };
      save(bytes);
      return { kind: "downloaded" as const, requirement: "", name };
    });
  };

  return (
    <section className={panel.section} aria-label={t.heading} data-testid="year-report">
      <Subtitle2 as="h3">{t.heading}</Subtitle2>
      <Caption1 className={panel.muted}>{t.hint}</Caption1>
      <Textarea
        readOnly
        value={paragraph}
        resize="vertical"
        rows={5}
        aria-label={t.heading}
        data-testid="year-paragraph"
      />
      <div className={panel.row}>
        <Button onClick={() => void onCopy()} data-testid="year-copy">
          {t.copy}
        </Button>
        <Button onClick={() => setConfirming(true)} disabled={exported.status === "busy"} data-testid="national-export">
          {t.nationalButton}
        </Button>
      </div>
      <div aria-live="polite">
        {copy === "copied" && <Text role="status">{t.copied}</Text>}
        {copy === "failed" && <Text role="status">{t.copyFailed}</Text>}
        {exported.status === "busy" && <Text role="status">{t.nationalBusy}</Text>}
        {exported.status === "done" && (
          <Text role="status" data-testid="national-done">
            {exported.value.kind === "opened"
              ? t.nationalOpened
              : exported.value.requirement
                ? text.summary.exportDownloaded(exported.value.name, exported.value.requirement)
                : t.nationalDownloaded(exported.value.name)}
          </Text>
        )}
        {exported.status === "failed" && (
          <HostErrorBar error={exported.error} action="export" text={text} testId="national-error" />
        )}
      </div>
      <Dialog open={confirming} onOpenChange={(_e, data) => setConfirming(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.nationalTitle}</DialogTitle>
            <DialogContent data-testid="national-warning">{t.nationalWarning(people)}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={onExport} data-testid="national-confirm">
                {t.nationalConfirm}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
