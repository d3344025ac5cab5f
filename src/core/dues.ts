/**
 * Standard monthly party dues (中组发〔2008〕3号): one flat rate on the whole base, rounded half-up to 0.01.
 * 在职: ≤3000 0.5%, ≤5000 1%, ≤10000 1.5%, above 2%; 离退休: ≤5000 0.5%, above 1%; otherwise ¥0.20.
 */
export function standardDues(base: number | null, employment: string): number {
  if (base === null || base <= 0) return 0.2;
  let permille: number;
  if (employment === "在职") permille = base <= 3000 ? 5 : base <= 5000 ? 10 : base <= 10000 ? 15 : 20;
  else if (employment === "离退休") permille = base <= 5000 ? 5 : 10;
  else return 0.2;
  // base × permille / 1000, in cents, half-up; the small epsilon absorbs binary fractions of typed bases.
  const cents = Math.floor((base * permille) / 10 + 0.5 + 1e-7);
  return cents / 100;
}

export const DUES_TOLERANCE = 0.005;
