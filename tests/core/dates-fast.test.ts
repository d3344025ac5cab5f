/**
 * The allocation-free date helpers of the row rules agree with the plain ones they stand in for, on arbitrary
 * dates: day and month precision, 29 February, month ends.
 */
import fc from "fast-check";
import type { CellDate } from "../../src/core/types";
import { addYears, compareDates, compareYearsLater, daysInMonth } from "../../src/core/dates";

const cellDate: fc.Arbitrary<CellDate> = fc
  .record({
    y: fc.integer({ min: 1896, max: 2104 }),
    m: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 0, max: 31 }),
  })
  .map(({ y, m, day }) => ({ kind: "date", y, m, d: Math.min(day, daysInMonth(y, m)) }));

test("compareYearsLater(a, n, b) has the sign of compareDates(addYears(a, n), b)", () => {
  fc.assert(
    fc.property(cellDate, fc.integer({ min: -3, max: 3 }), cellDate, (a, years, b) => {
      expect(Math.sign(compareYearsLater(a, years, b))).toBe(Math.sign(compareDates(addYears(a, years), b)));
    }),
    { numRuns: 5000 },
  );
  // The same month `years` on, any day: where the day and the month end decide.
  fc.assert(
    fc.property(cellDate, fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 31 }), (a, years, day) => {
      const y = a.y + years;
      const b: CellDate = { kind: "date", y, m: a.m, d: Math.min(day, daysInMonth(y, a.m)) };
      expect(Math.sign(compareYearsLater(a, years, b))).toBe(Math.sign(compareDates(addYears(a, years), b)));
    }),
    { numRuns: 5000 },
  );
  // The close cases, where random dates rarely land: the same month a year on, and 29 February.
  const leap: CellDate = { kind: "date", y: 2024, m: 2, d: 29 };
  for (const b of [
    { kind: "date", y: 2025, m: 2, d: 28 },
    { kind: "date", y: 2025, m: 2, d: 27 },
    { kind: "date", y: 2025, m: 3, d: 1 },
    { kind: "date", y: 2025, m: 2, d: 0 },
  ] as const) {
    expect(Math.sign(compareYearsLater(leap, 1, b))).toBe(Math.sign(compareDates(addYears(leap, 1), b)));
  }
});
