// Items may require others of the same deck to be introduced first (`requires`). A requirement that
// names no item of the deck, the item itself, or closes a cycle could never be met and would hold
// its item back forever: content:check reports those (quality-gates.ts), and content sync leaves
// them out here, so that a team deck imported with such a link still studies.
import type { Item } from "./item.ts";

/** The requirements that can be met, per item: to items of the deck, not to itself, not in a cycle. */
export function usableRequirements(items: readonly Item[]): { itemId: string; requiredId: string }[] {
  const ids = new Set(items.map((i) => i.id));
  const cyclic = new Set(inCycles(items));
  return items.flatMap((item) =>
    cyclic.has(item.id)
      ? []
      : [...new Set(item.requires ?? [])].filter((r) => r !== item.id && ids.has(r)).map((requiredId) => ({ itemId: item.id, requiredId })),
  );
}

/** Items that require themselves through others (a cycle), in deck order. */
function inCycles(items: readonly Item[]): string[] {
  const edges = new Map(items.map((i) => [i.id, (i.requires ?? []).filter((r) => r !== i.id)]));
  // A search from each item that has requirements (a handful per deck): in a cycle when it reaches itself.
  const reachesSelf = (start: string): boolean => {
    const seen = new Set<string>();
    const stack = [...(edges.get(start) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (next === start) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(edges.get(next) ?? []));
    }
    return false;
  };
  return items.filter((i) => (edges.get(i.id)?.length ?? 0) > 0 && reachesSelf(i.id)).map((i) => i.id);
}
