import type { CellDate } from "../../types";
import { type DataRow, fieldRef, rowMemo } from "../../rows";
import { type ParsedId, parseIdNumber } from "../../id-number";
import { MEMBER_CATEGORIES } from "../../templates/roster";

/** The roster fields the rules read, by reference (see `fieldRef`). */
export const F = {
  name: fieldRef("name"),
  gender: fieldRef("gender"),
  idNumber: fieldRef("idNumber"),
  birthDate: fieldRef("birthDate"),
  category: fieldRef("category"),
  employment: fieldRef("employment"),
  applicationDate: fieldRef("applicationDate"),
  activistDate: fieldRef("activistDate"),
  candidateDate: fieldRef("candidateDate"),
  admissionDate: fieldRef("admissionDate"),
  fullDate: fieldRef("fullDate"),
  phone: fieldRef("phone"),
  landline: fieldRef("landline"),
  duesBase: fieldRef("duesBase"),
  dues: fieldRef("dues"),
} as const;

export interface IdReading {
  /** The cell holds a number: the id is damaged, it takes part in no other check. */
  readonly numeric: boolean;
  readonly text: string | null;
  readonly parsed: ParsedId | null;
}

const NUMERIC_ID: IdReading = { numeric: true, text: null, parsed: null };
const NO_ID: IdReading = { numeric: false, text: null, parsed: null };

const ID = rowMemo((row: DataRow): IdReading => {
  if (typeof row.raw(F.idNumber) === "number") return NUMERIC_ID;
  const text = row.text(F.idNumber);
  return text ? { numeric: false, text, parsed: parseIdNumber(text) } : NO_ID;
});

export function readId(row: DataRow): IdReading {
  return row.memo(ID);
}

const BIRTH = rowMemo((row: DataRow): CellDate | null => {
  const given = row.date(F.birthDate);
  const fromId = readId(row).parsed?.birth ?? null;
  if (given && given.d === 0 && fromId && fromId.y === given.y && fromId.m === given.m) return fromId;
  return given ?? fromId;
});

/** The date of birth: 出生日期 (with the id's day when it agrees to the month), else the id's. */
export function birthOf(row: DataRow): CellDate | null {
  return row.memo(BIRTH);
}

export function isMember(row: DataRow): boolean {
  const c = row.text(F.category);
  return c !== null && MEMBER_CATEGORIES.includes(c);
}

/** 在职 unless the sheet says otherwise. */
export function employmentOf(row: DataRow): string {
  return row.text(F.employment) ?? "在职";
}
