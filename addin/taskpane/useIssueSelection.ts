/**
 * The selected issue of the 校验 list, and keyboard focus between the list and the focus section above it:
 * selecting an issue brings the section into view and focuses it (the list can be long and the section is at its
 * top); `back` returns focus to the issue entry that was selected.
 */
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";

export interface IssueSelection {
  /** Position in result.issues, or null. */
  readonly selected: number | null;
  select(index: number): void;
  /** Focus back on the selected issue's entry in the list (when it is still shown). */
  back(): void;
  /** On the focus section (tabIndex -1). */
  readonly focusRef: RefObject<HTMLElement | null>;
  /** On the element holding the issue entries (each has data-issue-index). */
  readonly listRef: RefObject<HTMLDivElement | null>;
}

/** `result` is whatever identifies the current result: a new one clears the selection (an index into its issues). */
export function useIssueSelection(result: unknown): IssueSelection {
  const [selected, setSelected] = useState<number | null>(null);
  // Counts selections, so that selecting the same issue again brings the section back into view too.
  const [reveals, setReveals] = useState(0);
  const focusRef = useRef<HTMLElement | null>(null);
  const listRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => setSelected(null), [result]);

  // After the section shows the new issue (and its row preview), so that it is scrolled to at its new size.
  useEffect(() => {
    const section = focusRef.current;
    if (reveals === 0 || !section) return;
    section.scrollIntoView({ block: "nearest" });
    section.focus({ preventScroll: false });
  }, [reveals]);

  const select = useCallback((index: number) => {
    setSelected(index);
    setReveals((n) => n + 1);
  }, []);

  const back = useCallback(() => {
    if (selected === null) return;
    listRef.current?.querySelector<HTMLElement>(`[data-issue-index="${selected}"]`)?.focus();
  }, [selected]);

  return { selected, select, back, focusRef, listRef };
}
