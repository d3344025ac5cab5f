/**
 * The 设置 area: every item of the 设置 sheet in a form, checked with the engine's own parsing. In Excel the
 * changed values are written to the 设置 sheet (the cells are listed beforehand) and the workbook validated
 * again; in the standalone page they apply to this page's validation and the marked copy only.
 */
import { useMemo, useState } from "react";
import { Body1, Button, Caption1, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  type SettingField,
  cellValueFor,
  effectiveEdits,
  settingCellChanges,
  settingFields,
  settingProblem,
} from "./settings-model";
import { settingLabel, settingNote } from "../../src/core/messages/settings-text";
import { HostErrorBar } from "./HostErrorBar";
import { usePanelStyles } from "./panel-styles";
import { useAction } from "./useAction";
import type { Scope } from "./office-validation";
import type { AreaProps } from "./area-props";

const useStyles = makeStyles({
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontFamily: tokens.fontFamilyMonospace },
});

export function SettingsPanel({
  text,
  lang,
  inOffice,
  host,
  validation,
  scope,
  onGoToValidate,
}: AreaProps & {
  scope: Scope;
  onGoToValidate: () => void;
}) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { state } = validation;
  const done = state.status === "done" ? state : null;
  const fields = useMemo(() => settingFields(done?.result ?? null, lang), [done, lang]);
  const [typed, setTyped] = useState<Readonly<Record<string, string>>>({});
  const [saved, save] = useAction<number>();
  const [applied, setApplied] = useState<number | null>(null);
  const edits = useMemo(() => effectiveEdits(fields, typed), [fields, typed]);
  const changes = useMemo(() => settingCellChanges(done?.original ?? null, fields, edits), [done, fields, edits]);
  const count = Object.keys(edits).length;
  const invalid = fields.some(
    (f) => typed[f.def.key] !== undefined && settingProblem(f.def, typed[f.def.key]!) !== null,
  );

  if (!inOffice && !done) {
    return (
      <div className={panel.stack}>
        <Body1 className={panel.muted} data-testid="settings-empty">
          {state.status === "loading" ? text.summary.loading(state.fileName) : text.settings.empty}
        </Body1>
        <div>
          <Button appearance="primary" onClick={onGoToValidate}>
            {text.summary.goToValidate}
          </Button>
        </div>
      </div>
    );
  }

  const onApply = () => {
    if (!done) return;
    validation.applyEdits({ ...done.edits, ...edits });
    setApplied(count);
    setTyped({});
  };
  const onReset = () => {
    validation.applyEdits({});
    setApplied(null);
    setTyped({});
  };
  const onSave = () => {
    if (!host) return;
    const values: Record<string, string | number> = {};
    for (const f of fields)
      if (edits[f.def.key] !== undefined) values[f.def.key] = cellValueFor(f.def, edits[f.def.key]!);
    void save(async () => {
      await host.writeSettings(values);
      setTyped({});
      await validation.validateHost(host, done?.source.kind === "office" ? done.source.scope : scope);
      return Object.keys(values).length;
    });
  };

  const changeLabel = (key: string, label: string) => {
    const def = fields.find((f) => f.def.key === key)?.def;
    return def ? settingLabel(def, lang) : label;
  };

  const field = (f: SettingField) => {
    const value = typed[f.def.key] ?? f.current;
    const problem = settingProblem(f.def, value);
    const label = settingLabel(f.def, lang);
    return (
      <Field
        key={f.def.key}
        label={label}
        hint={`${text.settings.defaultHint(f.defaultText || "—", settingNote(f.def, lang))}${f.given ? ` · ${text.settings.fromSheet}` : ""}`}
        validationState={problem ? "error" : "none"}
        validationMessage={problem ? text.settings.invalid(label) : undefined}
      >
        <Input
          value={value}
          placeholder={f.defaultText}
          onChange={(_e, data) => setTyped((t) => ({ ...t, [f.def.key]: data.value }))}
          data-testid={`setting-${f.def.key}`}
        />
      </Field>
    );
  };

  return (
    <div className={panel.stack}>
      <Body1>{text.settings.intro}</Body1>
      {inOffice && !done && <Caption1 className={panel.muted}>{text.settings.officeEmpty}</Caption1>}
      {!inOffice && done && Object.keys(done.edits).length > 0 && (
        <Caption1 data-testid="settings-edited">{text.settings.editedNote(Object.keys(done.edits).length)}</Caption1>
      )}
      <form
        className={panel.stack}
        onSubmit={(e) => {
          e.preventDefault();
          if (inOffice) onSave();
          else onApply();
        }}
      >
        {fields.map(field)}
        <section aria-live="polite" data-testid="settings-changes">
          {count === 0 ? (
            <Caption1 className={panel.muted}>{text.settings.noChanges}</Caption1>
          ) : inOffice ? (
            <>
              <Caption1>{text.settings.willWrite}</Caption1>
              <ul className={styles.changes}>
                {changes.map((c) => (
                  <li key={c.key}>
                    <Caption1>{text.settings.change(c.cell, changeLabel(c.key, c.label), c.before, c.after)}</Caption1>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <Caption1 className={panel.muted}>{text.settings.applyHint}</Caption1>
          )}
        </section>
        <div className={panel.row}>
          {inOffice ? (
            <Button
              appearance="primary"
              type="submit"
              disabled={!host || count === 0 || invalid || saved.status === "busy"}
              data-testid="settings-save"
            >
              {text.settings.save}
            </Button>
          ) : (
            <>
              <Button appearance="primary" type="submit" disabled={count === 0 || invalid} data-testid="settings-apply">
                {text.settings.apply}
              </Button>
              <Button
                disabled={!done || Object.keys(done.edits).length === 0}
                onClick={onReset}
                data-testid="settings-reset"
              >
                {text.settings.reset}
              </Button>
            </>
          )}
        </div>
      </form>
      <div aria-live="polite">
        {applied !== null && !inOffice && (
          <Text role="status" data-testid="settings-applied">
            {text.settings.applied(applied)}
          </Text>
        )}
        {saved.status === "busy" && <Text role="status">{text.settings.saving}</Text>}
        {saved.status === "done" && (
          <Text role="status" data-testid="settings-saved">
            {text.settings.saved(saved.value)}
          </Text>
        )}
        {saved.status === "failed" && (
          <HostErrorBar error={saved.error} action="settings" text={text} testId="settings-error" />
        )}
      </div>
    </div>
  );
}
