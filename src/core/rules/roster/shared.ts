import type { CellDate } from "../../types";
import type { DataRow } from "../../rows";
import { type ParsedId, parseIdNumber } from "../../id-number";
import { MEMBER_CATEGORIES } from "../../templates/roster";

export interface IdReading {
  /** The cell holds a number: the id is damaged, it takes part in no other check. */
  readonly numeric: boolean;
  readonly text: string | null;
  readonly parsed: ParsedId | null;
}

const NUMERIC_ID: IdReading = { numeric: true, text: null, parsed: null };

function computeId(row: DataRow): IdReading {
  if (typeof row.raw("idNumber") === "number") return NUMERIC_ID;
  const text = row.text("idNumber");
  return { numeric: false, text, parsed: text ? parseIdNumber(text) : null };
}

export function readId(row: DataRow): IdReading {
  return row.memo("id", computeId);
}

function computeBirth(row: DataRow): CellDate | null {
  const given = row.date("birthDate");
  const fromId = readId(row).parsed?.birth ?? null;
  if (given && given.d === 0 && fromId && fromId.y === given.y && fromId.m === given.m) return fromId;
  return given ?? fromId;
}

/** The date of birth: 出生日期 (with the id's day when it agrees to the month), else the id's. */
export function birthOf(row: DataRow): CellDate | null {
  return row.memo("birth", computeBirth);
}

export function isMember(row: DataRow): boolean {
  const c = row.text("category");
  return c !== null && MEMBER_CATEGORIES.includes(c);
}

/** 在职 unless the sheet says otherwise. */
export function employmentOf(row: DataRow): string {
  return row.text("employment") ?? "在职";
}
