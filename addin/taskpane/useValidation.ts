/** State of the standalone 校验 area: open a file, read it in the browser, validate, keep the result. */
import { useCallback, useRef, useState } from "react";
import type { WorkbookSnapshot } from "../../src/core/types";
import { type ValidationResult, ValidationCancelled, validateWorkbook } from "../../src/core/engine";
import {
  type FileLike,
  type ReadFailure,
  type ReadStage,
  WorkbookReadError,
  readWorkbookInBrowser,
} from "../standalone/read-workbook";

export type Stage = ReadStage | "validating";

export type ValidationState =
  | { readonly status: "idle" }
  | { readonly status: "loading"; readonly fileName: string; readonly stage: Stage }
  | { readonly status: "cancelled"; readonly fileName: string }
  | { readonly status: "error"; readonly fileName: string; readonly failure: ReadFailure | "unexpected" }
  | {
      readonly status: "done";
      readonly fileName: string;
      readonly snapshot: WorkbookSnapshot;
      readonly result: ValidationResult;
    };

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
  open(file: FileLike): Promise<void>;
  cancel(): void;
}

export function useValidation(): ValidationControls {
  const [state, setState] = useState<ValidationState>({ status: "idle" });
  // Each open() gets a run number; a newer open or a cancel makes an older run's results stale.
  const run = useRef(0);

  const open = useCallback(async (file: FileLike) => {
    const id = ++run.current;
    const stale = () => run.current !== id;
    const fileName = file.name;
    setState({ status: "loading", fileName, stage: "reading" });
    try {
      const snapshot = await readWorkbookInBrowser(file, (stage) => {
        if (!stale()) setState({ status: "loading", fileName, stage });
      });
      if (stale()) return;
      setState({ status: "loading", fileName, stage: "validating" });
      await nextFrame();
      if (stale()) return;
      const result = validateWorkbook(snapshot, { cancelled: stale });
      if (!stale()) setState({ status: "done", fileName, snapshot, result });
    } catch (e) {
      if (stale() || e instanceof ValidationCancelled) return;
      const failure = e instanceof WorkbookReadError ? e.kind : "unexpected";
      if (failure === "unexpected") console.warn("validation failed", e);
      setState({ status: "error", fileName, failure });
    }
  }, []);

  const cancel = useCallback(() => {
    run.current++;
    setState((s) => (s.status === "loading" ? { status: "cancelled", fileName: s.fileName } : s));
  }, []);

  return { state, open, cancel };
}
