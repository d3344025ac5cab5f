/** Offers bytes as a file download through a temporary object URL; nothing leaves the browser. */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function downloadBytes(bytes: ArrayBuffer | Uint8Array, name: string, type = XLSX_MIME): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

/** `roster.xlsx` → `roster-标注.xlsx` (suffix given): outputs are new files beside, never over, the original. */
export function derivedFileName(fileName: string, suffix: string): string {
  const base = fileName.replace(/\.(xlsx|xlsm|xls|csv)$/i, "") || "工作簿";
  return `${base}-${suffix}.xlsx`;
}
