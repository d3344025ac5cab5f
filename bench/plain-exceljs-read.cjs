// The baseline: plain exceljs reading the whole workbook into memory, nothing else.
"use strict";
const ExcelJS = require("exceljs");
const wb = new ExcelJS.Workbook();
wb.xlsx.readFile(process.argv[2]).then(() => {
  let rows = 0;
  wb.eachSheet((ws) => (rows += ws.actualRowCount));
  process.stdout.write(JSON.stringify({ rows }) + "\n");
});
