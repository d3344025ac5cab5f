/** The marks currently in the workbook: loaded from the document's store once there is one. */
import { useEffect, useState } from "react";
import type { MarkRecord } from "../office/port";
import type { MarkStore } from "../office/connect";

function load(store: MarkStore | null): MarkRecord | null {
  try {
    return store?.load() ?? null;
  } catch (e) {
    console.warn("could not read the saved marks", e);
    return null;
  }
}

export function useMarkRecord(store: MarkStore | null): [MarkRecord | null, (r: MarkRecord | null) => void] {
  const [record, setRecord] = useState<MarkRecord | null>(() => load(store));
  useEffect(() => {
    if (store) setRecord((r) => r ?? load(store));
  }, [store]);
  return [record, setRecord];
}
