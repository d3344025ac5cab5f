/** The state of one button's async work: idle, busy, done with a value, or failed with what was thrown. */
import { useCallback, useRef, useState } from "react";

export type ActionState<T> =
  | { readonly status: "idle" }
  | { readonly status: "busy" }
  | { readonly status: "done"; readonly value: T }
  | { readonly status: "failed"; readonly error: unknown };

export function useAction<T>(): [ActionState<T>, (work: () => Promise<T>) => Promise<T | undefined>, () => void] {
  const [state, setState] = useState<ActionState<T>>({ status: "idle" });
  const run = useRef(0);
  const start = useCallback(async (work: () => Promise<T>) => {
    const id = ++run.current;
    setState({ status: "busy" });
    try {
      const value = await work();
      if (run.current === id) setState({ status: "done", value });
      return value;
    } catch (error) {
      if (run.current === id) setState({ status: "failed", error });
      return undefined;
    }
  }, []);
  const reset = useCallback(() => {
    run.current++;
    setState({ status: "idle" });
  }, []);
  return [state, start, reset];
}
