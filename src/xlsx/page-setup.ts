import type ExcelJS from "exceljs";

/** A4 in `orientation`, one page wide and as many pages long as it takes; `titleRows` ("1:1") repeat on each page. */
export function a4FitToWidth(orientation: "portrait" | "landscape", titleRows?: string): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
}
