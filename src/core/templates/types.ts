export type FieldType = "text" | "integer" | "number" | "date" | "month" | "enum";

export interface FieldDef {
  readonly key: string;
  /** Canonical header, as written into generated templates. */
  readonly header: string;
  readonly aliases?: readonly string[];
  /** Headers that name this field only under a group cell of a header block (`测评票数` over `优秀`). */
  readonly groupAliases?: readonly string[];
  /** Read when a sheet has the column, but not a column of generated sheets. */
  readonly readOnly?: boolean;
  readonly type: FieldType;
  readonly required?: boolean;
  readonly values?: readonly string[];
  /** Accepted spellings that mean one of `values` (compared after normalising). */
  readonly synonyms?: Readonly<Record<string, string>>;
  /** Value meant when the cell is empty. */
  readonly defaultValue?: string;
  readonly min?: number;
  readonly max?: number;
  /** Keep as text in generated sheets (ID numbers, phones). */
  readonly textFormat?: boolean;
  /** Column width in generated sheets (characters). */
  readonly width?: number;
  /** Shown as the header's input prompt in generated sheets. */
  readonly hint?: string;
  /** Set on the fields made from item columns such as `师德师风(20)`: the item's name and maximum. */
  readonly item?: { readonly name: string; readonly max: number };
  /**
   * Generated sheets fill this column with a formula (users may still type the value). Declarative, so any writer
   * turns it into A1 formulas from the sheet's own column order; readers treat the column like any other.
   */
  readonly formula?: FieldFormula;
}

/**
 * A computed column of generated sheets. Operands are field keys of the same sheet; a formula is blank ("")
 * while its inputs are, so empty template rows stay empty.
 */
export type FieldFormula =
  /** Σ the sheet's item columns + Σ `plus` − Σ `minus` (numbers only, as SUM); blank while no item holds a number. */
  | { readonly kind: "itemSum"; readonly plus?: readonly string[]; readonly minus?: readonly string[] }
  /** Competition rank, largest first (1, 2, 2, 4), of field `of` among the table's rows; blank when `of` is not a number. */
  | { readonly kind: "rank"; readonly of: string }
  /** numerator ÷ denominator; blank unless both are numbers and the denominator is not 0. `percent` formats it as 0.00%. */
  | { readonly kind: "ratio"; readonly numerator: string; readonly denominator: string; readonly percent?: boolean };

/** Columns a template takes from headers of the form `名称(分值)`: each becomes a number field of its own. */
export interface ItemColumnsDef {
  /** Default items of generated sheets, as [name, maximum]. */
  readonly defaults: ReadonlyArray<readonly [string, number]>;
  /** Generated sheets put the items after this field. */
  readonly after: string;
}

export interface TemplateDef {
  readonly id: string;
  /** Default sheet name and the title under the branch name. */
  readonly sheetName: string;
  readonly title: string;
  readonly fields: readonly FieldDef[];
  /** Column order of generated sheets is the order of `fields`. */
  readonly description: string;
  readonly itemColumns?: ItemColumnsDef;
  /**
   * Fields that, all filled, make a row a record whatever else it holds (a name and an ID number): such a row is
   * never taken for a note, total, footer or section row.
   */
  readonly recordFields?: readonly string[];
  /** The field a section row (`一、第一党小组`) gives the rows below it when the sheet has no column for it. */
  readonly sectionField?: string;
}
