/** Styles the task pane's areas share: the column layout, muted text, button rows and the small tables. */
import { makeStyles, tokens } from "@fluentui/react-components";

const cell = {
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
};

export const usePanelStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: { ...cell, backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  td: cell,
  start: { textAlign: "start" },
  nowrap: { whiteSpace: "nowrap" },
});
