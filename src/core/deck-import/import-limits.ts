// How much an uploaded deck may hold. The field limit matches the longest text an item may carry (TEXT_LIMITS in item.ts).
export const IMPORT_LIMITS = { maxBytes: 1_000_000, maxItems: 2_000, maxFieldChars: 700 } as const;
