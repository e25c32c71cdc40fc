/** Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so that no time zone moves a day. */
const DAY_MS = 86_400_000;

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function toIsoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function today(): string {
  return toIsoDate(new Date());
}
