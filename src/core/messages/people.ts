type Param = string | number | boolean | null | undefined;

/** Zips the parallel 、-joined lists `names` and `rows` of an issue's params into one list of people. */
export function peopleOnRows(
  names: Param,
  rows: Param,
  one: (name: string, row: string) => string,
  sep = "、",
): string {
  const rowList = String(rows ?? "").split("、");
  const nameList = String(names ?? "").split("、");
  return rowList.map((r, i) => one(nameList[i] ?? "", r)).join(sep);
}
