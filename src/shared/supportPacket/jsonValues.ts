/** Reading fields of REST answers that arrive as untyped JSON, without trusting their shape. */

export type JsonObject = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function textAt(object: JsonObject | undefined, name: string): string | undefined {
  const value = object?.[name];
  return typeof value === 'string' ? value : undefined;
}

export function numberAt(object: JsonObject | undefined, name: string): number | undefined {
  const value = object?.[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function objectAt(object: JsonObject | undefined, name: string): JsonObject | undefined {
  const value = object?.[name];
  return isRecord(value) ? value : undefined;
}

/** The client config and the client licence send booleans and numbers as strings ("true", "250"). */
export function flagAt(object: JsonObject | undefined, name: string): boolean | undefined {
  const value = textAt(object, name);
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

export function integerTextAt(object: JsonObject | undefined, name: string): number | undefined {
  const value = textAt(object, name);
  return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : undefined;
}
