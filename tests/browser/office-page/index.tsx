/**
 * Test-only page: the real task pane in Office mode against RecordingHost (no Office.js). The fixture workbook
 * is fetched from the test server; `window.zhibuTest` lets the Chromium test read the recorded calls and act as
 * the user in "Excel" (edit a cell, make the next call fail).
 */
import { createRoot } from "react-dom/client";
import { App } from "../../../addin/taskpane/App";
import { type HostFeature, HostFeatureUnavailable, type MarkRecord } from "../../../addin/office/port";
import type { MarkStore } from "../../../addin/office/connect";
import { loadExcelJs } from "../../../addin/standalone/read-workbook";
import { RecordingHost } from "./recording-host";

declare global {
  interface Window {
    zhibuTest?: {
      host: RecordingHost;
      saved: Array<MarkRecord | null>;
      unavailable: (feature: HostFeature, requirement: string) => HostFeatureUnavailable;
    };
  }
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const file = params.get("file") ?? "roster-messy.xlsx";
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await (await fetch(file)).arrayBuffer());
  const host = new RecordingHost(wb, file, {
    insertTemplate: true,
    conditionalFormats: true,
    pivotTables: params.get("pivots") !== "0",
    charts: params.get("pivots") !== "0",
    createWorkbook: params.get("createWorkbook") === "1",
    onChanged: true,
  });
  const saved: Array<MarkRecord | null> = [];
  const stored = sessionStorage.getItem("marks");
  const markStore: MarkStore = {
    load: () => (stored ? (JSON.parse(stored) as MarkRecord) : null),
    save: async (record) => {
      saved.push(record);
      if (record) sessionStorage.setItem("marks", JSON.stringify(record));
      else sessionStorage.removeItem("marks");
    },
  };
  const unavailable = (feature: HostFeature, requirement: string) => new HostFeatureUnavailable(feature, requirement);
  window.zhibuTest = { host, saved, unavailable };
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<App initialMode="office" initialLang="zh-CN" office={{ host, markStore }} />);
}

void main();
