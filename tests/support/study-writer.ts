// A separate process studying on a shared database as fast as it can: tests run several at once
// against one SQLite file, as several bot instances or Discord shards would.
// Usage: node --import tsx tests/support/study-writer.ts <DATABASE_URL> <name> <rounds>
import { createBot } from "../../src/app/create-bot.ts";
import type { Actor } from "../../src/core/identity.ts";

const [url, name, rounds] = process.argv.slice(2);
const runtime = await createBot({ databaseUrl: url!, contentDir: "content", syncContent: false });
let failures = 0;
for (let i = 0; i < Number(rounds); i++) {
  const actor: Actor = { userId: `console:${name}-${i % 5}`, teamId: `console:${name}`, clientLocale: "en" };
  try {
    const front = await runtime.bot.command(actor, { name: "study" }, new Date());
    const first = front.view.buttons[0]?.[0];
    if (first) await runtime.bot.click(actor, first.action, new Date());
    await runtime.bot.command(actor, { name: "stats" }, new Date());
  } catch (error) {
    failures++;
    console.error(
      String(error instanceof Error ? error.message : error)
        .split("\n")
        .slice(-2)
        .join(" "),
    );
  }
}
await runtime.database.close();
console.log(JSON.stringify({ failures }));
