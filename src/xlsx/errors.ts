/** A file the tools cannot read; `message` is one plain Chinese line naming the file and what to do. */
export class InputError extends Error {
  constructor(
    readonly code: "missing" | "empty" | "xls" | "encrypted" | "corrupt" | "not-workbook" | "exists" | "unreadable",
    message: string,
  ) {
    super(message);
    this.name = "InputError";
  }
}
