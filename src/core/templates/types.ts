export type FieldType = "text" | "integer" | "number" | "date" | "month" | "enum";

export interface FieldDef {
  readonly key: string;
  /** Canonical header, as written into generated templates. */
  readonly header: string;
  readonly aliases?: readonly string[];
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
}

export interface TemplateDef {
  readonly id: string;
  /** Default sheet name and the title under the branch name. */
  readonly sheetName: string;
  readonly title: string;
  readonly fields: readonly FieldDef[];
  /** Column order of generated sheets is the order of `fields`. */
  readonly description: string;
}
