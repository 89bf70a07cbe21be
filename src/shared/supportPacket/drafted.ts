/** What a file builder made, and the native fields it had to leave out (one warning.txt line each). */
export interface Drafted<T> {
  readonly value: T;
  readonly leftOut: readonly string[];
}
