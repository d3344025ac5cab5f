/**
 * Test-only page: the real task pane in Office mode, without Office.js. The fixture workbook is fetched from the
 * test server. By default the host is RecordingHost, and `window.zhibuTest` lets the Chromium test read the
 * recorded calls and act as the user in "Excel" (edit a cell, make the next call fail).
 * With `?host=fake` the host is the real Office.js adapter over the faithful Excel fake (tests/fakes), optionally
 * at an older ExcelApi (`?api=1.7`); `window.zhibuFake` exposes the fake's grid, fills and counters and lets the
 * test type into "Excel" as the user.
 */
import { createRoot } from "react-dom/client";
import type ExcelJS from "exceljs";
import { App } from "../../../addin/taskpane/App";
import {
  type ExcelHost,
  type FixRecord,
  type HostFeature,
  HostFeatureUnavailable,
  type MarkRecord,
} from "../../../addin/office/port";
import type { FixStore, MarkStore } from "../../../addin/office/connect";
import { createExcelAdapter } from "../../../addin/office/excel-adapter";
import { loadExcelJs } from "../../../addin/standalone/read-workbook";
import { FakeExcel, gridFromWorkbook } from "../../fakes/excel-fake";
import { RecordingHost } from "./recording-host";

declare global {
  interface Window {
    zhibuTest?: {
      host: RecordingHost;
      saved: Array<MarkRecord | null>;
      unavailable: (feature: HostFeature, requirement: string) => HostFeatureUnavailable;
    };
    zhibuFake?: {
      fake: FakeExcel;
      saved: Array<MarkRecord | null>;
      /** Every undo record the pane saved for its fixes (null: cleared). */
      fixesSaved: Array<FixRecord | null>;
    };
  }
}

/** Keeps the marks' record in sessionStorage, so a reloaded pane finds it as it would in the document. */
function sessionMarkStore(saved: Array<MarkRecord | null>): MarkStore {
  const stored = sessionStorage.getItem("marks");
  return {
    load: () => (stored ? (JSON.parse(stored) as MarkRecord) : null),
    save: async (record) => {
      saved.push(record);
      if (record) sessionStorage.setItem("marks", JSON.stringify(record));
      else sessionStorage.removeItem("marks");
    },
  };
}

/** Keeps the record in memory: a reloaded fake starts again from the file, so an old record would not fit it. */
function memoryMarkStore(saved: Array<MarkRecord | null>): MarkStore {
  return { load: () => null, save: async (record) => void saved.push(record) };
}

/** The fixes' undo record in sessionStorage, so a reloaded pane finds it as it would in the document. */
function sessionFixStore(): FixStore {
  const stored = sessionStorage.getItem("fixes");
  return {
    load: () => (stored ? (JSON.parse(stored) as FixRecord) : null),
    save: async (record) => {
      if (record) sessionStorage.setItem("fixes", JSON.stringify(record));
      else sessionStorage.removeItem("fixes");
    },
  };
}

/** The fixes' undo record in memory, like the marks' (the fake starts again from the file on reload). */
function memoryFixStore(saved: Array<FixRecord | null>): FixStore {
  return { load: () => null, save: async (record) => void saved.push(record) };
}

function recordingHost(wb: ExcelJS.Workbook, file: string, params: URLSearchParams): RecordingHost {
  return new RecordingHost(wb, file, {
    insertTemplate: true,
    conditionalFormats: true,
    pivotTables: params.get("pivots") !== "0",
    charts: params.get("pivots") !== "0",
    createWorkbook: params.get("createWorkbook") === "1",
    onChanged: true,
  });
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const file = params.get("file") ?? "roster-messy.xlsx";
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await (await fetch(file)).arrayBuffer());
  const saved: Array<MarkRecord | null> = [];
  let host: ExcelHost;
  let markStore: MarkStore;
  let fixStore: FixStore | null = null;
  if (params.get("host") === "fake") {
    const fake = new FakeExcel(gridFromWorkbook(wb, file));
    const api = params.get("api");
    if (api) fake.apiVersion = api;
    host = createExcelAdapter({ run: fake.run, isSetSupported: fake.isSetSupported });
    markStore = memoryMarkStore(saved);
    const fixesSaved: Array<FixRecord | null> = [];
    fixStore = memoryFixStore(fixesSaved);
    window.zhibuFake = { fake, saved, fixesSaved };
  } else {
    const recording = recordingHost(wb, file, params);
    host = recording;
    markStore = sessionMarkStore(saved);
    fixStore = sessionFixStore();
    const unavailable = (feature: HostFeature, requirement: string) => new HostFeatureUnavailable(feature, requirement);
    window.zhibuTest = { host: recording, saved, unavailable };
  }
  const root = document.getElementById("root");
  if (root)
    createRoot(root).render(<App initialMode="office" initialLang="zh-CN" office={{ host, markStore, fixStore }} />);
}

void main();
