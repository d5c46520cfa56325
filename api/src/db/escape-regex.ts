/** Escapes user text for a case-insensitive "contains" filter, so it can never act as a pattern. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
