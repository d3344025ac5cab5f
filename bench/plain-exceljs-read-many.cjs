// The baseline for `zhibu aggregate`: plain exceljs reading each workbook (argv) into memory, one after another,
// keeping nothing but a row count.
"use strict";
const ExcelJS = require("exceljs");

(async () => {
  let rows = 0;
  for (const file of process.argv.slice(2)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.eachSheet((ws) => (rows += ws.actualRowCount));
  }
  process.stdout.write(JSON.stringify({ files: process.argv.length - 2, rows }) + "\n");
})();
