/** The 汇总 area, standalone mode: summary tables of the workbook opened in 校验, and a summary workbook download. */
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
  tokens,
} from "@fluentui/react-components";
import type { SummaryTable } from "../../src/core/summary/table";
import { formatDate } from "../../src/core/dates";
import type { PaneText } from "./i18n";
import type { ValidationState } from "./useValidation";
import { formatTableCell } from "../../src/core/summary/table";
import { summaryFileName, summarySections, summaryWorkbookBytes } from "./summary-model";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: "start", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXXS },
  th: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "start",
    whiteSpace: "nowrap",
  },
  td: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    whiteSpace: "nowrap",
  },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
});

function TableView({ table, text }: { table: SummaryTable; text: PaneText }) {
  const styles = useStyles();
  const percent = (i: number) => table.percentColumns?.includes(i) ?? false;
  return (
    <div className={styles.scroll}>
      <table className={styles.table} data-testid="summary-table" data-title={table.title}>
        <caption className={styles.caption}>{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col" className={styles.th}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td className={`${styles.td} ${styles.muted}`} colSpan={table.columns.length}>
                {text.summary.noRows}
              </td>
            </tr>
          ) : (
            table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((v, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className={styles.th}>
                      {formatTableCell(v, percent(i))}
                    </th>
                  ) : (
                    <td key={i} className={typeof v === "number" ? `${styles.td} ${styles.num}` : styles.td}>
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

/** Offers `bytes` as a download named `name` through a temporary object URL; nothing leaves the browser. */
function downloadBytes(bytes: ArrayBuffer, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_MIME }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

type DownloadState =
  { readonly status: "idle" | "busy" | "failed" } | { readonly status: "done"; readonly name: string };

export function SummaryPanel({
  text,
  state,
  onGoToValidate,
}: {
  text: PaneText;
  state: ValidationState;
  onGoToValidate: () => void;
}) {
  const styles = useStyles();
  const [mask, setMask] = useState(true);
  const [download, setDownload] = useState<DownloadState>({ status: "idle" });
  const done = state.status === "done" ? state : null;
  const sections = useMemo(() => (done ? summarySections(done.result, mask) : []), [done, mask]);

  if (state.status === "loading") {
    return (
      <Body1 role="status" data-testid="summary-loading">
        {text.summary.loading(state.fileName)}
      </Body1>
    );
  }
  if (!done) {
    return (
      <div className={styles.root}>
        <Body1 data-testid="summary-empty" className={styles.muted}>
          {text.summary.empty}
        </Body1>
        <div>
          <Button appearance="primary" onClick={onGoToValidate}>
            {text.summary.goToValidate}
          </Button>
        </div>
      </div>
    );
  }

  const onDownload = async () => {
    setDownload({ status: "busy" });
    try {
      const name = summaryFileName(done.fileName);
      downloadBytes(await summaryWorkbookBytes(done.result, done.fileName, sections), name);
      setDownload({ status: "done", name });
    } catch (e) {
      console.warn("summary workbook failed", e);
      setDownload({ status: "failed" });
    }
  };

  return (
    <div className={styles.root}>
      <section className={styles.header} aria-label={done.fileName} data-testid="summary-header">
        <Subtitle2 as="h2">{done.fileName}</Subtitle2>
        <Caption1 className={styles.muted}>{text.summary.source(done.fileName, formatDate(done.result.asOf))}</Caption1>
      </section>
      <div className={styles.actions}>
        <Switch
          checked={mask}
          onChange={(_e, data) => setMask(data.checked)}
          label={text.summary.maskSwitch}
          data-testid="mask-switch"
        />
        <Button
          appearance="primary"
          disabled={sections.length === 0 || download.status === "busy"}
          onClick={() => void onDownload()}
          data-testid="summary-download"
        >
          {text.summary.download}
        </Button>
      </div>
      <div aria-live="polite">
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
      </div>
      {sections.length === 0 ? (
        <Body1 data-testid="summary-none">{text.summary.noTemplates}</Body1>
      ) : (
        sections.map((s) => (
          <section key={s.templateId} className={styles.section} aria-label={s.heading} data-testid="summary-section">
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
