// Several processes on one SQLite file (bot instances, Discord shards): writes that read first and
// then write must wait for each other, never fail with "database is locked".
import { describe, expect, it } from "vitest";
import { createBot } from "../../src/app/create-bot.ts";
import { startChild } from "../support/child-process.ts";
import { freshDatabase } from "../support/databases.ts";

describe("one SQLite file, several processes", () => {
  it("three processes studying at once never see a locked database", async () => {
    const database = await freshDatabase("sqlite");
    try {
      const runtime = await createBot({ databaseUrl: database.url, contentDir: "content" }); // migrate and sync once
      await runtime.database.close();
      const writers = ["a", "b", "c"].map((name) =>
        startChild([process.execPath, "--import", "tsx", "tests/support/study-writer.ts", database.url, name, "150"], {
          LOG_LEVEL: "warn",
        }),
      );
      const exits = await Promise.all(writers.map((w) => w.exited));
      for (const [i, w] of writers.entries()) {
        expect(exits[i], w.stderr()).toEqual({ code: 0, signal: null });
        expect(w.stdout(), w.stderr()).toContain('{"failures":0}');
      }
    } finally {
      await database.drop();
    }
  }, 120_000);
});
