/** Records the add-in keeps in the document's store (its marks, its fixes): loaded once there is a store. */
import { useEffect, useState } from "react";
import type { MarkRecord } from "../office/port";
import type { MarkStore } from "../office/connect";

interface RecordStore<T> {
  load(): T | null;
}

function load<T>(store: RecordStore<T> | null, what: string, keep: (r: T) => boolean): T | null {
  try {
    const r = store?.load() ?? null;
    return r && keep(r) ? r : null;
  } catch (e) {
    console.warn(`could not read the saved ${what}`, e);
    return null;
  }
}

/** The stored record (null when there is none, it cannot be read, or `keep` rejects it) and its setter. */
export function useStoredRecord<T>(
  store: RecordStore<T> | null,
  what: string,
  keep: (r: T) => boolean = () => true,
): [T | null, (r: T | null) => void] {
  const [record, setRecord] = useState<T | null>(() => load(store, what, keep));
  useEffect(() => {
    if (store) setRecord((r) => r ?? load(store, what, keep));
    // A new store is what calls for loading again (`what` and `keep` describe the record, not the store).
  }, [store]);
  return [record, setRecord];
}

/** The marks currently in the workbook. */
export function useMarkRecord(store: MarkStore | null): [MarkRecord | null, (r: MarkRecord | null) => void] {
  return useStoredRecord(store, "marks");
}
