// Display names the platform has already handed the bot in this process (the person behind an
// interaction, a users.info answer), for drawing leaderboard pictures without asking the platform
// for anyone's profile. Bounded and forgotten after a while: a name is a nicety, never a record.
const MAX_NAMES = 20_000;
const TTL_MS = 24 * 3600_000;

export class SeenNames {
  private readonly names = new Map<string, { name: string; at: number }>();

  /** Remembers the name the platform gave for a person (the core's id), replacing an older one. */
  remember(userId: string, name: string | null | undefined, now = Date.now()): void {
    const trimmed = name?.trim();
    if (!trimmed) return;
    this.names.delete(userId);
    this.names.set(userId, { name: trimmed.slice(0, 80), at: now });
    if (this.names.size > MAX_NAMES) {
      const oldest = this.names.keys().next().value;
      if (oldest !== undefined) this.names.delete(oldest);
    }
  }

  /** The name last seen for a person, if seen lately. */
  nameOf(userId: string, now = Date.now()): string | undefined {
    const seen = this.names.get(userId);
    if (!seen) return undefined;
    if (now - seen.at > TTL_MS) {
      this.names.delete(userId);
      return undefined;
    }
    return seen.name;
  }
}

/** A badge's letters: the first letter of the first two words ("Aiko Tanaka" → "AT"), or of the only one ("田中" → "田"). */
export function initialsOf(name: string): string {
  const firsts = name
    .split(/[\s._\-・]+/u)
    .map((word) => /[\p{L}\p{N}]/u.exec(word)?.[0])
    .filter((c): c is string => c !== undefined)
    .slice(0, 2);
  return firsts.length === 0 ? "?" : firsts.join("").toLocaleUpperCase();
}
