/**
 * The 校验 area. Standalone: open an .xlsx from disk, validate it in the browser, browse the issues, download a
 * marked copy. In Excel: validate the active sheet or the workbook through the host, select an issue's cell,
 * mark and clear.
 */
import { settingsReadText } from "../../src/core/messages/settings-read";
import { isSettingsSheet } from "../../src/core/settings";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  CounterBadge,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Issue, Severity } from "../../src/core/types";
import { formatIssue } from "../../src/core/messages";
import { ruleTitle } from "../../src/core/messages/titles";
import { formatDate } from "../../src/core/dates";
import type { Lang, PaneText } from "./i18n";
import { STAGE_PROGRESS, type ValidationState } from "./useValidation";
import type { MarkStore } from "../office/connect";
import { OfficeValidateBar } from "./OfficeValidateBar";
import { MarkActions } from "./MarkActions";
import { FixBar, FixGroupButton, FixIssueButton } from "./FixActions";
import { useFixes } from "./useFixes";
import type { FixStore } from "../office/connect";
import { HostErrorBar } from "./HostErrorBar";
import { usePanelStyles } from "./panel-styles";
import { useMarkRecord } from "./useMarkRecord";
import type { Scope } from "./office-validation";
import type { AreaProps } from "./area-props";
import { SEVERITY_ORDER, groupByRule, issueLocation, rowPreview, type RuleGroup } from "./validation-model";

/** Issues rendered per group before a "show more" button, so a 100,000-row sheet stays responsive. */
const PAGE = 100;

const useStyles = makeStyles({
  pre: { whiteSpace: "pre" },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hiddenInput: { display: "none" },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  groupHeader: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  ruleId: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  issueList: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  issue: {
    justifyContent: "flex-start",
    textAlign: "start",
    width: "100%",
    minHeight: "auto",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  issueSelected: { backgroundColor: tokens.colorBrandBackground2 },
  issueText: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  location: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  focus: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  focusLocation: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  // The row labels stay in view while the preview is scrolled to the issue's cell.
  rowHead: { position: "sticky", left: 0, zIndex: 1 },
  hit: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
});

const SEVERITY_BADGE: Record<Severity, "danger" | "important" | "informative"> = {
  error: "danger",
  warning: "important",
  info: "informative",
};

function StatusView({
  state,
  text,
  inOffice,
  onCancel,
}: {
  state: ValidationState;
  text: PaneText;
  inOffice: boolean;
  onCancel: () => void;
}) {
  const panel = usePanelStyles();
  if (state.status === "loading") {
    const stage = inOffice && state.stage === "reading" ? text.office.reading : text.stages[state.stage];
    return (
      <div role="status" aria-live="polite" data-testid="validate-loading">
        <Body1>
          {state.fileName} — {stage}
        </Body1>
        <ProgressBar value={STAGE_PROGRESS[state.stage]} max={1} aria-label={stage} />
        <Button appearance="subtle" onClick={onCancel} data-testid="validate-cancel">
          {text.cancel}
        </Button>
      </div>
    );
  }
  if (state.status === "host-error") {
    return <HostErrorBar error={state.error} action="validate" text={text} testId="validate-error" />;
  }
  if (state.status === "error") {
    const message =
      state.failure === "unexpected"
        ? text.unexpected(state.fileName)
        : text.readFailure(state.failure, state.fileName);
    return (
      <MessageBar intent="error" data-testid="validate-error">
        <MessageBarBody>{message}</MessageBarBody>
      </MessageBar>
    );
  }
  if (state.status === "cancelled") {
    return (
      <Body1 role="status" className={panel.muted} data-testid="validate-cancelled">
        {inOffice ? text.office.stale : text.cancelled}
      </Body1>
    );
  }
  if (state.status === "idle") {
    return (
      <Body1 data-testid="validate-empty" className={panel.muted}>
        {inOffice ? text.office.emptyState : text.emptyState}
      </Body1>
    );
  }
  return null;
}

function IssueButton({
  issue,
  lang,
  selected,
  onSelect,
}: {
  issue: Issue;
  lang: Lang;
  selected: boolean;
  onSelect: () => void;
}) {
  const styles = useStyles();
  return (
    <li>
      <Button
        appearance="subtle"
        className={mergeClasses(styles.issue, selected && styles.issueSelected)}
        aria-current={selected ? "true" : undefined}
        data-testid="issue"
        data-location={issueLocation(issue)}
        onClick={onSelect}
      >
        <span className={styles.issueText}>
          <span className={styles.location}>{issueLocation(issue)}</span>
          <span>{formatIssue(issue, lang)}</span>
        </span>
      </Button>
    </li>
  );
}

function GroupPanel({
  group,
  lang,
  text,
  selected,
  onSelect,
}: {
  group: RuleGroup;
  lang: Lang;
  text: PaneText;
  selected: number | null;
  onSelect: (index: number) => void;
}) {
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE);
  const rest = group.entries.length - shown;
  return (
    <>
      <ul className={styles.issueList}>
        {group.entries.slice(0, shown).map((e) => (
          <IssueButton
            key={e.index}
            issue={e.issue}
            lang={lang}
            selected={selected === e.index}
            onSelect={() => onSelect(e.index)}
          />
        ))}
      </ul>
      {rest > 0 && (
        <Button appearance="transparent" onClick={() => setShown((n) => n + PAGE)}>
          {text.showMore(Math.min(rest, PAGE))}
        </Button>
      )}
    </>
  );
}

export function ValidatePanel({
  lang,
  text,
  inOffice,
  validation,
  host,
  markStore = null,
  fixStore = null,
  scope,
  onScope,
}: AreaProps & {
  lang: Lang;
  markStore?: MarkStore | null;
  fixStore?: FixStore | null;
  scope: Scope;
  onScope: (scope: Scope) => void;
}) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const [record, setRecord] = useMarkRecord(markStore);
  const markProps = { lang, text, host, store: markStore, record, setRecord };
  // Marks found when the pane opens can be cleared before validating; the bar stays to report the clearing.
  const [hadMarks, setHadMarks] = useState(false);
  useEffect(() => {
    if (record) setHadMarks(true);
  }, [record]);
  const [selectError, setSelectError] = useState<unknown>(null);
  const fixes = useFixes({ validation, host: inOffice ? host : null, store: fixStore });
  const { state, open, cancel } = validation;
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [show, setShow] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITY_ORDER));
  const [selected, setSelected] = useState<number | null>(null);
  // Groups start open; the user's collapsed ones are remembered by rule id (across filter changes).
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());

  const done = state.status === "done" ? state : null;
  const groups = useMemo(() => (done ? groupByRule(done.result.issues, show) : []), [done, show]);
  // A new result (another file, a re-check) invalidates the selection, which is an index into the issues.
  const result = done?.result;
  useEffect(() => setSelected(null), [result]);
  const selectedIssue = done && selected !== null ? (done.result.issues[selected] ?? null) : null;
  const preview = useMemo(
    () => (done && selectedIssue ? rowPreview(done.snapshot, done.result, selectedIssue) : null),
    [done, selectedIssue],
  );

  // Scrolls the preview sideways so the highlighted cell is in view (rosters are wider than the pane).
  const revealCell = useCallback((td: HTMLTableCellElement | null) => {
    const box = td?.closest("[data-preview-scroll]");
    if (td && box instanceof HTMLElement) box.scrollLeft = Math.max(0, td.offsetLeft - box.clientWidth / 3);
  }, []);

  const select = (index: number) => {
    setSelected(index);
    setSelectError(null);
    const issue = done?.result.issues[index];
    if (host && inOffice && issue?.cell) {
      host.selectCell(issue.sheet, issue.cell).catch((e: unknown) => setSelectError(e));
    }
  };

  const openFile = (file: File | undefined) => {
    if (!file) return;
    setSelected(null);
    setCollapsed(new Set());
    void open(file);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    openFile(e.dataTransfer.files[0]);
  };
  const toggle = (s: Severity) =>
    setShow((prev) => {
      const next = new Set(prev);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });

  return (
    <div className={panel.stack}>
      {inOffice ? (
        <OfficeValidateBar text={text} host={host} validation={validation} scope={scope} onScope={onScope} />
      ) : (
        <div
          className={mergeClasses(styles.drop, dragging && styles.dropActive)}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="drop-zone"
        >
          <Button appearance="primary" onClick={() => inputRef.current?.click()} disabled={state.status === "loading"}>
            {text.openButton}
          </Button>
          <input
            ref={inputRef}
            type="file"
            accept=".xlsx,.xlsm,.xls,.ods,.csv,.txt,.htm,.html,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
            className={styles.hiddenInput}
            data-testid="file-input"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              openFile(e.currentTarget.files?.[0]);
              e.currentTarget.value = "";
            }}
          />
          <Caption1 className={panel.muted}>
            {text.dropHint} · {text.privacyNote}
          </Caption1>
        </div>
      )}

      {inOffice && !done && hadMarks && <MarkActions done={null} {...markProps} />}
      {inOffice && !done && <FixBar fixes={fixes} text={text} lang={lang} />}

      <StatusView state={state} text={text} inOffice={inOffice} onCancel={cancel} />

      {done && (
        <>
          <section className={panel.header} aria-label={done.fileName} data-testid="validate-summary">
            <Subtitle2 as="h2" data-testid="file-name">
              {done.fileName}
            </Subtitle2>
            <Caption1>{text.asOf(formatDate(done.result.asOf))}</Caption1>
            {Object.keys(done.edits).length > 0 && (
              <Caption1 data-testid="edited-note">{text.settings.editedNote(Object.keys(done.edits).length)}</Caption1>
            )}
            <Text role="status" data-testid="totals">
              {text.totals(done.result.counts)}
            </Text>
            {done.result.sheets
              .filter((s) => !(s.hidden && s.template === null))
              .map((s) => (
              <Caption1 key={s.sheet} className={panel.muted} data-testid="sheet-line">
                {isSettingsSheet(s.sheet)
                  ? text.settingsLine(s.sheet, settingsReadText(done.result.settings, lang))
                  : text.sheetLine(s.sheet, s.dataRows, s.template !== null)}
                {text.sheetNotes(s) !== null && <span data-testid="sheet-notes">{` · ${text.sheetNotes(s)}`}</span>}
              </Caption1>
            ))}
          </section>

          <MarkActions done={done} {...markProps} />
          {inOffice && <FixBar fixes={fixes} text={text} lang={lang} />}

          <div role="group" aria-label={text.filterLabel} className={styles.filters}>
            {SEVERITY_ORDER.map((s) => (
              <ToggleButton
                key={s}
                size="small"
                checked={show.has(s)}
                onClick={() => toggle(s)}
                data-testid={`filter-${s}`}
                icon={<CounterBadge count={done.result.counts[s]} showZero color={SEVERITY_BADGE[s]} size="small" />}
              >
                {text.severity[s]}
              </ToggleButton>
            ))}
          </div>

          <section className={styles.focus} aria-live="polite" aria-label={text.focusTitle} data-testid="focus">
            <Caption1 className={panel.muted}>{text.focusTitle}</Caption1>
            {selectedIssue ? (
              <>
                <Text className={styles.focusLocation} data-testid="focus-location">
                  {selectedIssue.cell ? issueLocation(selectedIssue) : `${selectedIssue.sheet} · ${text.sheetLevel}`}
                </Text>
                <Body1>{formatIssue(selectedIssue, lang)}</Body1>
                <FixIssueButton fixes={fixes} text={text} issue={selectedIssue} />
                {host && inOffice && selectedIssue.cell && selectError === null && (
                  <Caption1 className={panel.muted}>{text.office.selectedCell(issueLocation(selectedIssue))}</Caption1>
                )}
                {selectError !== null && (
                  <HostErrorBar
                    error={selectError}
                    action="select"
                    text={text}
                    testId="select-error"
                    intent="warning"
                  />
                )}
                {preview && (
                  <div className={panel.scroll} data-preview-scroll="">
                    <table className={panel.table} data-testid="row-preview">
                      <thead>
                        <tr>
                          <th className={mergeClasses(panel.th, panel.nowrap, styles.rowHead)} scope="col" />
                          {preview.cells.map((c) => (
                            <th
                              key={c.column}
                              className={mergeClasses(panel.th, panel.nowrap, c.highlighted && styles.hit)}
                              scope="col"
                            >
                              {c.column}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {preview.headerRow !== null && (
                          <tr>
                            <th className={mergeClasses(panel.th, panel.nowrap, styles.rowHead)} scope="row">
                              {text.headerLabel(preview.headerRow)}
                            </th>
                            {preview.cells.map((c) => (
                              <td key={c.column} className={mergeClasses(panel.td, styles.pre)}>
                                {c.header}
                              </td>
                            ))}
                          </tr>
                        )}
                        <tr>
                          <th className={mergeClasses(panel.th, panel.nowrap, styles.rowHead)} scope="row">
                            {text.rowLabel(preview.row)}
                          </th>
                          {preview.cells.map((c) => (
                            <td
                              key={c.column}
                              ref={c.highlighted ? revealCell : undefined}
                              className={mergeClasses(panel.td, styles.pre, c.highlighted && styles.hit)}
                              data-highlighted={c.highlighted ? "true" : undefined}
                            >
                              {c.value}
                            </td>
                          ))}
                        </tr>
                      </tbody>
                    </table>
                  </div>
                )}
              </>
            ) : (
              <Caption1 className={panel.muted}>{text.focusHint}</Caption1>
            )}
          </section>

          {done.result.issues.length === 0 ? (
            <Body1>{text.noIssues}</Body1>
          ) : groups.length === 0 ? (
            <Body1>{text.allFiltered}</Body1>
          ) : (
            <Accordion
              multiple
              collapsible
              openItems={groups.filter((g) => !collapsed.has(g.rule)).map((g) => g.rule)}
              onToggle={(_e, data) => {
                const open = new Set(data.openItems as string[]);
                setCollapsed(new Set(groups.filter((g) => !open.has(g.rule)).map((g) => g.rule)));
              }}
              aria-label={text.issuesLabel}
              data-testid="groups"
            >
              {groups.map((g) => (
                <AccordionItem key={g.rule} value={g.rule} data-testid="group" data-rule={g.rule}>
                  <AccordionHeader>
                    <span className={styles.groupHeader}>
                      <CounterBadge count={g.entries.length} color={SEVERITY_BADGE[g.severity]} size="small" />
                      <Text weight="semibold">{ruleTitle(g.rule, lang)}</Text>
                      <Caption1 className={styles.ruleId}>{g.rule}</Caption1>
                      <Caption1 data-testid="group-count">{text.groupCount(g.entries.length)}</Caption1>
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <FixGroupButton fixes={fixes} text={text} group={g} />
                    <GroupPanel group={g} lang={lang} text={text} selected={selected} onSelect={select} />
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
          )}
        </>
      )}
    </div>
  );
}
