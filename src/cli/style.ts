import type { Severity } from "../core/types";

export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const wrap = (on: boolean, code: number, close: number) => (s: string) =>
  on ? `\u001b[${code}m${s}\u001b[${close}m` : s;

export function makeStyle(colour: boolean): Style {
  return {
    red: wrap(colour, 31, 39),
    yellow: wrap(colour, 33, 39),
    cyan: wrap(colour, 36, 39),
    green: wrap(colour, 32, 39),
    bold: wrap(colour, 1, 22),
    dim: wrap(colour, 2, 22),
  };
}

/** Colour when writing to a terminal, unless NO_COLOR is set; FORCE_COLOR forces it. */
export function wantsColour(stream: { isTTY?: boolean }): boolean {
  if (process.env["FORCE_COLOR"] && process.env["FORCE_COLOR"] !== "0") return true;
  return Boolean(stream.isTTY) && !process.env["NO_COLOR"];
}

export function severityColour(style: Style, severity: Severity): (s: string) => string {
  return severity === "error" ? style.red : severity === "warning" ? style.yellow : style.cyan;
}
