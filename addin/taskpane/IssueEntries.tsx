/**
 * The issues of one group (a rule, or a person's row) as a list of buttons: the main line names the person (按规则)
 * or the rule (按人员) and says the message; the cell is a caption below. Long lists show a page at a time.
 */
import { useState } from "react";
import { Button, Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Severity } from "../../src/core/types";
import { formatIssue } from "../../src/core/messages";
import { ruleTitle } from "../../src/core/messages/titles";
import type { Lang, PaneText } from "./i18n";
import { type IssueEntry, cellLabel, issueLocation } from "./validation-model";

export const SEVERITY_BADGE: Record<Severity, "danger" | "important" | "informative"> = {
  error: "danger",
  warning: "important",
  info: "informative",
};

/** Issues rendered per group before a "show more" button, so a 100,000-row sheet stays responsive. */
export const PAGE = 100;

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  issue: {
    display: "flex",
    justifyContent: "flex-start",
    textAlign: "start",
    width: "100%",
    minWidth: 0,
    minHeight: "auto",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  text: { display: "flex", flexDirection: "column", alignItems: "stretch", minWidth: 0, flexGrow: 1 },
  // One flow of text: the message starts on the lead's line and wraps under it, also in a 320 px pane.
  main: { display: "block", overflowWrap: "anywhere" },
  location: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

/** What leads an issue's main line: the person in the 按规则 view, the rule in the 按人员 view. */
export type IssueLead = "person" | "rule";

export interface IssueListProps {
  lang: Lang;
  text: PaneText;
  lead: IssueLead;
  /** Name the sheet beside the cell (the workbook has several data sheets). */
  withSheet: boolean;
  selected: number | null;
  onSelect: (index: number) => void;
}

function IssueButton({
  entry,
  lang,
  text,
  lead,
  withSheet,
  selected,
  onSelect,
}: Omit<IssueListProps, "selected"> & { entry: IssueEntry; selected: boolean }) {
  const styles = useStyles();
  const { issue, index } = entry;
  const leadText = lead === "rule" ? ruleTitle(issue.rule, lang) : issue.person;
  const where = issue.cell ? cellLabel(issue, withSheet) : `${issue.sheet} · ${text.sheetLevel}`;
  return (
    <li>
      <Button
        appearance="subtle"
        className={mergeClasses(styles.issue, selected && styles.selected)}
        aria-current={selected ? "true" : undefined}
        data-testid="issue"
        data-location={issueLocation(issue)}
        data-issue-index={index}
        onClick={() => onSelect(index)}
      >
        <span className={styles.text}>
          <span className={styles.main}>
            {leadText && (
              <>
                <Text weight="semibold" data-testid="issue-lead">
                  {leadText}
                </Text>{" "}
              </>
            )}
            <span data-testid="issue-message">{formatIssue(issue, lang)}</span>
          </span>
          <Caption1 className={styles.location} data-testid="issue-cell">
            {lead === "rule" ? `${where} · ${text.issueList.severityOf[issue.severity]}` : where}
          </Caption1>
        </span>
      </Button>
    </li>
  );
}

/** A group's issues, a page at a time. */
export function PagedIssues({ entries, ...props }: IssueListProps & { entries: readonly IssueEntry[] }) {
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE);
  const rest = entries.length - shown;
  return (
    <>
      <ul className={styles.list}>
        {entries.slice(0, shown).map((e) => (
          <IssueButton key={e.index} entry={e} {...props} selected={props.selected === e.index} />
        ))}
      </ul>
      {rest > 0 && (
        <Button appearance="transparent" onClick={() => setShown((n) => n + PAGE)}>
          {props.text.showMore(Math.min(rest, PAGE))}
        </Button>
      )}
    </>
  );
}
