/**
 * 修正 in Excel: the buttons (for the selected issue, a rule group, everything fixable), the preview dialog of
 * the cells and values to be written, the outcome with the cells left alone, and 撤销修正. Only in Excel: the
 * standalone page offers 下载修正副本 instead.
 */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Issue } from "../../src/core/types";
import type { Lang } from "../../src/core/messages";
import { fixTitle } from "../../src/core/messages/fix-titles";
import type { PaneText } from "./i18n";
import type { FixControls, FixReport } from "./useFixes";
import type { RuleGroup } from "./validation-model";
import { HostErrorBar } from "./HostErrorBar";
import { usePanelStyles } from "./panel-styles";
import { cellList, shownValue } from "./fix-model";

/** Rows the preview lists; a longer list says how many more are fixed with them. */
const PREVIEW_ROWS = 200;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  previewBox: { maxHeight: "50vh", overflowY: "auto" },
  value: { whiteSpace: "pre" },
  intro: { display: "block", marginBottom: tokens.spacingVerticalS },
});

export interface FixProps {
  readonly fixes: FixControls;
  readonly text: PaneText;
}

/** 修正 in the preview of the selected issue, when the issue has a certain fix. */
export function FixIssueButton({ fixes, text, issue }: FixProps & { issue: Issue }) {
  const own = fixes.forIssue(issue);
  if (own.length === 0) return null;
  return (
    <div>
      <Button
        appearance="primary"
        size="small"
        disabled={fixes.action.status === "busy"}
        onClick={() => fixes.openPreview(own)}
        data-testid="fix-issue"
      >
        {text.fixes.issueButton}
      </Button>
    </div>
  );
}

/** 修正本组（N 处） in a rule group's panel, when some of its issues have a certain fix. */
export function FixGroupButton({ fixes, text, group }: FixProps & { group: RuleGroup }) {
  const own = fixes.forGroup(group);
  if (own.length === 0) return null;
  return (
    <Button
      size="small"
      disabled={fixes.action.status === "busy"}
      onClick={() => fixes.openPreview(own)}
      data-testid="fix-group"
    >
      {text.fixes.groupButton(own.length)}
    </Button>
  );
}

function outcomeText(report: FixReport, text: PaneText): string {
  const t = text.fixes;
  const list = (cells: FixReport["changed"]) => cellList(cells, t.listSeparator, t.listMore);
  if (report.kind === "undone") return t.undone(report.restored, report.changed.length, list(report.changed));
  const fixed = t.fixed(report.fixed, report.changed.length, list(report.changed));
  return report.formula.length > 0 ? `${fixed}${t.formulaKept(report.formula.length, list(report.formula))}` : fixed;
}

function PreviewDialog({ fixes, text, lang }: FixProps & { lang: Lang }) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const t = text.fixes;
  const list = fixes.preview ?? [];
  const shown = (v: Parameters<typeof shownValue>[0]) => shownValue(v, t.empty, t.quote);
  return (
    <Dialog open={fixes.preview !== null} onOpenChange={(_e, data) => !data.open && fixes.closePreview()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.dialogTitle(list.length)}</DialogTitle>
          <DialogContent data-testid="fix-preview">
            <Caption1 className={styles.intro}>{t.dialogIntro}</Caption1>
            <div className={mergeClasses(panel.scroll, styles.previewBox)}>
              <table className={panel.table}>
                <thead>
                  <tr>
                    {(["sheet", "cell", "person", "change", "rule"] as const).map((c) => (
                      <th key={c} scope="col" className={mergeClasses(panel.th, panel.nowrap)}>
                        {t.columns[c]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {list.slice(0, PREVIEW_ROWS).map((f) => (
                    <tr key={`${f.sheet}!${f.cell}`} data-testid="fix-row" data-cell={`${f.sheet}!${f.cell}`}>
                      <td className={mergeClasses(panel.td, panel.nowrap)}>{f.sheet}</td>
                      <td className={mergeClasses(panel.td, panel.nowrap)}>{f.cell}</td>
                      <td className={mergeClasses(panel.td, panel.nowrap)}>{f.person ?? "—"}</td>
                      <td className={mergeClasses(panel.td, styles.value)} data-testid="fix-change">
                        {`${shown(f.from)} → ${shown(f.to)}`}
                      </td>
                      <td className={panel.td}>{fixTitle(f.rule, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {list.length > PREVIEW_ROWS && <Caption1>{t.previewMore(list.length - PREVIEW_ROWS)}</Caption1>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={fixes.confirm} data-testid="fix-confirm">
              {t.confirm}
            </Button>
            <Button onClick={fixes.closePreview} data-testid="fix-cancel">
              {t.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** The action bar's part: 全部可修正项（N 处）, the outcome with 撤销修正, and the preview dialog. */
export function FixBar({ fixes, text, lang }: FixProps & { lang: Lang }) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const t = text.fixes;
  const { action, record } = fixes;
  const busy = action.status === "busy";
  const undoButton = (
    <Button size="small" disabled={busy} onClick={fixes.undo} data-testid="fix-undo">
      {t.undoButton}
    </Button>
  );
  const report = action.status === "done" ? action.value : null;
  // The undo button goes into the outcome's message bar after a fix, else it stands on its own.
  const undoInBar = report?.kind === "fixed" && record !== null;
  if (fixes.all.length === 0 && record === null && action.status === "idle") return null;
  return (
    <div className={styles.root} data-testid="fixes">
      {(fixes.all.length > 0 || (record !== null && !undoInBar)) && (
        <div className={panel.row}>
          {fixes.all.length > 0 && (
            <Button disabled={busy} onClick={() => fixes.openPreview(fixes.all)} data-testid="fix-all">
              {t.allButton(fixes.all.length)}
            </Button>
          )}
          {record !== null && !undoInBar && undoButton}
        </div>
      )}
      {fixes.all.length > 0 && <Caption1 className={panel.muted}>{t.hint}</Caption1>}
      {record !== null && action.status === "idle" && (
        <Caption1 className={panel.muted} data-testid="fix-pending">
          {t.pending(record.cells.length)}
        </Caption1>
      )}
      <div aria-live="polite">
        {busy && <Text role="status">{fixes.busyKind === "undo" ? t.undoing : t.busy}</Text>}
        {report && (
          <MessageBar
            intent={
              report.changed.length > 0 || (report.kind === "fixed" && report.formula.length > 0)
                ? "warning"
                : "success"
            }
            data-testid="fix-done"
          >
            <MessageBarBody data-testid="fix-message">
              {outcomeText(report, text)}
              {report.storeError !== null && record !== null ? ` ${t.storeFailed}` : ""}
            </MessageBarBody>
            {undoInBar && <MessageBarActions>{undoButton}</MessageBarActions>}
          </MessageBar>
        )}
        {action.status === "failed" && (
          <HostErrorBar
            error={action.error}
            action={fixes.busyKind === "undo" ? "undoFix" : "fix"}
            text={text}
            testId="fix-error"
          />
        )}
      </div>
      <PreviewDialog fixes={fixes} text={text} lang={lang} />
    </div>
  );
}
