/**
 * A duration as people say it, in the browser's language: seconds under a
 * minute, minutes under an hour, hours (one decimal) under two days, then days.
 */
export function durationText(ms: number | undefined, locale?: string): string {
  if (ms === undefined) return '—';
  const minutes = ms / 60_000;
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day', digits: number) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
  if (ms < 60_000) return unit(Math.round(ms / 1_000), 'second', 0);
  if (minutes < 60) return unit(Math.round(minutes), 'minute', 0);
  if (minutes < 48 * 60) return unit(minutes / 60, 'hour', 1);
  return unit(minutes / (24 * 60), 'day', 1);
}
