// One bot instance that only drives live rounds, for the two-process test: it opens the shared
// database, and sends every post, edit and direct message to the test's loopback recorder (which
// refuses a repeated post key as Discord refuses a repeated nonce). Run with
// `node --import tsx tests/game/game-instance-child.ts`; DATABASE_URL, RECORDER_URL and OWNER name
// the database, the recorder and this instance.
import type { PlatformSender, SendResult } from "../../src/core/ports/platform-sender.ts";
import type { View } from "../../src/core/views/view.ts";
import { GameDispatcher, startGameTicker } from "../../src/jobs/game-dispatcher.ts";
import { createLogger } from "../../src/ops/logger.ts";
import { openDatabase } from "../../src/storage/open-database.ts";
import { openStores } from "../../src/storage/prisma/open-stores.ts";

const { DATABASE_URL, RECORDER_URL, OWNER, PAUSE_MS } = process.env;
if (!DATABASE_URL || !RECORDER_URL || !OWNER) throw new Error("DATABASE_URL, RECORDER_URL and OWNER are required");
const recorder = RECORDER_URL;
const owner = OWNER;

class RecorderSender implements PlatformSender {
  private async send(path: string, body: unknown): Promise<SendResult> {
    const res = await fetch(`${recorder}${path}`, { method: "POST", body: JSON.stringify({ owner, ...(body as object) }) });
    return (await res.json()) as SendResult;
  }
  direct(userId: string, view: View, once?: string) {
    return this.send("/direct", { userId, view, once });
  }
  channel(teamId: string, channelId: string, view: View, _notify?: string[], once?: string) {
    return this.send("/post", { teamId, channelId, view, once });
  }
  edit(teamId: string, channelId: string, messageRef: string, view: View) {
    return this.send("/edit", { teamId, channelId, messageRef, view });
  }
}

const logger = createLogger("info");
const database = await openDatabase(DATABASE_URL);
const stores = openStores(database.db);
const dispatcher = new GameDispatcher({
  games: stores.games,
  cards: stores.cards,
  profiles: stores.profiles,
  sender: new RecorderSender(),
  logger,
  owner,
  timing: PAUSE_MS ? { pauseMs: Number(PAUSE_MS) } : {},
});
startGameTicker({ dispatcher, logger });
process.stdout.write(`instance ${owner} driving rounds\n`);
