/**
 * Reads an .xlsx the user opened, entirely in the browser: the bytes never leave the page. exceljs (about 1 MB)
 * is not part of the initial bundle: it is fetched from this server (a webpack chunk) the first time a file is
 * opened. The user's file is only read, never written (SPEC §7).
 */
import type { WorkbookSnapshot } from "../../src/core/types";
import { hasFormulas } from "../../src/xlsx/formulas/has-formulas";

export type ReadFailure =
  "empty" | "xls" | "encrypted" | "not-workbook" | "corrupt" | "no-sheets" | "unreadable" | "library";

/** A file the pane could not read; `kind` picks the message shown (see messages in the task pane's i18n). */
export class WorkbookReadError extends Error {
  constructor(
    readonly kind: ReadFailure,
    readonly fileName: string,
  ) {
    super(`${fileName}: ${kind}`);
    this.name = "WorkbookReadError";
  }
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b];

function startsWith(buf: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/** True when a UTF-16LE string occurs in the bytes (how an encrypted OOXML package names its streams). */
function includesUtf16(buf: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= buf.length; i++) {
    for (let j = 0; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Classifies bytes that are not a zip package (an .xlsx is one); null when they look like one. */
export function sniffWorkbook(buf: Uint8Array): ReadFailure | null {
  if (buf.length === 0) return "empty";
  if (startsWith(buf, OLE_MAGIC)) {
    return includesUtf16(buf, "EncryptedPackage") || includesUtf16(buf, "EncryptionInfo") ? "encrypted" : "xls";
  }
  return startsWith(buf, ZIP_MAGIC) ? null : "not-workbook";
}

export type ReadStage = "reading" | "loading-library" | "parsing";

export interface FileLike {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

type ExcelJsModule = typeof import("exceljs");

let library: Promise<ExcelJsModule> | undefined;

/** exceljs, loaded once on demand (webpack splits it into its own chunk). */
export function loadExcelJs(): Promise<ExcelJsModule> {
  library ??= import(/* webpackChunkName: "exceljs" */ "exceljs").then(
    (mod) => ((mod as { default?: ExcelJsModule }).default ?? mod) as ExcelJsModule,
    (e: unknown) => {
      library = undefined;
      throw e;
    },
  );
  return library;
}

type SnapshotModule = typeof import("./snapshot-xlsx");

let snapshotter: Promise<SnapshotModule> | undefined;

/** exceljs workbook → snapshot, fetched alongside exceljs (its own small chunk). */
function loadSnapshotter(): Promise<SnapshotModule> {
  snapshotter ??= import(/* webpackChunkName: "xlsx-snapshot" */ "./snapshot-xlsx").catch((e: unknown) => {
    snapshotter = undefined;
    throw e;
  });
  return snapshotter;
}

type FormulasModule = typeof import("../../src/xlsx/formulas/compute");

let formulas: Promise<FormulasModule> | undefined;

/** The formula computing (fast-formula-parser, formulajs), loaded once and only for a file that needs it. */
function loadFormulas(): Promise<FormulasModule> {
  formulas ??= import(/* webpackChunkName: "formulas" */ "../../src/xlsx/formulas/compute").catch((e: unknown) => {
    formulas = undefined;
    throw e;
  });
  return formulas;
}

/** Formulas the file holds no result for, computed; left for the checks to report if the library fails to load. */
async function withFormulasComputed(snapshot: WorkbookSnapshot): Promise<WorkbookSnapshot> {
  if (!hasFormulas(snapshot)) return snapshot;
  try {
    return (await loadFormulas()).computeFormulas(snapshot);
  } catch {
    return snapshot;
  }
}

/** Reads the file into a plain snapshot; every failure is a WorkbookReadError naming the file. */
export async function readWorkbookInBrowser(
  file: FileLike,
  onStage: (stage: ReadStage) => void = () => undefined,
): Promise<WorkbookSnapshot> {
  return (await readWorkbookFile(file, onStage)).snapshot;
}

/** An opened file: its snapshot and its bytes as read (kept to write the marked copy; never written back). */
export interface OpenedWorkbook {
  readonly snapshot: WorkbookSnapshot;
  readonly bytes: Uint8Array;
}

/** Like readWorkbookInBrowser, also keeping the file's bytes. */
export async function readWorkbookFile(
  file: FileLike,
  onStage: (stage: ReadStage) => void = () => undefined,
): Promise<OpenedWorkbook> {
  const name = file.name;
  onStage("reading");
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new WorkbookReadError("unreadable", name);
  }
  const failure = sniffWorkbook(bytes);
  if (failure) throw new WorkbookReadError(failure, name);
  onStage("loading-library");
  let ExcelJS: ExcelJsModule;
  let snapshotOf: SnapshotModule["snapshotOfXlsx"];
  try {
    [ExcelJS, { snapshotOfXlsx: snapshotOf }] = await Promise.all([loadExcelJs(), loadSnapshotter()]);
  } catch {
    throw new WorkbookReadError("library", name);
  }
  onStage("parsing");
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs gets its own copy: the kept bytes stay exactly what the file held.
    const { loadXlsxPackage } = await import(/* webpackChunkName: "exceljs" */ "../../src/xlsx/exceljs-load");
    await loadXlsxPackage(wb, bytes);
  } catch {
    throw new WorkbookReadError("corrupt", name);
  }
  if (wb.worksheets.length === 0) throw new WorkbookReadError("no-sheets", name);
  const snapshot = await snapshotOf(wb, name, bytes);
  return { snapshot: await withFormulasComputed(snapshot), bytes };
}
