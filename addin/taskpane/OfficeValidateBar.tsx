/** The 校验 area's controls in Excel: what to validate, the button, and the optional re-check while editing. */
import { useEffect, useState } from "react";
import { Button, Caption1, Radio, RadioGroup, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { type Scope, debounceSheets } from "./office-validation";
import { HostErrorBar } from "./HostErrorBar";
import type { AreaProps } from "./area-props";
import { usePanelStyles } from "./panel-styles";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** Milliseconds after the last edit before the edited sheets are validated again. */
export const RECHECK_DELAY_MS = 800;

export function OfficeValidateBar({
  text,
  host,
  validation,
  scope,
  onScope,
}: Omit<AreaProps, "inOffice" | "lang"> & {
  scope: Scope;
  onScope: (scope: Scope) => void;
}) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const [watch, setWatch] = useState(false);
  const [watchError, setWatchError] = useState<unknown>(null);
  const { recheckSheets } = validation;
  const busy = validation.state.status === "loading";

  useEffect(() => {
    if (!watch || !host) return;
    let stopWatching: (() => Promise<void>) | null = null;
    let alive = true;
    const debounced = debounceSheets((sheets) => void recheckSheets(host, sheets), RECHECK_DELAY_MS);
    host
      .watchChanges((changes) => debounced.push(changes.map((c) => c.sheet)))
      .then(
        (stop) => {
          if (alive) stopWatching = stop;
          else void stop().catch(() => undefined);
        },
        (e: unknown) => {
          if (!alive) return;
          setWatchError(e);
          setWatch(false);
        },
      );
    return () => {
      alive = false;
      debounced.stop();
      if (stopWatching) void stopWatching().catch((e: unknown) => console.warn("stop watching failed", e));
    };
  }, [watch, host, recheckSheets]);

  return (
    <div className={styles.root} data-testid="office-validate">
      <RadioGroup
        layout="horizontal"
        value={scope}
        onChange={(_e, data) => onScope(data.value as Scope)}
        aria-label={text.office.scopeLabel}
        data-testid="scope"
      >
        <Radio value="active" label={text.office.scopeActive} />
        <Radio value="workbook" label={text.office.scopeWorkbook} />
      </RadioGroup>
      <div className={panel.row}>
        <Button
          appearance="primary"
          disabled={!host || busy}
          onClick={() => host && void validation.validateHost(host, scope)}
          data-testid="validate-host"
        >
          {text.office.validateButton}
        </Button>
        <Switch
          checked={watch}
          disabled={!host}
          onChange={(_e, data) => {
            setWatchError(null);
            setWatch(data.checked);
          }}
          label={text.office.watchSwitch}
          data-testid="watch-switch"
        />
      </div>
      <Caption1 className={panel.muted}>{watch ? text.office.watching : text.office.watchHint}</Caption1>
      {!host && <Caption1>{text.host.noHost}</Caption1>}
      {watchError !== null && (
        <HostErrorBar error={watchError} action="watch" text={text} testId="watch-error" intent="warning" />
      )}
    </div>
  );
}
