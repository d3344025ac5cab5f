import type { Catalog } from "./types";
import { peopleOnRows } from "./people";
import { fieldName, termText, termValue } from "./vocab";
import { settingByLabel, settingDefaultText, settingLabel } from "./settings-text";

const s = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
/** A list value of the templates in English (a user's own value stays as it is); `value` as one to write. */
const t = (v: unknown): string => termText(s(v), "en");
const value = (v: unknown): string => termValue(s(v), "en");
/** The English name of the field whose key is `v`. */
const field = (v: unknown): string => fieldName(typeof v === "string" ? v : null, "en");

/** A 设置 item named by its Chinese label, and its default, in English. */
function settingParams(item: unknown, fallback: unknown): { item: string; fallback: string } {
  const def = settingByLabel(s(item));
  return def
    ? { item: settingLabel(def, "en"), fallback: settingDefaultText(def, "en") }
    : { item: s(item), fallback: s(fallback) };
}

const CATEGORY_REASONS: Record<string, string> = {
  fullWithoutFullDate: "a full member needs a full-membership date",
  probationaryWithFullDate: "a full-membership date is filled, so the category should be full member",
  probationaryWithoutAdmission: "a probationary member needs an admission date",
  nonMemberWithDates: "not yet a member, so admission and full-membership dates should be empty",
};

export const en: Catalog = {
  "header.missing": (p) => `Required column "${field(p["field"])}" is missing; add it to the header row`,
  "header.duplicate": (p) =>
    `"${s(p["header"])}" is the same field as "${s(p["first"])}"; only the first is read, remove or rename the duplicate`,
  "cell.required": (p) => `"${s(p["header"])}" must not be empty`,
  "cell.type": (p) => `"${s(p["header"])}": "${s(p["value"])}" cannot be read as a ${s(p["expected"])}`,
  "cell.enum": (p) =>
    `"${s(p["header"])}": "${s(p["value"])}" is not an allowed value` +
    (p["suggestion"] ? `; did you mean "${value(p["suggestion"])}"?` : "") +
    (p["allowed"]
      ? ` Allowed: ${s(p["allowed"]).split("、").map(value).join(", ")}${Number(p["allowedCount"]) > 8 ? ` and others (${s(p["allowedCount"])} in all, written in full)` : ""}`
      : ""),
  "cell.formula-error": (p) => `"${s(p["header"])}": the formula gives ${s(p["code"])}; check its references`,
  "cell.uncalculated": (p) =>
    `"${s(p["header"])}": ${s(p["count"])} formula cell(s) hold no calculated result (${s(p["cells"])}); open the file in Excel or WPS, save it once, then validate again`,
  "cell.whitespace": (p) =>
    `"${s(p["header"])}": "${s(p["value"])}" has leading/trailing or full-width spaces or invisible characters`,
  "settings.value": (p) => {
    const { item, fallback } = settingParams(p["item"], p["fallback"]);
    return `Setting "${item}": "${s(p["value"])}" cannot be read; the default ${fallback || "(empty)"} is used`;
  },
  "roster.id.format": (p) =>
    p["scientific"]
      ? `ID number "${s(p["value"])}" was turned into a number in scientific notation by Excel and its last digits are lost: format the column as Text and re-enter the full 18-character number from the ID card`
      : `ID number "${s(p["value"])}" is malformed: 18 characters expected (17 digits + digit or X), found ${s(p["length"])}`,
  "roster.id.legacy": (p) => `15-digit legacy ID; its 18-digit form is ${s(p["upgraded"])}`,
  "roster.id.numeric": () =>
    `The ID number is stored as a number; Excel keeps only 15 significant digits, so the last digits may be lost. Format the column as Text and re-enter it`,
  "roster.id.checksum": (p) =>
    `ID check character should be ${s(p["expected"])} (found ${s(p["actual"])}); check the number`,
  "roster.id.birthdate": (p) =>
    p["reason"] === "future"
      ? `The birth date in the ID (${s(p["digits"])}) is after the as-of date`
      : `ID digits 7–14 "${s(p["digits"])}" are not a real date`,
  "roster.id.duplicate": (p) =>
    p["otherRows"]
      ? `Same ID number as ${peopleOnRows(p["otherNames"], p["otherRows"], (n, r) => (n ? `${n} (row ${r})` : `row ${r}`), ", ")}` +
        (Number(p["count"]) > 2 ? ` (${s(p["count"])} rows share it)` : "")
      : `Duplicate ID number: ${s(p["count"])} rows (${s(p["rows"]).split("、").join(", ")})`,
  "roster.birthdate.mismatch": (p) => `Birth date ${s(p["given"])} differs from the ID's ${s(p["fromId"])}`,
  "roster.gender.mismatch": (p) => `Gender is "${s(p["given"])}" but ID digit 17 says ${value(p["fromId"])}`,
  "roster.future-date": (p) => `"${s(p["header"])}" ${s(p["date"])} is after the as-of date ${s(p["asOf"])}`,
  "roster.dates.order": (p) =>
    `"${s(p["header"])}" ${s(p["later"])} is before ${p["earlierHeader"] ? `"${s(p["earlierHeader"])}"` : "the previous step's date"} ${s(p["earlier"])}`,
  "roster.age.application": (p) => `Aged ${s(p["age"])} when applying (${s(p["date"])}): under 18`,
  "roster.activist.period": (p) =>
    `Made a candidate (${s(p["candidate"])}) less than a year after becoming an activist (${s(p["activist"])}); earliest ${s(p["earliest"])}`,
  "roster.probation.early": (p) =>
    `Full membership ${s(p["full"])} before probation ends (${s(p["earliest"])}); probation lasts at least one year`,
  "roster.probation.long": (p) =>
    `Full membership ${s(p["full"])} after ${s(p["latest"])}: longer than a year plus the longest extension`,
  "roster.probation.overdue": (p) => `Probation ended on ${s(p["due"])} and no full-membership date is filled`,
  "roster.probation.due": (p) => `Probation ends on ${s(p["due"])}; prepare the full-membership procedure`,
  "roster.category.mismatch": (p) =>
    `Category "${s(p["category"])}" does not fit the dates: ${CATEGORY_REASONS[s(p["reason"])] ?? s(p["reason"])}`,
  "roster.dues.rate": (p) =>
    `Monthly dues ${s(p["dues"])} differ from the standard ${s(p["expected"])} for base ${s(p["base"]) || "(empty)"} (${t(p["employment"])})`,
  "roster.dues.missing": (p) => `Monthly dues are empty for this ${t(p["category"])}`,
  "roster.dues.nonmember": (p) =>
    `This ${t(p["category"])} is not yet a member and pays no dues (${s(p["dues"])} filled)`,
  "roster.phone.format": (p) =>
    `"${s(p["value"])}" is neither a mainland mobile (11 digits) nor a landline (area code + number)`,
  "roster.category.unchecked": (p) =>
    `The sheet has no "${field(p["field"])}" column, so the category of ${s(p["count"])} ${t(p["category"])} row(s) cannot be checked against it; add the column if you have the dates`,
};
