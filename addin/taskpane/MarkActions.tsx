/**
 * "标注" and "清除标注" in Excel (marks are the add-in's own conditional formats; the record of them is saved with
 * the document when a store is given, so a reopened pane can still clear them), or the marked-copy download in
 * the standalone page.
 */
import { useEffect, useMemo } from "react";
import { Button, Caption1, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../src/core/messages";
import type { Issue } from "../../src/core/types";
import { formatIssue } from "../../src/core/messages";
import { personLabel } from "../../src/core/messages/person-label";
import type { ExcelHost, MarkRecord } from "../office/port";
import type { MarkStore } from "../office/connect";
import type { PaneText } from "./i18n";
import type { DoneState } from "./useValidation";
import { cellsToMark, markIssues } from "./office-actions";
import { HostErrorBar } from "./HostErrorBar";
import { useAction } from "./useAction";
import { derivedFileName, downloadBytes } from "../standalone/download";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface MarkActionsProps {
  /** The result to mark; null before any validation: in Excel, earlier marks can still be cleared. */
  done: DoneState | null;
  lang: Lang;
  text: PaneText;
  host: ExcelHost | null;
  store: MarkStore | null;
  /** The marks in place (owned by the caller so it outlives a re-validation). */
  record: MarkRecord | null;
  setRecord: (r: MarkRecord | null) => void;
}

function OfficeMarks({ done, lang, text, host, store, record, setRecord }: MarkActionsProps & { host: ExcelHost }) {
  const styles = useStyles();
  const [action, run] = useAction<{ kind: "mark" | "clear"; cells: number; storeError: unknown }>();
  const count = useMemo(() => (done ? cellsToMark(done.result.issues) : 0), [done]);

  const save = async (r: MarkRecord | null): Promise<unknown> => {
    try {
      await store?.save(r);
      return null;
    } catch (e) {
      return e;
    }
  };
  const mark = (d: DoneState) =>
    run(async () => {
      const r = await markIssues(host, d.result, lang);
      setRecord(r);
      return { kind: "mark", cells: r.cells.length, storeError: await save(r) };
    });
  const clear = (r: MarkRecord) =>
    run(async () => {
      await host.clearMarks(r);
      setRecord(null);
      return { kind: "clear", cells: r.cells.length, storeError: await save(null) };
    });
  const busy = action.status === "busy";

  return (
    <div className={styles.root} data-testid="marks">
      <div className={styles.row}>
        {done && (
          <Button disabled={busy || count === 0 || record !== null} onClick={() => void mark(done)} data-testid="mark">
            {text.office.markButton(count)}
          </Button>
        )}
        {record && (
          <Button disabled={busy} onClick={() => void clear(record)} data-testid="clear-marks">
            {text.office.clearButton(record.cells.length)}
          </Button>
        )}
      </div>
      {done && (
        <Caption1 className={styles.muted} data-testid="mark-hint">
          {count === 0 ? text.office.nothingToMark : text.office.markHint(count)}
        </Caption1>
      )}
      <div aria-live="polite">
        {busy && <Text role="status">{text.office.marking}</Text>}
        {action.status === "done" && (
          <Text role="status" data-testid="marks-done">
            {action.value.kind === "mark"
              ? text.office.marked(action.value.cells)
              : text.office.cleared(action.value.cells)}
          </Text>
        )}
        {action.status === "failed" && (
          <HostErrorBar error={action.error} action={record ? "clear" : "mark"} text={text} testId="marks-error" />
        )}
      </div>
    </div>
  );
}

/** A download of a new file made from the opened one (the marked or the fixed copy), with its status line. */
function CopyDownload({
  done,
  texts,
  testId,
  make,
}: {
  done: DoneState;
  texts: PaneText["markedCopy"];
  testId: string;
  make: (bytes: Uint8Array) => Promise<{ name: string; cells: number }>;
}) {
  const styles = useStyles();
  const [action, run, reset] = useAction<{ name: string; cells: number }>();
  useEffect(() => reset(), [done, reset]);
  const source = done.source;
  if (source.kind !== "file") return null;
  return (
    <div className={styles.root} data-testid={testId}>
      <div className={styles.row}>
        <Button
          disabled={action.status === "busy"}
          onClick={() => void run(() => make(source.bytes))}
          data-testid={`${testId}-download`}
        >
          {texts.button}
        </Button>
      </div>
      <Caption1 className={styles.muted}>{texts.note}</Caption1>
      <div aria-live="polite">
        {action.status === "busy" && <Text role="status">{texts.busy}</Text>}
        {action.status === "done" && (
          <Text role="status" data-testid={`${testId}-done`}>
            {texts.done(action.value.name, action.value.cells)}
          </Text>
        )}
        {action.status === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>{texts.failed}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}

function MarkedCopy({ done, lang, text }: { done: DoneState; lang: Lang; text: PaneText }) {
  const make = async (bytes: Uint8Array) => {
    const { markedCopyBytes } = await import(/* webpackChunkName: "marked-copy" */ "../standalone/marked-copy");
    const describe = (i: Issue) => personLabel(i, lang) + formatIssue(i, lang);
    const copy = await markedCopyBytes(bytes, done.result.issues, describe, done.edits, lang);
    const name = derivedFileName(done.fileName, text.issueSheet.fileSuffix);
    downloadBytes(copy.bytes, name);
    return { name, cells: copy.cells };
  };
  return <CopyDownload done={done} texts={text.markedCopy} testId="marked-copy" make={make} />;
}

function FixedCopy({ done, text }: { done: DoneState; text: PaneText }) {
  const make = async (bytes: Uint8Array) => {
    const { fixedCopyBytes, fixedCopyName } = await import(
      /* webpackChunkName: "fixed-copy" */ "../standalone/fixed-copy"
    );
    const name = fixedCopyName(done.fileName, text.fixedCopy.fileSuffix);
    if (!name) throw new Error("not an .xlsx/.xlsm workbook");
    const copy = await fixedCopyBytes(bytes, done.result);
    const type = name.endsWith(".xlsm") ? "application/vnd.ms-excel.sheet.macroEnabled.12" : undefined;
    downloadBytes(copy.bytes, name, type);
    return { name, cells: copy.cells };
  };
  return <CopyDownload done={done} texts={text.fixedCopy} testId="fixed-copy" make={make} />;
}

export function MarkActions(props: MarkActionsProps) {
  const { done, host } = props;
  if (!done || done.source.kind === "office") return host ? <OfficeMarks {...props} host={host} /> : null;
  return (
    <>
      <MarkedCopy done={done} lang={props.lang} text={props.text} />
      {/\.(xlsx|xlsm)$/i.test(done.fileName) && <FixedCopy done={done} text={props.text} />}
    </>
  );
}
