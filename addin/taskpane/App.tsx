import { useEffect, useState } from "react";
import {
  Body1,
  FluentProvider,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
  type SelectTabData,
} from "@fluentui/react-components";
import { hasOfficeHostHint, loadOfficeJs } from "./office-loader";

/** Where the pane runs: inside an Office host, in a plain browser, or not yet known. */
export type HostMode = "detecting" | "office" | "standalone";

type AreaId = "templates" | "validate" | "summary" | "settings";

const AREAS: ReadonlyArray<{ id: AreaId; label: string; placeholder: string }> = [
  { id: "templates", label: "模板", placeholder: "插入党员花名册、月度工作安排、年终考核、民主测评等模板。（开发中）" },
  { id: "validate", label: "校验", placeholder: "校验当前工作表或整个工作簿，按规则分组列出问题。（开发中）" },
  { id: "summary", label: "汇总", placeholder: "生成或刷新“汇总”工作表，导出会议用汇总表。（开发中）" },
  { id: "settings", label: "设置", placeholder: "编辑“设置”工作表中的支部名称、统计截止日期等。（开发中）" },
];

const MODE_TEXT: Record<HostMode, string> = {
  detecting: "正在检测运行环境…",
  office: "在 Excel 中运行",
  standalone: "独立页面模式",
};

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  mode: { color: tokens.colorNeutralForeground3 },
  panel: { paddingTop: tokens.spacingVerticalS },
});

/**
 * Resolves which mode the pane runs in. In a plain browser office.js is not even loaded (see office-loader.ts);
 * otherwise the answer is what Office.onReady reports, and a missing, failing or silent office.js (no answer
 * within `timeoutMs`; generous, since a cold Excel can be slow to start an add-in) means standalone.
 */
export async function detectHostMode(timeoutMs = 30000): Promise<Exclude<HostMode, "detecting">> {
  if (typeof Office === "undefined") {
    if (!hasOfficeHostHint() || !(await loadOfficeJs())) return "standalone";
  }
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return "standalone";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    return info?.host ? "office" : "standalone";
  } catch {
    return "standalone";
  } finally {
    clearTimeout(timer);
  }
}

export function App({ initialMode = "detecting" }: { initialMode?: HostMode }) {
  const styles = useStyles();
  const [mode, setMode] = useState<HostMode>(initialMode);
  const [area, setArea] = useState<AreaId>("templates");

  useEffect(() => {
    if (initialMode !== "detecting") return;
    let alive = true;
    void detectHostMode().then((m) => {
      if (alive) setMode(m);
    });
    return () => {
      alive = false;
    };
  }, [initialMode]);

  const current = AREAS.find((a) => a.id === area) ?? AREAS[0];

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <header>
          <Title3 as="h1">支部表格助手</Title3>
          <div>
            <Text size={200} className={styles.mode} data-testid="host-mode">
              {MODE_TEXT[mode]}
            </Text>
          </div>
        </header>
        <TabList
          selectedValue={area}
          onTabSelect={(_e, data: SelectTabData) => setArea(data.value as AreaId)}
          aria-label="功能区"
        >
          {AREAS.map((a) => (
            <Tab key={a.id} value={a.id} id={`tab-${a.id}`} aria-controls={`panel-${a.id}`}>
              {a.label}
            </Tab>
          ))}
        </TabList>
        {current && (
          <section
            role="tabpanel"
            id={`panel-${current.id}`}
            aria-labelledby={`tab-${current.id}`}
            className={styles.panel}
          >
            <Body1>{current.placeholder}</Body1>
          </section>
        )}
      </main>
    </FluentProvider>
  );
}
