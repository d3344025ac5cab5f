/**
 * roster.id.duplicate on sheets far larger than the rule tests': the ids seen so far grow past their first table
 * several times, and repeats recorded before a growth must still be reported with every row.
 */
import { badCheck, basePerson, makeId, runRoster } from "../helpers/build";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

test("thousands of distinct ids: only the repeated ones, named by every row, however far apart", () => {
  // 3,000 distinct ids (birth day and sequence vary); then some are repeated, early and late in the sheet.
  const ids = Array.from({ length: 3000 }, (_, i) =>
    makeId("198506" + pad(1 + (i % 28), 2), pad(Math.floor(i / 28), 3)),
  );
  expect(new Set(ids).size).toBe(3000);
  ids[1] = ids[0]!;
  ids[2999] = ids[0]!;
  ids[2000] = ids[500]!;
  // Same first 17 digits, another check character: not the same id.
  ids[2500] = badCheck(ids[700]!);
  const run = runRoster(ids.map((idNumber, i) => basePerson({ seq: i + 1, idNumber, birthDate: null })));
  expect(run.of("roster.id.duplicate").map((i) => [i.cell, i.params["rows"], i.params["count"]])).toEqual([
    ["E3", "3、4、3002", 3],
    ["E4", "3、4、3002", 3],
    ["E503", "503、2003", 2],
    ["E2003", "503、2003", 2],
    ["E3002", "3、4、3002", 3],
  ]);
});

test("an id with check character X and one with a digit there are different ids", () => {
  const first17 = "11010519491231002";
  const withX = first17 + "X";
  const ids = [withX, first17 + "0", withX.toLowerCase(), first17 + "0"];
  const run = runRoster(ids.map((idNumber, i) => basePerson({ seq: i + 1, idNumber, birthDate: null })));
  expect(run.of("roster.id.duplicate").map((i) => [i.cell, i.params["rows"]])).toEqual([
    ["E3", "3、5"],
    ["E4", "4、6"],
    ["E5", "3、5"],
    ["E6", "4、6"],
  ]);
});
