// The Discord benchmark's load generator, in its own process so that the fake Discord's work is not
// charged to the bot under test: starts the fake, reports its REST URL, then on request drives
// interactions from many users at once and reports interactions per second.
import { FakeDiscord } from "../fakes/discord/fake-discord.ts";

interface Go {
  users: number;
  rounds: number;
  studyFlow: boolean;
}

const fake = await FakeDiscord.start({ applicationId: "1100000000000000001", interactionDeadlineMs: null });
const guild = fake.addGuild();
process.send?.({ restUrl: fake.restUrl });

async function drive(o: Go): Promise<{ rate: number; interactions: number }> {
  const people = Array.from({ length: o.users }, () => fake.addUser());
  let done = 0;
  const started = performance.now();
  await Promise.all(
    people.map(async (user) => {
      for (let r = 0; r < o.rounds; r++) {
        const command = fake.interact.command({ name: "study", user, guildId: guild.id });
        await command.settled(0, 20_000);
        done += 1;
        const message = command.messages()[0];
        if (!o.studyFlow || !message) continue;
        for (const label of ["Show answer", "Good"]) {
          const button = fake
            .message(message.id)
            ?.components.flatMap((row) => ("components" in row ? (row.components as { label?: string; custom_id?: string }[]) : []))
            .find((b) => b.label?.startsWith(label));
          if (!button?.custom_id) break;
          const click = fake.interact.component({ customId: button.custom_id, message: message.id, user });
          await click.settled(0, 20_000);
          done += 1;
        }
      }
    }),
  );
  return { rate: done / ((performance.now() - started) / 1000), interactions: done };
}

process.on("message", (message: Go | "stop") => {
  if (message === "stop") {
    void fake.stop().then(() => process.exit(0));
    return;
  }
  const cpu = process.cpuUsage();
  const wall = performance.now();
  void drive(message).then(({ rate, interactions }) => {
    const used = process.cpuUsage(cpu);
    process.send?.({
      rate,
      interactions,
      rejected: fake.internalErrors.length,
      cpuShare: (used.user + used.system) / 1000 / (performance.now() - wall),
    });
  });
});
