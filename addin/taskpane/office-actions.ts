/** What the pane's Excel buttons do, through the host port only (pure async functions, tested with a double). */
import type { Issue } from "../../src/core/types";
import type { ValidationResult } from "../../src/core/engine";
import { type Lang, formatIssue } from "../../src/core/messages";
import {
  type ExcelHost,
  type HostCapabilities,
  HostFeatureUnavailable,
  type MarkRecord,
  type SummarySheetResult,
  distinctMarks,
  marksFromIssues,
} from "../office/port";

/** The distinct cells "标注" would fill, for saying so beforehand. */
export function cellsToMark(issues: readonly Issue[]): number {
  return distinctMarks(marksFromIssues(issues)).length;
}

export async function markIssues(host: ExcelHost, result: ValidationResult, lang: Lang): Promise<MarkRecord> {
  return host.applyMarks(marksFromIssues(result.issues, (i) => formatIssue(i, lang)));
}

/** Bytes as base64 (what Excel.createWorkbook takes), in chunks so a big workbook does not overflow the stack. */
export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < u8.length; i += CHUNK) binary += String.fromCharCode(...u8.subarray(i, i + CHUNK));
  return btoa(binary);
}

export type ExportOutcome = { readonly kind: "opened" } | { readonly kind: "downloaded"; readonly requirement: string };

/**
 * Opens the bytes as a new workbook in Excel; where the host lacks Excel.createWorkbook, downloads them instead.
 * Any other host failure is the caller's to show.
 */
export async function exportWorkbook(
  host: ExcelHost,
  bytes: ArrayBuffer,
  download: (bytes: ArrayBuffer) => void,
): Promise<ExportOutcome> {
  try {
    await host.openNewWorkbook(toBase64(bytes));
    return { kind: "opened" };
  } catch (e) {
    if (!(e instanceof HostFeatureUnavailable)) throw e;
    download(bytes);
    return { kind: "downloaded", requirement: e.requirement };
  }
}

/** True when the sheet was built with plain tables in place of PivotTables or charts the host lacks. */
export function summaryFellBack(r: SummarySheetResult, caps: HostCapabilities): boolean {
  return (r.pivotTables === 0 && !caps.pivotTables) || (r.charts === 0 && !caps.charts);
}
