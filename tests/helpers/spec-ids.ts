/** SPEC §3 roster rule ids, written out from the SPEC (not taken from src) so tests check the registry. */
export const ROSTER_RULES = [
  "roster.id.format",
  "roster.id.legacy",
  "roster.id.numeric",
  "roster.id.checksum",
  "roster.id.birthdate",
  "roster.id.duplicate",
  "roster.birthdate.mismatch",
  "roster.gender.mismatch",
  "roster.future-date",
  "roster.dates.order",
  "roster.age.application",
  "roster.activist.period",
  "roster.probation.early",
  "roster.probation.long",
  "roster.probation.overdue",
  "roster.probation.due",
  "roster.category.mismatch",
  "roster.dues.rate",
  "roster.dues.missing",
  "roster.dues.nonmember",
  "roster.phone.format",
  "roster.lost.date",
  "roster.mobile.destination",
] as const;

/** SPEC §3 common rule ids (and settings.value). */
export const COMMON_RULES = [
  "header.missing",
  "header.duplicate",
  "cell.required",
  "cell.type",
  "cell.enum",
  "cell.formula-error",
  "cell.whitespace",
  "cell.uncalculated",
  "settings.value",
] as const;

/** Every SPEC §3 id the foundation covers. */
export const SPEC_IDS: readonly string[] = [...COMMON_RULES, ...ROSTER_RULES];
