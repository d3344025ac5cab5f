/**
 * The 按人员 view of the issue list: one entry per person's row (name, row, a count badge in the colour of the worst
 * issue) with all its issues, and a last entry for the issues tied to no person.
 */
import { type Ref, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  CounterBadge,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { PersonGroup } from "./validation-model";
import { PAGE, PagedIssues, SEVERITY_BADGE, type IssueListProps } from "./IssueEntries";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function PersonList({
  groups,
  collapsed,
  onCollapsed,
  listRef,
  ...props
}: Omit<IssueListProps, "lead"> & {
  listRef: Ref<HTMLDivElement>;
  groups: readonly PersonGroup[];
  /** Keys of the entries the user closed. */
  collapsed: ReadonlySet<string>;
  onCollapsed: (keys: ReadonlySet<string>) => void;
}) {
  const styles = useStyles();
  const { text, withSheet } = props;
  const [shown, setShown] = useState(PAGE);
  const visible = groups.slice(0, shown);
  const rest = groups.length - visible.length;
  return (
    <>
      <Accordion
        ref={listRef}
        multiple
        collapsible
        openItems={visible.filter((g) => !collapsed.has(g.key)).map((g) => g.key)}
        onToggle={(_e, data) => {
          const open = new Set(data.openItems as string[]);
          // Entries beyond the page shown keep their state.
          const hidden = new Set(groups.slice(shown).map((g) => g.key));
          const closed = visible.filter((g) => !open.has(g.key)).map((g) => g.key);
          onCollapsed(new Set([...[...collapsed].filter((k) => hidden.has(k)), ...closed]));
        }}
        aria-label={text.issuesLabel}
        data-testid="people"
      >
        {visible.map((g) => (
          <AccordionItem
            key={g.key}
            value={g.key}
            data-testid="person"
            data-person={g.person ?? undefined}
            data-sheet={g.sheet ?? undefined}
            data-row={g.row ?? undefined}
          >
            <AccordionHeader>
              <span className={styles.header}>
                <CounterBadge
                  count={g.entries.length}
                  color={SEVERITY_BADGE[g.severity]}
                  size="small"
                  aria-label={text.issueList.issueCount(g.entries.length)}
                  data-testid="person-count"
                  data-severity={g.severity}
                />
                <Text weight="semibold" data-testid="person-name">
                  {g.person ?? text.issueList.unattributed}
                </Text>
                {g.row !== null && (
                  <Caption1 className={styles.muted} data-testid="person-row">
                    {text.issueList.personRow(g.row, withSheet ? g.sheet : null)}
                  </Caption1>
                )}
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <PagedIssues entries={g.entries} lead="rule" {...props} withSheet={withSheet && g.person === null} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {rest > 0 && (
        <Button appearance="transparent" onClick={() => setShown((n) => n + PAGE)}>
          {text.issueList.showMorePeople(Math.min(rest, PAGE))}
        </Button>
      )}
    </>
  );
}
