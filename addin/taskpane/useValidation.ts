/**
 * State of the opened workbook, shared by the four areas: standalone, a file read in the browser (its bytes
 * kept for the marked copy); in Excel, the active sheet or the whole workbook read through the host port. Either
 * way the snapshot is validated in the pane, with the 设置 edits of the standalone page applied on top.
 */
import { useCallback, useRef, useState } from "react";
import type { WorkbookSnapshot } from "../../src/core/types";
import { type ValidationResult, ValidationCancelled, validateWorkbook } from "../../src/core/engine";
import {
  type FileLike,
  type ReadFailure,
  type ReadStage,
  WorkbookReadError,
  readWorkbookFile,
} from "../standalone/read-workbook";
import type { ExcelHost } from "../office/port";
import { applySettingEdits } from "./settings-model";
import { type Scope, mergeSheets, readFromHost } from "./office-validation";

export type Stage = ReadStage | "validating";

export type Source =
  | { readonly kind: "file"; readonly bytes: Uint8Array }
  | { readonly kind: "office"; readonly scope: Scope; readonly sheet: string | null };

export type ValidationState =
  | { readonly status: "idle" }
  | { readonly status: "loading"; readonly fileName: string; readonly stage: Stage }
  | { readonly status: "cancelled"; readonly fileName: string }
  | { readonly status: "error"; readonly fileName: string; readonly failure: ReadFailure | "unexpected" }
  | { readonly status: "host-error"; readonly fileName: string; readonly error: unknown }
  | {
      readonly status: "done";
      readonly fileName: string;
      /** What was read, with the applied 设置 edits on top (what `result` is about). */
      readonly snapshot: WorkbookSnapshot;
      /** What was read, as read. */
      readonly original: WorkbookSnapshot;
      readonly result: ValidationResult;
      readonly source: Source;
      /** 设置 edits applied to this result (standalone; in Excel they are written to the sheet instead). */
      readonly edits: Readonly<Record<string, string>>;
    };

export type DoneState = Extract<ValidationState, { status: "done" }>;

/** Rough share of the work done when a stage starts, for the progress bar. */
export const STAGE_PROGRESS: Readonly<Record<Stage, number>> = {
  reading: 0.05,
  "loading-library": 0.2,
  parsing: 0.45,
  validating: 0.8,
};

/** Lets React paint the new stage before the next (synchronous) step starts. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface ValidationControls {
  readonly state: ValidationState;
  /** Standalone: reads and validates a file the user opened. */
  open(file: FileLike): Promise<void>;
  /** Excel: reads the active sheet or the whole workbook through the host and validates it. */
  validateHost(host: ExcelHost, scope: Scope): Promise<void>;
  /** Excel: re-reads the named sheets (edited by the user) and validates again; no-op without an Excel result. */
  recheckSheets(host: ExcelHost, sheets: readonly string[]): Promise<void>;
  /** Standalone: validates the opened snapshot again with these 设置 edits (the file itself is not touched). */
  applyEdits(edits: Readonly<Record<string, string>>): void;
  cancel(): void;
}

export function useValidation(): ValidationControls {
  const [state, setState] = useState<ValidationState>({ status: "idle" });
  const current = useRef<ValidationState>(state);
  // Each run gets a number; a newer run or a cancel makes an older run's results stale.
  const run = useRef(0);

  const set = useCallback((s: ValidationState) => {
    current.current = s;
    setState(s);
  }, []);

  const finish = useCallback(
    async (
      id: number,
      fileName: string,
      original: WorkbookSnapshot,
      source: Source,
      edits: Readonly<Record<string, string>>,
    ) => {
      const stale = () => run.current !== id;
      set({ status: "loading", fileName, stage: "validating" });
      await nextFrame();
      if (stale()) return;
      const snapshot = applySettingEdits(original, edits);
      const sheet = source.kind === "office" && source.scope === "active" && source.sheet ? source.sheet : undefined;
      const result = validateWorkbook(snapshot, sheet ? { cancelled: stale, sheet } : { cancelled: stale });
      if (!stale()) set({ status: "done", fileName, snapshot, original, result, source, edits });
    },
    [set],
  );

  const open = useCallback(
    async (file: FileLike) => {
      const id = ++run.current;
      const stale = () => run.current !== id;
      const fileName = file.name;
      set({ status: "loading", fileName, stage: "reading" });
      try {
        const opened = await readWorkbookFile(file, (stage) => {
          if (!stale()) set({ status: "loading", fileName, stage });
        });
        if (stale()) return;
        await finish(id, fileName, opened.snapshot, { kind: "file", bytes: opened.bytes }, {});
      } catch (e) {
        if (stale() || e instanceof ValidationCancelled) return;
        const failure = e instanceof WorkbookReadError ? e.kind : "unexpected";
        if (failure === "unexpected") console.warn("validation failed", e);
        set({ status: "error", fileName, failure });
      }
    },
    [finish, set],
  );

  const validateHost = useCallback(
    async (host: ExcelHost, scope: Scope) => {
      const id = ++run.current;
      const stale = () => run.current !== id;
      const fileName = "Excel";
      set({ status: "loading", fileName, stage: "reading" });
      try {
        const read = await readFromHost(host, scope);
        if (stale()) return;
        await finish(
          id,
          read.snapshot.name || fileName,
          read.snapshot,
          { kind: "office", scope, sheet: read.sheet },
          {},
        );
      } catch (e) {
        if (stale() || e instanceof ValidationCancelled) return;
        set({ status: "host-error", fileName, error: e });
      }
    },
    [finish, set],
  );

  const recheckSheets = useCallback(
    async (host: ExcelHost, sheets: readonly string[]) => {
      const s = current.current;
      if (s.status !== "done" || s.source.kind !== "office") return;
      const id = ++run.current;
      try {
        const merged = await mergeSheets(host, s.original, sheets, s.source);
        if (run.current !== id) return;
        await finish(id, s.fileName, merged, s.source, {});
      } catch (e) {
        if (run.current === id && !(e instanceof ValidationCancelled)) {
          set({ status: "host-error", fileName: s.fileName, error: e });
        }
      }
    },
    [finish, set],
  );

  const applyEdits = useCallback(
    (edits: Readonly<Record<string, string>>) => {
      const s = current.current;
      if (s.status !== "done") return;
      const id = ++run.current;
      void finish(id, s.fileName, s.original, s.source, edits).catch((e: unknown) => {
        if (!(e instanceof ValidationCancelled)) console.warn("validation failed", e);
      });
    },
    [finish],
  );

  const cancel = useCallback(() => {
    run.current++;
    const s = current.current;
    if (s.status === "loading") set({ status: "cancelled", fileName: s.fileName });
  }, [set]);

  return { state, open, validateHost, recheckSheets, applyEdits, cancel };
}
