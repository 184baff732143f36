// Discord learners who studied the real deck (the bot processes sync content/ at start), with cards
// due and a reminder whose time has just passed: what a scheduled tick in a bot process should send.
import { loadLibrary } from "../../src/content-files/load-library.ts";
import type { Actor } from "../../src/core/identity.ts";
import type { FakeDiscord } from "../fakes/discord/fake-discord.ts";
import type { DatabaseKind } from "./databases.ts";
import { answerCard, startTestBot, type TestBot } from "./test-bot.ts";

export const REMINDER_TEAM = "discord:100000000000000001";

export async function learnersWithDueReminders(
  fake: FakeDiscord,
  kind: DatabaseKind,
  learners: number,
): Promise<{ t: TestBot; userIds: string[] }> {
  const t = await startTestBot(kind, await loadLibrary("content"), new Date(Date.now() - 3 * 86_400_000).toISOString());
  const userIds: string[] = [];
  for (let i = 0; i < learners; i++) {
    const user = fake.addUser();
    const actor: Actor = { userId: `discord:${user.id}`, teamId: REMINDER_TEAM, clientLocale: "en" };
    const front = await t.bot.command(actor, { name: "study" }, t.clock.now);
    await answerCard(t, actor, front, "Easy", t.clock.advance(5000));
    userIds.push(user.id);
  }
  const now = new Date();
  await t.db.cardState.updateMany({ data: { due: new Date(now.getTime() - 86_400_000) } });
  await t.db.user.updateMany({
    data: {
      timeZone: "UTC",
      remindMinute: now.getUTCHours() * 60 + now.getUTCMinutes(),
      remindTeamId: REMINDER_TEAM,
      nextReminderAt: new Date(now.getTime() - 1000),
      nextReminderDay: now.toISOString().slice(0, 10),
      nextReminderSlot: 0,
    },
  });
  return { t, userIds };
}
