/**
 * The 校验 area. Standalone: open an .xlsx from disk, validate it in the browser, browse the issues, download a
 * marked copy. In Excel: validate the active sheet or the workbook through the host, select an issue's cell,
 * mark and clear.
 */
import { settingsReadText } from "../../src/core/messages/settings-read";
import { isSettingsSheet } from "../../src/core/settings";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type ElementType } from "react";
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
  Tab,
  TabList,
  Text,
  ToggleButton,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Severity } from "../../src/core/types";
import { formatIssue } from "../../src/core/messages";
import { ruleTitle } from "../../src/core/messages/titles";
import { personLabel } from "../../src/core/messages/person-label";
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
import {
  SEVERITY_ORDER,
  dataSheetCount,
  groupByPerson,
  groupByRule,
  issueLocation,
  rowPreview,
  type RuleGroup,
} from "./validation-model";
import { PagedIssues, SEVERITY_BADGE, type IssueListProps } from "./IssueEntries";
import { PersonList } from "./PersonList";
import { useIssueSelection } from "./useIssueSelection";

/** The issue list's two views. */
type ListView = "rule" | "person";

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
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  fileRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  groupHeader: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  ruleId: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  focusHead: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  focus: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    // Above the list: selecting an issue scrolls here, leaving a little room at the top.
    scrollMarginTop: tokens.spacingVerticalS,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
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

/** A time of day as 14:03:25. */
const clockTime = (d: Date) =>
  [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");

function GroupPanel({ group, ...props }: Omit<IssueListProps, "lead"> & { group: RuleGroup }) {
  return <PagedIssues entries={group.entries} lead="person" {...props} />;
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
  const [view, setView] = useState<ListView>("rule");
  // Groups start open; the user's collapsed ones are remembered by rule id (across filter changes).
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  // The same for the 按人员 entries, by their key.
  const [collapsedPeople, setCollapsedPeople] = useState<ReadonlySet<string>>(() => new Set());

  const done = state.status === "done" ? state : null;
  const groups = useMemo(() => (done ? groupByRule(done.result.issues, show) : []), [done, show]);
  const people = useMemo(
    () =>
      done && view === "person"
        ? groupByPerson(
            done.result.issues,
            show,
            done.result.sheets.map((s) => s.sheet),
          )
        : [],
    [done, show, view],
  );
  const withSheet = done ? dataSheetCount(done.result.sheets) > 1 : false;
  // A new result (another file, a re-check) invalidates the selection, which is an index into the issues.
  const result = done?.result;
  const { selected, select: selectIssue, back, focusRef, listRef } = useIssueSelection(result);
  // 重新校验 (standalone): the file name asked for again, and when its new result came.
  const recheckOf = useRef<string | null>(null);
  const [recheckedAt, setRecheckedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (state.status === "loading") return;
    const again = state.status === "done" && recheckOf.current === state.fileName;
    setRecheckedAt(again ? new Date() : null);
    if (state.status !== "idle") recheckOf.current = null;
  }, [state]);
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

  const listProps = { lang, text, withSheet, selected, onSelect: (index: number) => select(index) };
  const select = (index: number) => {
    selectIssue(index);
    setSelectError(null);
    const issue = done?.result.issues[index];
    if (host && inOffice && issue?.cell) {
      host.selectCell(issue.sheet, issue.cell).catch((e: unknown) => setSelectError(e));
    }
  };

  const openFile = (file: File | undefined) => {
    if (!file) return;
    // A re-check of the same file keeps the list as the user left it; another file starts afresh.
    if (recheckOf.current !== file.name) {
      setCollapsed(new Set());
      setCollapsedPeople(new Set());
    }
    void open(file);
  };
  const pickFile = (recheck: boolean) => {
    recheckOf.current = recheck && done ? done.fileName : null;
    inputRef.current?.click();
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    recheckOf.current = null;
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
          <Button appearance="primary" onClick={() => pickFile(false)} disabled={state.status === "loading"}>
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
            <div className={styles.fileRow}>
              <Subtitle2 as="h2" data-testid="file-name">
                {done.fileName}
              </Subtitle2>
              {!inOffice && done.source.kind === "file" && (
                <Button size="small" onClick={() => pickFile(true)} data-testid="recheck">
                  {text.issueList.recheck}
                </Button>
              )}
            </div>
            {!inOffice && done.source.kind === "file" && (
              <Caption1 className={panel.muted}>{text.issueList.recheckHint}</Caption1>
            )}
            {recheckedAt && (
              <Caption1 role="status" data-testid="rechecked">
                {text.issueList.rechecked(clockTime(recheckedAt))}
              </Caption1>
            )}
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

          <div className={styles.toolbar}>
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
            <TabList
              size="small"
              selectedValue={view}
              onTabSelect={(_e, data) => setView(data.value as ListView)}
              aria-label={text.issueList.viewLabel}
              data-testid="list-view"
            >
              <Tab value="rule" data-testid="view-rule">
                {text.issueList.byRule}
              </Tab>
              <Tab value="person" data-testid="view-person">
                {text.issueList.byPerson}
              </Tab>
            </TabList>
          </div>

          <section
            ref={focusRef}
            tabIndex={-1}
            className={styles.focus}
            aria-live="polite"
            aria-label={text.focusTitle}
            data-testid="focus"
            onKeyDown={(e) => {
              if (e.key === "Escape" && selectedIssue) {
                e.preventDefault();
                back();
              }
            }}
          >
            <div className={styles.focusHead}>
              <Caption1 className={panel.muted}>{text.focusTitle}</Caption1>
              {selectedIssue && (
                <Button size="small" appearance="subtle" onClick={back} data-testid="focus-back">
                  {text.issueList.backToList}
                </Button>
              )}
            </div>
            {selectedIssue ? (
              <>
                <Text className={styles.focusLocation} data-testid="focus-location">
                  {selectedIssue.cell ? issueLocation(selectedIssue) : `${selectedIssue.sheet} · ${text.sheetLevel}`}
                </Text>
                <Body1>
                  {selectedIssue.person !== null && (
                    <>
                      <Text weight="semibold" data-testid="focus-person">
                        {personLabel(selectedIssue, lang).trim()}
                      </Text>{" "}
                    </>
                  )}
                  {formatIssue(selectedIssue, lang)}
                </Body1>
                <Caption1 className={panel.muted} data-testid="focus-rule">
                  {ruleTitle(selectedIssue.rule, lang)} ·{" "}
                  <span className={styles.ruleId}>{text.issueList.ruleId(selectedIssue.rule)}</span>
                </Caption1>
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
          ) : view === "person" ? (
            <PersonList
              groups={people}
              collapsed={collapsedPeople}
              onCollapsed={setCollapsedPeople}
              listRef={listRef}
              {...listProps}
            />
          ) : (
            <Accordion
              ref={listRef}
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
                  {/* The rule id is a detail: a tooltip on the header (and a caption in the focus section). */}
                  <AccordionHeader
                    button={{
                      children: (HeaderButton: ElementType, props: object) => (
                        <Tooltip content={text.issueList.ruleId(g.rule)} relationship="description">
                          <HeaderButton {...props} />
                        </Tooltip>
                      ),
                    }}
                  >
                    <span className={styles.groupHeader}>
                      <CounterBadge count={g.entries.length} color={SEVERITY_BADGE[g.severity]} size="small" />
                      <Text weight="semibold">{ruleTitle(g.rule, lang)}</Text>
                      <Caption1 data-testid="group-count">{text.groupCount(g.entries.length)}</Caption1>
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <FixGroupButton fixes={fixes} text={text} group={g} />
                    <GroupPanel group={g} {...listProps} />
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
