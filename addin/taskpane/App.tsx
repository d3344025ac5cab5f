import { useEffect, useState } from "react";
import {
  Button,
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
import { LANG_SWITCH, TEXT, detectLang, type Lang } from "./i18n";
import { ValidatePanel } from "./ValidatePanel";
import { SummaryPanel } from "./SummaryPanel";
import { type ValidationState, useValidation } from "./useValidation";
import { TemplatesPanel } from "./TemplatesPanel";
import { SettingsPanel } from "./SettingsPanel";
import type { ExcelHost } from "../office/port";
import {
  type FixStore,
  type MarkStore,
  connectExcel,
  officeDisplayLang,
  officeFixStore,
  officeMarkStore,
} from "../office/connect";
import type { Scope } from "./office-validation";
import type { AreaProps } from "./area-props";

/** Where the pane runs: inside an Office host, in a plain browser, or not yet known. */
export type HostMode = "detecting" | "office" | "standalone";

type AreaId = "templates" | "validate" | "summary" | "settings";

/** 设置's 支部名称 of the validated workbook ("" when unknown). */
function branchOf(state: ValidationState): string {
  if (state.status !== "done") return "";
  const v = state.result.settings.values["branchName"];
  return typeof v === "string" ? v : "";
}

const AREA_IDS: readonly AreaId[] = ["templates", "validate", "summary", "settings"];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  titleRow: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  mode: { color: tokens.colorNeutralForeground3 },
  panel: { paddingTop: tokens.spacingVerticalS },
  // English tab names do not fit a 320 px pane on one line.
  tabs: { flexWrap: "wrap" },
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

/** The Excel side once a host is reported: the port, and where the marks' record is kept. */
export interface OfficeConnection {
  readonly host: ExcelHost;
  readonly markStore: MarkStore | null;
  /** Where the fixes' undo record is kept (none: undo lasts the session). */
  readonly fixStore?: FixStore | null;
}

/** Connects to the real Excel (the globals are touched only in addin/office/connect.ts). */
function connectOffice(): OfficeConnection {
  let markStore: MarkStore | null = null;
  let fixStore: FixStore | null = null;
  try {
    markStore = officeMarkStore();
    fixStore = officeFixStore();
  } catch (e) {
    console.warn("document settings unavailable; marks and fixes are kept for this session only", e);
  }
  return { host: connectExcel(), markStore, fixStore };
}

export function App({
  initialMode = "detecting",
  initialLang,
  office: givenOffice,
}: {
  initialMode?: HostMode;
  initialLang?: Lang;
  /** The Excel connection to use in Office mode (tests pass a double); by default the real one is made. */
  office?: OfficeConnection;
}) {
  const styles = useStyles();
  const [mode, setMode] = useState<HostMode>(initialMode);
  const [area, setArea] = useState<AreaId>("validate");
  const [lang, setLang] = useState<Lang>(() => initialLang ?? detectLang());
  const [office, setOffice] = useState<OfficeConnection | null>(givenOffice ?? null);
  const [scope, setScope] = useState<Scope>("active");
  const text = TEXT[lang];
  // One workbook for the whole pane: 校验 reads and validates it, the other areas use the same result.
  const validation = useValidation();
  const inOffice = mode === "office";
  const host = inOffice ? (office?.host ?? null) : null;
  const areaProps: AreaProps = { text, lang, inOffice, host, validation };

  useEffect(() => {
    if (initialMode !== "detecting") return;
    let alive = true;
    void detectHostMode().then((m) => {
      if (!alive) return;
      setMode(m);
      if (m === "office") {
        if (!givenOffice) setOffice(connectOffice());
        if (!initialLang) setLang(officeDisplayLang());
      }
    });
    return () => {
      alive = false;
    };
  }, [initialMode, initialLang, givenOffice]);

  useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = lang;
  }, [lang]);

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <header>
          <div className={styles.titleRow}>
            <Title3 as="h1">{text.appTitle}</Title3>
            <Button
              size="small"
              appearance="subtle"
              aria-label={LANG_SWITCH[lang === "en" ? "zh-CN" : "en"].aria}
              data-testid="lang-toggle"
              onClick={() => setLang((l) => (l === "en" ? "zh-CN" : "en"))}
            >
              {LANG_SWITCH[lang === "en" ? "zh-CN" : "en"].label}
            </Button>
          </div>
          <div>
            <Text size={200} className={styles.mode} data-testid="host-mode">
              {text.modes[mode]}
            </Text>
          </div>
        </header>
        <TabList
          className={styles.tabs}
          selectedValue={area}
          onTabSelect={(_e, data: SelectTabData) => setArea(data.value as AreaId)}
          aria-label={text.areasLabel}
        >
          {AREA_IDS.map((id) => (
            <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
              {text.areas[id]}
            </Tab>
          ))}
        </TabList>
        {AREA_IDS.map((id) => (
          // The 校验 panel stays mounted (hidden) when another area is shown, so its result survives tab changes.
          <section
            key={id}
            role="tabpanel"
            id={`panel-${id}`}
            aria-labelledby={`tab-${id}`}
            className={styles.panel}
            hidden={id !== area}
          >
            {id === "validate" ? (
              <ValidatePanel
                {...areaProps}
                lang={lang}
                markStore={inOffice ? (office?.markStore ?? null) : null}
                fixStore={inOffice ? (office?.fixStore ?? null) : null}
                scope={scope}
                onScope={setScope}
              />
            ) : id !== area ? null : id === "summary" ? (
              <SummaryPanel
                text={text}
                lang={lang}
                state={validation.state}
                onGoToValidate={() => setArea("validate")}
                host={host}
              />
            ) : id === "templates" ? (
              <TemplatesPanel {...areaProps} branchName={branchOf(validation.state)} onScope={setScope} />
            ) : (
              <SettingsPanel {...areaProps} scope={scope} onGoToValidate={() => setArea("validate")} />
            )}
          </section>
        ))}
      </main>
    </FluentProvider>
  );
}
