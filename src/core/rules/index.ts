import type { Rule } from "./types";
import { headerMissing } from "./common/header-missing";
import { headerDuplicate } from "./common/header-duplicate";
import { cellRequired } from "./common/cell-required";
import { cellType } from "./common/cell-type";
import { cellEnum } from "./common/cell-enum";
import { cellFormulaError } from "./common/cell-formula-error";
import { cellWhitespace } from "./common/cell-whitespace";
import { cellUncalculated } from "./common/cell-uncalculated";
import { idFormat } from "./roster/id-format";
import { idLegacy } from "./roster/id-legacy";
import { idNumeric } from "./roster/id-numeric";
import { idChecksum } from "./roster/id-checksum";
import { idBirthdate } from "./roster/id-birthdate";
import { idDuplicate } from "./roster/id-duplicate";
import { birthdateMismatch } from "./roster/birthdate-mismatch";
import { genderMismatch } from "./roster/gender-mismatch";
import { futureDate } from "./roster/future-date";
import { datesOrder } from "./roster/dates-order";
import { ageApplication } from "./roster/age-application";
import { activistPeriod } from "./roster/activist-period";
import { probationEarly } from "./roster/probation-early";
import { probationLong } from "./roster/probation-long";
import { probationOverdue } from "./roster/probation-overdue";
import { probationDue } from "./roster/probation-due";
import { categoryMismatch } from "./roster/category-mismatch";
import { categoryUnchecked } from "./roster/category-unchecked";
import { duesRate } from "./roster/dues-rate";
import { duesMissing } from "./roster/dues-missing";
import { duesNonmember } from "./roster/dues-nonmember";
import { phoneFormat } from "./roster/phone-format";
import { lostDate } from "./roster/lost-date";
import { mobileDestination } from "./roster/mobile-destination";
import { itemsNone } from "./evaluation/items-none";
import { weightsSum } from "./evaluation/weights-sum";
import { scoreRange } from "./evaluation/score-range";
import { scoreMissing } from "./evaluation/score-missing";
import { totalMismatch } from "./evaluation/total-mismatch";
import { gradeThreshold } from "./evaluation/grade-threshold";
import { gradeVeto } from "./evaluation/grade-veto";
import { gradeQuota } from "./evaluation/grade-quota";
import { rankMismatch } from "./evaluation/rank-mismatch";
import { evalDuplicate } from "./evaluation/duplicate";
import { votesExceed } from "./ballot/votes-exceed";
import { ballotGradeQuota } from "./ballot/grade-quota";
import { gradeMajority } from "./ballot/grade-majority";
import { SCHEDULE_RULES } from "./schedule";

export const RULES: readonly Rule[] = [
  headerMissing,
  headerDuplicate,
  cellRequired,
  cellType,
  cellEnum,
  cellFormulaError,
  cellWhitespace,
  cellUncalculated,
  idFormat,
  idLegacy,
  idNumeric,
  idChecksum,
  idBirthdate,
  idDuplicate,
  birthdateMismatch,
  genderMismatch,
  futureDate,
  datesOrder,
  ageApplication,
  activistPeriod,
  probationEarly,
  probationLong,
  probationOverdue,
  probationDue,
  categoryMismatch,
  categoryUnchecked,
  duesRate,
  duesMissing,
  duesNonmember,
  phoneFormat,
  lostDate,
  mobileDestination,
  itemsNone,
  weightsSum,
  scoreRange,
  scoreMissing,
  totalMismatch,
  gradeThreshold,
  gradeVeto,
  gradeQuota,
  rankMismatch,
  evalDuplicate,
  votesExceed,
  ballotGradeQuota,
  gradeMajority,
  ...SCHEDULE_RULES,
];

/** Rule ids that are not checks over a template's rows. */
export const OTHER_RULE_IDS = ["settings.value"] as const;

export const ALL_RULE_IDS: readonly string[] = [...RULES.map((r) => r.id), ...OTHER_RULE_IDS];

export function rulesFor(templateId: string): Rule[] {
  return RULES.filter((r) => r.templates === "*" || r.templates.includes(templateId));
}
