/**
 * One measured figure. A comparison holds both sides: `value` is ours,
 * `against` what it is compared with, and `ratio` is value / against.value.
 * A figure that could not be measured has `value: null` and says why in `note`.
 */
export interface Figure {
  readonly section: string;
  readonly name: string;
  readonly unit: string;
  readonly value: number | null;
  readonly against?: { readonly name: string; readonly value: number | null };
  readonly ratio?: number | null;
  readonly note?: string;
}

export function figure(section: string, name: string, unit: string, value: number | null, note?: string): Figure {
  return { section, name, unit, value, ...(note ? { note } : {}) };
}

export function comparison(
  section: string,
  name: string,
  unit: string,
  value: number | null,
  against: { name: string; value: number | null },
  note?: string,
): Figure {
  const ratio = value !== null && against.value !== null && against.value !== 0 ? value / against.value : null;
  return { section, name, unit, value, against, ratio, ...(note ? { note } : {}) };
}
