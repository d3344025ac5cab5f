/**
 * 修正 in Excel: the certain fixes of the current result, the preview to confirm, applying them (then validating
 * the fixed sheets again) and 撤销修正 from the undo record, which is kept in the document's store so a reopened
 * pane can still undo.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Issue } from "../../src/core/types";
import { type Fix, deriveFixes } from "../../src/core/fixes";
import { type ExcelHost, type FixRecord, type RefusedCell, mergeFixRecords } from "../office/port";
import type { FixStore } from "../office/connect";
import type { ValidationControls } from "./useValidation";
import type { RuleGroup } from "./validation-model";
import { type ActionState, useAction } from "./useAction";
import { fixesOfGroup, fixesOfIssue, rowGuards, sheetsOf } from "./fix-model";
import { useStoredRecord } from "./useMarkRecord";

export type FixReport =
  | {
      readonly kind: "fixed";
      readonly fixed: number;
      readonly changed: readonly RefusedCell[];
      readonly formula: readonly RefusedCell[];
      readonly storeError: unknown;
    }
  | {
      readonly kind: "undone";
      readonly restored: number;
      readonly changed: readonly RefusedCell[];
      readonly storeError: unknown;
    };

export interface FixControls {
  /** Every certain fix of the Excel result (none in the standalone page or before validating). */
  readonly all: readonly Fix[];
  forIssue(issue: Issue): Fix[];
  forGroup(group: RuleGroup): Fix[];
  /** The fixes shown in the preview dialog, waiting for 确定修正; null when it is closed. */
  readonly preview: readonly Fix[] | null;
  openPreview(fixes: readonly Fix[]): void;
  closePreview(): void;
  confirm(): void;
  /** What was fixed and can be undone (this session's fixes, or an earlier session's from the store). */
  readonly record: FixRecord | null;
  undo(): void;
  readonly action: ActionState<FixReport>;
  /** What the busy action is doing. */
  readonly busyKind: "fix" | "undo";
}

async function save(store: FixStore | null, record: FixRecord | null): Promise<unknown> {
  try {
    await store?.save(record);
    return null;
  } catch (e) {
    return e;
  }
}

export function useFixes({
  validation,
  host,
  store,
}: {
  validation: ValidationControls;
  /** The Excel host; null in the standalone page. */
  host: ExcelHost | null;
  store: FixStore | null;
}): FixControls {
  const { state, recheckSheets } = validation;
  const result = state.status === "done" && state.source.kind === "office" && host ? state.result : null;
  const all = useMemo(() => (result ? deriveFixes(result) : []), [result]);
  const [preview, setPreview] = useState<readonly Fix[] | null>(null);
  const [record, setRecordState] = useStoredRecord(store, "fixes", (r) => r.cells.length > 0);
  // The record as of the last change, for the async actions that extend or undo it.
  const recordRef = useRef(record);
  recordRef.current = record;
  const setRecord = useCallback(
    (r: FixRecord | null) => {
      recordRef.current = r;
      setRecordState(r);
    },
    [setRecordState],
  );
  const [action, run] = useAction<FixReport>();
  const [busyKind, setBusyKind] = useState<"fix" | "undo">("fix");

  // A new result invalidates a preview of the old one's fixes.
  useEffect(() => setPreview(null), [result]);

  const confirm = useCallback(() => {
    const fixes = preview;
    setPreview(null);
    if (!host || !result || !fixes || fixes.length === 0) return;
    setBusyKind("fix");
    void run(async () => {
      const outcome = await host.applyFixes(fixes, rowGuards(result, fixes));
      let storeError: unknown = null;
      if (outcome.record.cells.length > 0) {
        const merged = mergeFixRecords(recordRef.current, outcome.record);
        setRecord(merged);
        storeError = await save(store, merged);
      }
      await recheckSheets(host, sheetsOf(fixes));
      return {
        kind: "fixed",
        fixed: outcome.record.cells.length,
        changed: outcome.refused.filter((r) => r.reason === "changed"),
        formula: outcome.refused.filter((r) => r.reason === "formula"),
        storeError,
      };
    });
  }, [preview, host, result, run, setRecord, store, recheckSheets]);

  const undo = useCallback(() => {
    const r = recordRef.current;
    if (!host || !r) return;
    setBusyKind("undo");
    void run(async () => {
      const outcome = await host.undoFixes(r);
      setRecord(null);
      const storeError = await save(store, null);
      await recheckSheets(host, sheetsOf(r.cells));
      return { kind: "undone", restored: outcome.restored, changed: outcome.refused, storeError };
    });
  }, [host, run, setRecord, store, recheckSheets]);

  return {
    all,
    forIssue: useCallback((issue: Issue) => fixesOfIssue(all, issue), [all]),
    forGroup: useCallback((group: RuleGroup) => fixesOfGroup(all, group), [all]),
    preview,
    openPreview: useCallback((fixes: readonly Fix[]) => setPreview(fixes.length > 0 ? fixes : null), []),
    closePreview: useCallback(() => setPreview(null), []),
    confirm,
    record: host ? record : null,
    undo,
    action,
    busyKind,
  };
}
