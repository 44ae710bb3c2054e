/**
 * The API paths of a session's report and its downloads. Free of the report's schemas, so a
 * report link can ask for its data on the first load (permalink.ts) without zod.
 */
export const reportPath = {
  json: (sid: string) => `/api/sessions/${sid}/report`,
  csv: (sid: string) => `/api/sessions/${sid}/report.csv`,
  geojson: (sid: string) => `/api/sessions/${sid}/report.geojson`,
} as const;
