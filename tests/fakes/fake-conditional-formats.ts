/**
 * The Excel fake's conditional formats (ExcelApi 1.6), as Office.js has them:
 * - `range.conditionalFormats` is the collection of the sheet's formats that overlap the range, by priority;
 *   `worksheet.getRange().conditionalFormats` is all of the sheet's;
 * - `add(type)` puts a new format at the top priority (0) and returns it; its `id` is readable after a sync that
 *   loaded it; `getItem(id)` of a missing id fails the sync with ItemNotFound, `getItemOrNullObject(id)`
 *   (ExcelApi 1.14) gives a null object; `getItemAt(index)`, `getCount()`;
 * - a format's `custom` (rule.formula, format.fill/font.color) and `cellValue` (rule, format) exist only for its
 *   type: using the other fails the sync with InvalidArgument, `customOrNullObject` is a null object instead
 *   (so a collection may load `items/customOrNullObject/rule/formula` but not `items/custom/rule/formula` when
 *   it holds other types); `priority` and `stopIfTrue` load and set; `delete()` of a format already gone fails
 *   with ItemNotFound; `getRange()` / `getRangeOrNullObject()` give the cells it applies to now.
 * Only Custom and CellValue formats are modelled (others: InvalidArgument).
 */
import type { FakeContext, FakeRange } from "./excel-fake";
import { FakeProxy } from "./fake-proxy";
import {
  FakeOfficeError,
  type GridCellValueRule,
  type GridConditionalFormat,
  type GridSheet,
  byPriority,
  invalidArgument,
  newConditionalFormatId,
  notFound,
  splitProps,
  utf8Bytes,
} from "./fake-grid";

type Located = { sheet: GridSheet; cf: GridConditionalFormat };

const ITEM_PROPS = ["id", "type", "priority", "stopIfTrue"] as const;
const NESTED = ["custom/rule/formula", "customOrNullObject/rule/formula"] as const;

function overlaps(a: GridConditionalFormat["bounds"], b: GridConditionalFormat["bounds"]): boolean {
  return a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;
}

function wrongType(cf: GridConditionalFormat, want: string): FakeOfficeError {
  return new FakeOfficeError("InvalidArgument", `The conditional format is of type ${cf.type}, not ${want}.`);
}

/** A format's rule formula as a loadable, settable proxy (`custom.rule`). */
class FakeCustomRule extends FakeProxy {
  constructor(
    context: FakeContext,
    private readonly owner: FakeCustomConditionalFormat,
  ) {
    super(context, ["formula"]);
    this.resolved = true;
  }

  get formula(): string {
    return this.read("formula");
  }
  set formula(value: string) {
    if (typeof value !== "string" || value.trim() === "") throw invalidArgument("formula");
    this.owner.change((cf) => (cf.formula = value));
  }

  protected fetch(): unknown {
    return this.owner.record().formula;
  }
}

/** The fill and font colours of a conditional format (write-only here, as the add-in uses them). */
function formatOf(change: (f: (cf: GridConditionalFormat) => void) => void): {
  fill: { color: string };
  font: { color: string };
} {
  const color = (set: (cf: GridConditionalFormat, v: string) => void) => ({
    set color(value: string) {
      change((cf) => set(cf, value.toUpperCase()));
    },
    get color(): string {
      throw new FakeOfficeError("PropertyNotLoaded", "The property 'color' is not available.");
    },
  });
  return { fill: color((cf, v) => (cf.fill = v)), font: color((cf, v) => (cf.font = v)) };
}

export class FakeCustomConditionalFormat extends FakeProxy {
  readonly rule: FakeCustomRule;
  readonly format: { fill: { color: string }; font: { color: string } };

  constructor(
    context: FakeContext,
    private readonly parent: FakeConditionalFormat,
    orNull: boolean,
    /** What a collection load already fetched: whether it is null, and its rule formula. */
    loaded?: { readonly isNull: boolean; readonly formula: unknown },
  ) {
    super(context, []);
    this.rule = new FakeCustomRule(context, this);
    this.format = formatOf((f) => this.change(f));
    if (loaded) {
      this.preset({}, loaded.isNull);
      this.rule.preset(loaded.isNull ? {} : { formula: loaded.formula });
      return;
    }
    this.queueResolve(() => {
      const cf = parent.located()?.cf;
      if (!cf) throw notFound();
      if (cf.type === "Custom") return true;
      if (orNull) return false;
      throw wrongType(cf, "Custom");
    });
  }

  /** The Custom format at sync time. */
  record(): GridConditionalFormat {
    const cf = this.parent.located()?.cf;
    if (!cf) throw notFound();
    if (cf.type !== "Custom") throw wrongType(cf, "Custom");
    return cf;
  }

  change(f: (cf: GridConditionalFormat) => void): void {
    this.write(() => f(this.record()));
  }

  protected fetch(): unknown {
    return null;
  }
}

export class FakeCellValueConditionalFormat {
  readonly format: { fill: { color: string }; font: { color: string } };

  constructor(private readonly parent: FakeConditionalFormat) {
    this.format = formatOf((f) => this.change(f));
  }

  set rule(rule: GridCellValueRule) {
    if (!rule || typeof rule.formula1 !== "string" || typeof rule.operator !== "string") throw invalidArgument("rule");
    const copy = { ...rule };
    this.change((cf) => (cf.rule = copy));
  }

  private change(f: (cf: GridConditionalFormat) => void): void {
    this.parent.onRecord((cf) => {
      if (cf.type !== "CellValue") throw wrongType(cf, "CellValue");
      f(cf);
    });
  }
}

export class FakeConditionalFormat extends FakeProxy {
  private found: Located | null = null;

  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
    private readonly locate: () => Located | null,
    how: "throw" | "null" | "known",
  ) {
    super(context, [...ITEM_PROPS]);
    if (how === "known") {
      this.found = locate();
      return;
    }
    this.queueResolve(() => {
      this.found = this.locate();
      if (this.found) return true;
      if (how === "null") return false;
      throw notFound();
    });
  }

  /** The format and its sheet at sync time; null once deleted. */
  located(): Located | null {
    const f = this.found ?? this.locate();
    if (!f || !f.sheet.conditionalFormats.includes(f.cf)) return null;
    return f;
  }

  private recordOrThrow(): Located {
    const f = this.located();
    if (!f) throw notFound();
    return f;
  }

  onRecord(f: (cf: GridConditionalFormat) => void): void {
    this.write(() => f(this.recordOrThrow().cf));
  }

  get id(): string {
    return this.read("id");
  }
  get type(): string {
    return this.read("type");
  }
  get priority(): number {
    return this.read("priority");
  }
  set priority(value: number) {
    this.write(() => {
      const { sheet, cf } = this.recordOrThrow();
      const order = byPriority(sheet).filter((x) => x !== cf);
      order.splice(Math.max(0, Math.min(order.length, Math.floor(value))), 0, cf);
      order.forEach((x, i) => (x.rank = i));
    });
  }
  get stopIfTrue(): boolean {
    return this.read("stopIfTrue");
  }
  set stopIfTrue(value: boolean) {
    this.write(() => (this.recordOrThrow().cf.stopIfTrue = value));
  }

  get custom(): FakeCustomConditionalFormat {
    const loaded = this.loadedCustom;
    return loaded && !loaded.isNullObject ? loaded : new FakeCustomConditionalFormat(this.context, this, false);
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this.loadedCustom ?? new FakeCustomConditionalFormat(this.context, this, true);
  }

  /** Set on a loaded collection's item when the load fetched `customOrNullObject/rule/formula`. */
  loadedCustom: FakeCustomConditionalFormat | null = null;
  get cellValue(): FakeCellValueConditionalFormat {
    return new FakeCellValueConditionalFormat(this);
  }

  delete(): void {
    this.write(() => {
      const { sheet, cf } = this.recordOrThrow();
      sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(cf), 1);
    });
  }

  getRange(): FakeRange {
    return this.range.sibling(() => this.recordOrThrow().cf.bounds, false);
  }

  getRangeOrNullObject(): FakeRange {
    return this.range.sibling(() => this.located()?.cf.bounds ?? null, true);
  }

  protected fetch(prop: string): unknown {
    const { sheet, cf } = this.recordOrThrow();
    if (prop === "priority") return byPriority(sheet).indexOf(cf);
    return prop === "id" ? cf.id : prop === "type" ? cf.type : cf.stopIfTrue;
  }
}

export class FakeConditionalFormatCollection extends FakeProxy {
  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(context, ["items"]);
    this.resolved = true;
  }

  /** The sheet's formats overlapping the range, by priority (at sync). */
  private scope(): Located[] {
    const { sheet, bounds } = this.range.located();
    return byPriority(sheet)
      .filter((cf) => overlaps(cf.bounds, bounds))
      .map((cf) => ({ sheet, cf }));
  }

  /** `load("items/id, items/customOrNullObject/rule/formula")`: the items with those properties. */
  override load(props?: string | string[]): this {
    const wanted = new Set<string>();
    for (const p of splitProps(props ?? "items")) {
      if (p === "items") ITEM_PROPS.forEach((x) => wanted.add(x));
      else if (p.startsWith("items/")) wanted.add(p.slice("items/".length));
      else throw new FakeOfficeError("InvalidArgument", `Unknown property '${p}'.`);
    }
    for (const w of wanted)
      if (!(ITEM_PROPS as readonly string[]).includes(w) && !(NESTED as readonly string[]).includes(w))
        throw new FakeOfficeError("InvalidArgument", `Unknown property '${w}'.`);
    this.context.queue(() => {
      const items = this.scope().map(({ sheet, cf }) => {
        const values: Record<string, unknown> = {};
        for (const w of wanted) {
          if (w === "id") values[w] = cf.id;
          else if (w === "type") values[w] = cf.type;
          else if (w === "priority") values[w] = byPriority(sheet).indexOf(cf);
          else if (w === "stopIfTrue") values[w] = cf.stopIfTrue;
          else if (w === "custom/rule/formula" && cf.type !== "Custom") throw wrongType(cf, "Custom");
          else values[w] = cf.type === "Custom" ? cf.formula : null;
        }
        return { sheet, cf, values };
      });
      this.loadedItems = items;
      return utf8Bytes(JSON.stringify(items.map((i) => i.values)));
    });
    return this;
  }

  private loadedItems: Array<Located & { values: Record<string, unknown> }> | null = null;

  get items(): FakeConditionalFormat[] {
    if (this.loadedItems === null)
      throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.loadedItems.map(({ sheet, cf, values }) => {
      const item = new FakeConditionalFormat(this.context, this.range, () => ({ sheet, cf }), "known");
      const own: Record<string, unknown> = {};
      for (const p of ITEM_PROPS) if (p in values) own[p] = values[p];
      item.preset(own);
      const formula = values["customOrNullObject/rule/formula"] ?? values["custom/rule/formula"];
      if (formula !== undefined)
        item.loadedCustom = new FakeCustomConditionalFormat(this.context, item, true, {
          isNull: cf.type !== "Custom",
          formula,
        });
      return item;
    });
  }

  protected fetch(): unknown {
    return null;
  }

  add(type: string): FakeConditionalFormat {
    if (type !== "Custom" && type !== "CellValue")
      throw invalidArgument(`the fake models Custom and CellValue conditional formats, not ${type}`);
    let created: Located | null = null;
    this.context.queue(() => {
      const { sheet, bounds } = this.range.located();
      const top = Math.min(0, ...sheet.conditionalFormats.map((cf) => cf.rank));
      const cf: GridConditionalFormat = {
        id: newConditionalFormatId(),
        bounds: { ...bounds },
        type,
        formula: null,
        rule: null,
        fill: null,
        font: null,
        stopIfTrue: false,
        rank: top - 1,
      };
      sheet.conditionalFormats.push(cf);
      created = { sheet, cf };
      return 0;
    });
    const format = new FakeConditionalFormat(this.context, this.range, () => created, "known");
    format.preset({});
    return format;
  }

  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, this.range, () => this.byId(id), "throw");
  }

  getItemOrNullObject(id: string): FakeConditionalFormat {
    this.context.host.requires("1.14", "conditionalFormats.getItemOrNullObject");
    return new FakeConditionalFormat(this.context, this.range, () => this.byId(id), "null");
  }

  getItemAt(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, this.range, () => this.scope()[index] ?? null, "throw");
  }

  getCount(): { value: number } {
    const result = { value: NaN };
    let ready = false;
    this.context.queue(() => {
      result.value = this.scope().length;
      ready = true;
      return 8;
    });
    return {
      get value(): number {
        if (!ready)
          throw new FakeOfficeError("PropertyNotLoaded", "The value of the result object has not been loaded yet.");
        return result.value;
      },
    };
  }

  private byId(id: string): Located | null {
    return this.scope().find((x) => x.cf.id === id) ?? null;
  }
}
