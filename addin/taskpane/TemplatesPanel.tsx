/**
 * The 模板 area: one of the four templates or all four in one workbook, inserted as new sheets in Excel or
 * downloaded as a new workbook (all four: named after the branch) in the standalone page; and how the opened (or active) sheets were recognised: template, header row, field → column.
 */
import { useMemo, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { ExcelHost } from "../office/port";
import { isSettingsSheet } from "../../src/core/settings";
import { templateById } from "../../src/core/templates";
import type { Lang, PaneText } from "./i18n";
import { fieldName } from "../../src/core/messages/vocab";
import type { ValidationControls } from "./useValidation";
import {
  ALL_TEMPLATES,
  type InsertedTemplates,
  TEMPLATES,
  allTemplatesFileName,
  insertTemplates,
  parseSampleRows,
  recognition,
  templateFileName,
  templateWorkbookBytes,
} from "./template-model";
import { hostErrorMessage } from "./host-errors";
import { usePanelStyles } from "./panel-styles";
import { useAction } from "./useAction";
import { downloadBytes } from "../standalone/download";
import type { Scope } from "./office-validation";
import type { AreaProps } from "./area-props";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  option: { display: "flex", flexDirection: "column" },
  description: { color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalXXL },
  column: { fontFamily: tokens.fontFamilyMonospace },
  missing: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
});

type Made =
  | { readonly kind: "inserted"; readonly result: InsertedTemplates }
  | { readonly kind: "downloaded"; readonly name: string };

function Recognition({
  text,
  lang,
  validation,
  host,
  inOffice,
  onScope,
}: {
  text: PaneText;
  lang: Lang;
  validation: ValidationControls;
  host: ExcelHost | null;
  inOffice: boolean;
  onScope: (scope: Scope) => void;
}) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { state } = validation;
  const sheets = useMemo(() => (state.status === "done" ? recognition(state.result, isSettingsSheet) : []), [state]);
  const recognise = (scope: Scope) => {
    if (!host) return;
    onScope(scope);
    void validation.validateHost(host, scope);
  };
  return (
    <section className={panel.section} aria-labelledby="recognise-title" data-testid="recognition">
      <Subtitle2 as="h2" id="recognise-title">
        {text.templates.recogniseTitle}
      </Subtitle2>
      {inOffice && (
        <div>
          <Button
            onClick={() => recognise("active")}
            disabled={!host || state.status === "loading"}
            data-testid="recognise"
          >
            {text.templates.recogniseButton}
          </Button>
        </div>
      )}
      <div aria-live="polite">
        {state.status === "loading" && <Text role="status">{text.stages.validating}</Text>}
        {state.status !== "done" && state.status !== "loading" && (
          <Body1 className={panel.muted}>
            {inOffice ? text.templates.recogniseEmptyOffice : text.templates.recogniseEmpty}
          </Body1>
        )}
      </div>
      {sheets.map((s) =>
        s.template === null || s.headerRow === null ? (
          <Body1 key={s.sheet} data-testid="recognised-sheet" data-template="">
            {text.templates.notTemplate(s.sheet)}
          </Body1>
        ) : (
          <div key={s.sheet} className={panel.section} data-testid="recognised-sheet" data-template={s.template.id}>
            <Text weight="semibold">
              {text.templates.sheetHeading(
                s.sheet,
                text.templates.names[s.template.id]?.title ?? s.template.title,
                s.headerRow,
                s.dataRows,
              )}
            </Text>
            {text.sheetNotes(s.report) !== null && (
              <Caption1 className={panel.muted} data-testid="sheet-notes">
                {text.sheetNotes(s.report)}
              </Caption1>
            )}
            <table className={panel.table} data-testid="mapping">
              <thead>
                <tr>
                  <th scope="col" className={mergeClasses(panel.th, panel.start)}>
                    {text.templates.fieldColumn}
                  </th>
                  <th scope="col" className={mergeClasses(panel.th, panel.start)}>
                    {text.templates.columnColumn}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.fields.map((f) => (
                  <tr
                    key={f.key}
                    className={f.missing ? styles.missing : undefined}
                    data-missing={f.missing || undefined}
                  >
                    <th scope="row" className={mergeClasses(panel.td, f.missing && styles.missing)}>
                      {f.key.startsWith("item:") ? f.header : fieldName(f.key, lang)}
                      {f.required ? text.templates.requiredMark : ""}
                    </th>
                    <td className={mergeClasses(panel.td, styles.column, f.missing && styles.missing)}>
                      {f.column ?? (f.missing ? text.templates.missing : text.templates.optionalAbsent)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
      )}
    </section>
  );
}

export function TemplatesPanel({
  text,
  lang,
  inOffice,
  host,
  validation,
  branchName,
  onScope,
}: AreaProps & {
  /** 设置's 支部名称 when known, to prefill the branch field. */
  branchName: string;
  /** Told when recognising switches 校验 to the active sheet. */
  onScope: (scope: Scope) => void;
}) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const [templateId, setTemplateId] = useState(TEMPLATES[0]!.id);
  const [branch, setBranch] = useState<string | null>(null);
  const [sampleText, setSampleText] = useState("0");
  const [made, make] = useAction<Made>();
  const sample = parseSampleRows(sampleText);
  const branchValue = branch ?? branchName;

  const onMake = () => {
    if (sample === null) return;
    const template = templateById(templateId);
    if (!template && templateId !== ALL_TEMPLATES) return;
    const branchText = branchValue.trim();
    void make(async (): Promise<Made> => {
      if (inOffice && host) {
        return { kind: "inserted", result: await insertTemplates(host, templateId, branchText, sample) };
      }
      const name = template ? templateFileName(template) : allTemplatesFileName(branchText);
      downloadBytes(await templateWorkbookBytes(templateId, branchText, sample), name);
      return { kind: "downloaded", name };
    });
  };

  return (
    <div className={styles.root}>
      <section className={styles.form} aria-label={text.templates.listLabel}>
        <RadioGroup
          value={templateId}
          onChange={(_e, data) => setTemplateId(data.value)}
          aria-label={text.templates.listLabel}
          data-testid="template-list"
        >
          {TEMPLATES.map((t) => (
            <div key={t.id} className={styles.option}>
              <Radio
                value={t.id}
                label={text.templates.names[t.id]?.title ?? t.title}
                data-testid={`template-${t.id}`}
              />
              <Caption1 className={styles.description}>
                {text.templates.names[t.id]?.description ?? t.description}
              </Caption1>
            </div>
          ))}
          <div className={styles.option}>
            <Radio value={ALL_TEMPLATES} label={text.templates.all.title} data-testid="template-all" />
            <Caption1 className={styles.description}>{text.templates.all.description}</Caption1>
          </div>
        </RadioGroup>
        <Field label={text.templates.branchLabel} hint={text.templates.branchHint}>
          <Input value={branchValue} onChange={(_e, data) => setBranch(data.value)} data-testid="template-branch" />
        </Field>
        <Field
          label={text.templates.sampleLabel}
          hint={text.templates.sampleHint}
          validationState={sample === null ? "error" : "none"}
          validationMessage={sample === null ? text.templates.sampleInvalid : undefined}
        >
          <Input
            type="number"
            min={0}
            max={200}
            value={sampleText}
            onChange={(_e, data) => setSampleText(data.value)}
            data-testid="template-sample"
          />
        </Field>
        <div className={panel.row}>
          <Button
            appearance="primary"
            disabled={sample === null || made.status === "busy" || (inOffice && !host)}
            onClick={onMake}
            data-testid="template-make"
          >
            {inOffice ? text.templates.insertButton : text.templates.downloadButton}
          </Button>
        </div>
        <Caption1 className={panel.muted}>
          {inOffice ? text.templates.insertHint : text.templates.downloadHint}
        </Caption1>
        <div aria-live="polite">
          {made.status === "busy" && <Text role="status">{text.templates.busy}</Text>}
          {made.status === "done" && (
            <Text role="status" data-testid="template-done">
              {made.value.kind === "downloaded"
                ? text.templates.downloaded(made.value.name)
                : made.value.result.tables.length === 1
                  ? text.templates.inserted(made.value.result.sheets.join("、"), made.value.result.tables[0] ?? "")
                  : text.templates.insertedAll(made.value.result.sheets.join("、"), made.value.result.tables.length)}
            </Text>
          )}
          {made.status === "failed" && (
            <MessageBar intent="error" data-testid="template-error">
              <MessageBarBody>
                {inOffice ? hostErrorMessage(made.error, "insert", text) : text.templates.failed}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      </section>
      <Recognition text={text} lang={lang} validation={validation} host={host} inOffice={inOffice} onScope={onScope} />
    </div>
  );
}
