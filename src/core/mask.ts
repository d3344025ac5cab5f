import { maskIdNumber, maskPhone } from "./id-number";

/** Field keys that hold personal data, with how each is masked in exports. */
export const MASKERS: Readonly<Record<string, (text: string) => string>> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
};

/** A deep copy of `value` with every string under a personal-data key masked. */
export function maskDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => maskDeep(v)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const masker = MASKERS[k];
      out[k] = masker && typeof v === "string" && v ? masker(v) : maskDeep(v);
    }
    return out as T;
  }
  return value;
}
