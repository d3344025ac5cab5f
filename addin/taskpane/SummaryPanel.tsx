/**
 * The 汇总 area: summary tables of the workbook validated in 校验. Standalone: a summary workbook download. In
 * Excel: build/refresh the 汇总 sheet, and export a new workbook (a download where the host cannot create one).
 */
import { useMemo, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Switch,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { SummaryTable } from "../../src/core/summary/table";
import { formatDate } from "../../src/core/dates";
import type { Lang, PaneText } from "./i18n";
import type { ValidationState } from "./useValidation";
import { formatTableCell } from "../../src/core/summary/table";
import { summaryFileName, summarySections, summaryWorkbookBytes } from "./summary-model";
import { downloadBytes } from "../standalone/download";
import type { ExcelHost, SummarySheetResult } from "../office/port";
import { summaryTitles } from "../../src/core/summary/sections";
import { type ExportOutcome, exportWorkbook, summaryFellBack } from "./office-actions";
import { HostErrorBar } from "./HostErrorBar";
import { usePanelStyles } from "./panel-styles";
import { useAction } from "./useAction";
import { YearReport } from "./YearReport";

const useStyles = makeStyles({
  caption: { textAlign: "start", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXXS },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  status: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

function TableView({ table, text }: { table: SummaryTable; text: PaneText }) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const percent = (i: number) => table.percentColumns?.includes(i) ?? false;
  return (
    <div className={panel.scroll}>
      <table className={panel.table} data-testid="summary-table" data-title={table.title}>
        <caption className={styles.caption}>{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col" className={mergeClasses(panel.th, panel.start, panel.nowrap)}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td className={mergeClasses(panel.td, panel.nowrap, panel.muted)} colSpan={table.columns.length}>
                {text.summary.noRows}
              </td>
            </tr>
          ) : (
            table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((v, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className={mergeClasses(panel.th, panel.start, panel.nowrap)}>
                      {formatTableCell(v, percent(i))}
                    </th>
                  ) : (
                    <td key={i} className={mergeClasses(panel.td, panel.nowrap, typeof v === "number" && styles.num)}>
                      {formatTableCell(v, percent(i))}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

type DownloadState =
  { readonly status: "idle" | "busy" | "failed" } | { readonly status: "done"; readonly name: string };

export function SummaryPanel({
  text,
  lang,
  state,
  onGoToValidate,
  host = null,
}: {
  text: PaneText;
  lang: Lang;
  state: ValidationState;
  onGoToValidate: () => void;
  /** Set in Excel: the sheet and export buttons go through it. */
  host?: ExcelHost | null;
}) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const [mask, setMask] = useState(true);
  const [download, setDownload] = useState<DownloadState>({ status: "idle" });
  const [sheet, writeSheet] = useAction<SummarySheetResult>();
  const [exported, exportNew] = useAction<ExportOutcome & { name: string }>();
  const done = state.status === "done" ? state : null;
  const sections = useMemo(() => (done ? summarySections(done.result, mask, lang) : []), [done, mask, lang]);
  // The summary workbook is written in Chinese whatever the pane's language, as the CLI writes it.
  const fileSections = (d: NonNullable<typeof done>) => summarySections(d.result, mask);

  if (state.status === "loading") {
    return (
      <Body1 role="status" data-testid="summary-loading">
        {text.summary.loading(state.fileName)}
      </Body1>
    );
  }
  if (!done) {
    return (
      <div className={panel.stack}>
        <Body1 data-testid="summary-empty" className={panel.muted}>
          {host ? text.summary.emptyOffice : text.summary.empty}
        </Body1>
        <div>
          <Button appearance="primary" onClick={onGoToValidate}>
            {host ? text.summary.goToValidateOffice : text.summary.goToValidate}
          </Button>
        </div>
      </div>
    );
  }

  const inOffice = host !== null && done.source.kind === "office";
  const onWriteSheet = () =>
    host &&
    writeSheet(() => host.writeSummarySheet(done.result, { ...summaryTitles(done.result, done.fileName), mask }));
  const onExport = () =>
    host &&
    exportNew(async () => {
      const name = summaryFileName(done.fileName);
      const bytes = await summaryWorkbookBytes(done.result, done.fileName, fileSections(done), mask);
      return { ...(await exportWorkbook(host, bytes, (b) => downloadBytes(b, name))), name };
    });

  const onDownload = async () => {
    setDownload({ status: "busy" });
    try {
      const name = summaryFileName(done.fileName);
      downloadBytes(await summaryWorkbookBytes(done.result, done.fileName, fileSections(done), mask), name);
      setDownload({ status: "done", name });
    } catch (e) {
      console.warn("summary workbook failed", e);
      setDownload({ status: "failed" });
    }
  };

  return (
    <div className={panel.stack}>
      <section className={panel.header} aria-label={done.fileName} data-testid="summary-header">
        <Subtitle2 as="h2">{done.fileName}</Subtitle2>
        <Caption1 className={panel.muted}>{text.summary.source(done.fileName, formatDate(done.result.asOf))}</Caption1>
      </section>
      <div className={panel.row}>
        <Switch
          checked={mask}
          onChange={(_e, data) => setMask(data.checked)}
          label={text.summary.maskSwitch}
          data-testid="mask-switch"
        />
        {inOffice ? (
          <>
            <Button
              appearance="primary"
              disabled={sheet.status === "busy"}
              onClick={() => void onWriteSheet()}
              data-testid="summary-sheet"
            >
              {text.summary.writeSheet}
            </Button>
            <Button
              disabled={sections.length === 0 || exported.status === "busy"}
              onClick={() => void onExport()}
              data-testid="summary-export"
            >
              {text.summary.exportButton}
            </Button>
          </>
        ) : (
          <Button
            appearance="primary"
            disabled={sections.length === 0 || download.status === "busy"}
            onClick={() => void onDownload()}
            data-testid="summary-download"
          >
            {text.summary.download}
          </Button>
        )}
      </div>
      {inOffice && <Caption1 className={panel.muted}>{text.summary.writeSheetHint}</Caption1>}
      <div aria-live="polite" className={styles.status}>
        {download.status === "busy" && <Text role="status">{text.summary.downloading}</Text>}
        {download.status === "done" && (
          <Text role="status" data-testid="summary-downloaded">
            {text.summary.downloaded(download.name)}
          </Text>
        )}
        {download.status === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>{text.summary.downloadFailed}</MessageBarBody>
          </MessageBar>
        )}
        {sheet.status === "busy" && <Text role="status">{text.summary.writing}</Text>}
        {sheet.status === "done" && (
          <Text role="status" data-testid="summary-sheet-done">
            {host && summaryFellBack(sheet.value, host.capabilities())
              ? text.summary.writtenPlain(sheet.value.sheet)
              : text.summary.written(sheet.value.sheet, sheet.value.pivotTables, sheet.value.charts)}
          </Text>
        )}
        {sheet.status === "failed" && (
          <HostErrorBar error={sheet.error} action="summary" text={text} testId="summary-sheet-error" />
        )}
        {exported.status === "busy" && <Text role="status">{text.summary.exporting}</Text>}
        {exported.status === "done" && (
          <Text role="status" data-testid="summary-exported">
            {exported.value.kind === "opened"
              ? text.summary.openedNew
              : text.summary.exportDownloaded(exported.value.name, exported.value.requirement)}
          </Text>
        )}
        {exported.status === "failed" && (
          <HostErrorBar error={exported.error} action="export" text={text} testId="summary-export-error" />
        )}
      </div>
      <YearReport text={text} lang={lang} result={done.result} fileName={done.fileName} host={inOffice ? host : null} />
      {sections.length === 0 ? (
        <Body1 data-testid="summary-none">{text.summary.noTemplates}</Body1>
      ) : (
        sections.map((s) => (
          <section key={s.templateId} className={panel.section} aria-label={s.heading} data-testid="summary-section">
            <Subtitle2 as="h3">{s.heading}</Subtitle2>
            {s.tables.map((t) => (
              <TableView key={t.title} table={t} text={text} />
            ))}
          </section>
        ))
      )}
    </div>
  );
}
