/**
 * Reads an .xlsx the user opened, entirely in the browser: the bytes never leave the page. exceljs (about 1 MB)
 * is not part of the initial bundle: it is fetched from this server (a webpack chunk) the first time a file is
 * opened. The user's file is only read, never written (SPEC §7).
 */
import type { WorkbookSnapshot } from "../../src/core/types";
import { hasFormulas } from "../../src/xlsx/formulas/has-formulas";
import { type FileKind, decodeHtml, decodeUtf16, sniffFile } from "../../src/xlsx/sniff";
import { decodeCsv, readCsv } from "../../src/xlsx/csv";

export type ReadFailure =
  | "empty"
  | "xls"
  | "encrypted"
  | "not-workbook"
  | "corrupt"
  | "no-sheets"
  | "unreadable"
  | "library"
  | "word"
  | "powerpoint"
  | "pdf"
  | "image"
  | "archive";

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

/** How the page reads a file of each kind: the .xlsx readers, SheetJS, the CSV reader, or not at all. */
type ReadRoute = "xlsx" | "sheetjs" | "csv" | ReadFailure;

function routeOf(kind: FileKind, fileName: string): ReadRoute {
  const ext = /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? "";
  switch (kind) {
    case "xlsx":
      return "xlsx";
    case "archive":
      // A damaged workbook is likelier than an archive named .xlsx: the reader says it is damaged.
      return ext === ".xlsx" || ext === ".xlsm" ? "xlsx" : "archive";
    case "biff":
    case "ods":
    case "html":
    case "utf16-text":
      return "sheetjs";
    case "text":
      return ext === ".csv" ? "csv" : ext === ".txt" || ext === ".tsv" ? "sheetjs" : "not-workbook";
    case "empty":
    case "encrypted":
    case "word":
    case "powerpoint":
    case "pdf":
    case "image":
      return kind;
    default:
      return "not-workbook";
  }
}

/** What the page cannot read in a file, from its bytes; null when it reads it. */
export function sniffWorkbook(buf: Uint8Array, fileName = "x.xlsx"): ReadFailure | null {
  const route = routeOf(sniffFile(buf), fileName);
  return route === "xlsx" || route === "sheetjs" || route === "csv" ? null : route;
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
  const kind = sniffFile(bytes);
  const route = routeOf(kind, name);
  if (route === "csv") return { snapshot: readCsv(bytes, name), bytes: await csvAsXlsx(bytes, name) };
  if (route === "sheetjs") return readWithSheetJsInBrowser(bytes, kind, name, onStage);
  if (route !== "xlsx") throw new WorkbookReadError(route, name);
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

type SheetJsReader = typeof import("../../src/xlsx/sheetjs/read-sheetjs");
type SheetJsLib = typeof import("@e965/xlsx");

let sheetjs: Promise<[SheetJsLib, SheetJsReader]> | undefined;

/** SheetJS and its reader, fetched once and only for a file that needs them (.xls, .ods, HTML, text). */
function loadSheetJs(): Promise<[SheetJsLib, SheetJsReader]> {
  sheetjs ??= Promise.all([
    import(/* webpackChunkName: "sheetjs" */ "@e965/xlsx"),
    import(/* webpackChunkName: "sheetjs" */ "../../src/xlsx/sheetjs/read-sheetjs"),
  ]).catch((e: unknown) => {
    sheetjs = undefined;
    throw e;
  });
  return sheetjs;
}

/**
 * An .xls, .ods, HTML table or UTF-16 text, read with SheetJS. The kept bytes are the workbook as .xlsx (values and
 * merges), since the marked copy is written from an .xlsx; the user's own file is never written.
 */
async function readWithSheetJsInBrowser(
  bytes: Uint8Array,
  kind: FileKind,
  name: string,
  onStage: (stage: ReadStage) => void,
): Promise<OpenedWorkbook> {
  onStage("loading-library");
  let lib: [SheetJsLib, SheetJsReader];
  try {
    lib = await loadSheetJs();
  } catch {
    throw new WorkbookReadError("library", name);
  }
  const [X, reader] = lib;
  onStage("parsing");
  const input =
    kind === "html"
      ? decodeHtml(bytes)
      : kind === "utf16-text"
        ? decodeUtf16(bytes)
        : kind === "text"
          ? decodeCsv(bytes)
          : bytes;
  let read: { snapshot: WorkbookSnapshot; xlsx: Uint8Array };
  try {
    read = reader.readWithSheetJsAsXlsx(X, input, name);
  } catch (e) {
    throw new WorkbookReadError(reader.isPasswordError(e) ? "encrypted" : "corrupt", name);
  }
  if (read.snapshot.sheets.length === 0) throw new WorkbookReadError("no-sheets", name);
  return { snapshot: await withFormulasComputed(read.snapshot), bytes: read.xlsx };
}

/** A CSV file's rows as .xlsx bytes, for the marked copy. */
async function csvAsXlsx(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  try {
    const [X, reader] = await loadSheetJs();
    return reader.readWithSheetJsAsXlsx(X, decodeCsv(bytes), name).xlsx;
  } catch {
    throw new WorkbookReadError("library", name);
  }
}
