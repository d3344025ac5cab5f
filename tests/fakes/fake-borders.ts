/**
 * The Excel fake's cell borders (`range.format.borders`, ExcelApi 1.1), as Office.js has them:
 * - `borders.getItem(index)` gives one border of the range: an outer edge (EdgeTop, EdgeBottom, EdgeLeft,
 *   EdgeRight) or the lines between its cells (InsideHorizontal, InsideVertical);
 * - setting its `style`, `weight` or `color` draws that line on the cells' sides at the next sync;
 * - `style`, `weight` and `color` read only after load + sync: the cells' common value, else null; a side without
 *   a line reads style "None".
 * Only these six indexes are modelled (the diagonals: InvalidArgument).
 */
import type { FakeContext, FakeRange } from "./excel-fake";
import { FakeProxy } from "./fake-proxy";
import type { MergeRange } from "../../src/core/types";
import { type GridCell, invalidArgument, writableCell } from "./fake-grid";

export type Side = "top" | "bottom" | "left" | "right";

export interface GridBorder {
  style: string;
  weight: string;
  color: string;
}

/** A cell's lines by side (only those drawn). */
export type GridBorders = Partial<Record<Side, GridBorder>>;

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;
type Edge = (typeof EDGES)[number];

/** The cell sides a border of `bounds` lies on: each as a cell and its side (a line between two cells: both). */
function sidesOf(edge: Edge, b: MergeRange): { row: number; col: number; side: Side }[] {
  const out: { row: number; col: number; side: Side }[] = [];
  for (let row = b.top; row <= b.bottom; row++)
    for (let col = b.left; col <= b.right; col++) {
      if (edge === "EdgeTop" && row === b.top) out.push({ row, col, side: "top" });
      if (edge === "EdgeBottom" && row === b.bottom) out.push({ row, col, side: "bottom" });
      if (edge === "EdgeLeft" && col === b.left) out.push({ row, col, side: "left" });
      if (edge === "EdgeRight" && col === b.right) out.push({ row, col, side: "right" });
      if (edge === "InsideHorizontal") {
        if (row > b.top) out.push({ row, col, side: "top" });
        if (row < b.bottom) out.push({ row, col, side: "bottom" });
      }
      if (edge === "InsideVertical") {
        if (col > b.left) out.push({ row, col, side: "left" });
        if (col < b.right) out.push({ row, col, side: "right" });
      }
    }
  return out;
}

/** Where the fake keeps a cell's lines. */
export function cellBorders(cell: GridCell): GridBorders {
  const holder = cell as GridCell & { borders?: GridBorders };
  return (holder.borders ??= {});
}

export class FakeRangeBorder extends FakeProxy {
  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
    private readonly edge: Edge,
  ) {
    super(context, ["style", "weight", "color"]);
    this.resolved = true;
  }

  get style(): string {
    return this.read("style");
  }
  set style(value: string) {
    this.draw({ style: value });
  }
  get weight(): string {
    return this.read("weight");
  }
  set weight(value: string) {
    this.draw({ weight: value });
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.draw({ color: value.toUpperCase() });
  }

  private draw(patch: Partial<GridBorder>): void {
    this.range.onSync((sheet, bounds) => {
      for (const { row, col, side } of sidesOf(this.edge, bounds)) {
        const lines = cellBorders(writableCell(sheet, row, col));
        const line = lines[side] ?? { style: "Continuous", weight: "Thin", color: "#000000" };
        lines[side] = { ...line, ...patch };
        if (lines[side]?.style === "None") delete lines[side];
      }
    });
  }

  protected fetch(prop: string): unknown {
    const { sheet, bounds } = this.range.located();
    const seen = new Set<string>();
    for (const { row, col, side } of sidesOf(this.edge, bounds)) {
      const line = cellBorders(writableCell(sheet, row, col))[side];
      seen.add(line ? line[prop as keyof GridBorder] : prop === "style" ? "None" : "");
    }
    const [only] = [...seen];
    return seen.size === 1 && only !== "" ? only : null;
  }
}

export class FakeRangeBorders {
  constructor(
    private readonly context: FakeContext,
    private readonly range: FakeRange,
  ) {}

  getItem(index: string): FakeRangeBorder {
    if (!(EDGES as readonly string[]).includes(index)) throw invalidArgument(`the fake models no border ${index}`);
    return new FakeRangeBorder(this.context, this.range, index as Edge);
  }
}
