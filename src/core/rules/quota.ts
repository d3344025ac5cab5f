/** floor(fraction × n), safe against 0.2 × 20 = 4.000000000000001. */
export function quotaLimit(fraction: number, n: number): number {
  return Math.floor(fraction * n + 1e-9);
}
