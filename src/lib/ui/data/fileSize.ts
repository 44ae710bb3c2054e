/**
 * A byte count for a download list: `850 B`, `52.4 KB`, `1.2 MB` (binary units, one decimal
 * from KB up), so sizes line up with what a file manager shows.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
