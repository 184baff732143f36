// Team decks through the real Bot and store: import validated in full (nothing written on any
// problem), re-import in place keeping progress, admin-only management, and isolation from other teams.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Actor } from "../../src/core/identity.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { DATABASES } from "../support/databases.ts";
import { button, startTestBot, type TestBot } from "../support/test-bot.ts";

const csv = (rows: string[]) => new TextEncoder().encode(["front,back,tags", ...rows].join("\n"));
const GOOD = csv([
  "What is a pod?,The smallest deployable unit,k8s",
  "What is a node?,A worker machine,k8s",
  "What is kubectl?,The command-line tool,k8s tools",
]);

describe.each(DATABASES)("team decks on %s", (kind) => {
  let t: TestBot;
  const admin: Actor = { userId: "discord:1", teamId: "discord:900", clientLocale: "en", isAdmin: true };
  const member: Actor = { userId: "discord:2", teamId: "discord:900", clientLocale: "en" };
  const outsider: Actor = { userId: "discord:3", teamId: "discord:901", clientLocale: "en", isAdmin: true };
  beforeEach(async () => {
    t = await startTestBot(kind, aLibrary([aFlashcard("builtin-1")]), "2026-03-10T10:00:00Z");
  });
  afterEach(async () => {
    await t.close();
  });

  const importFile = (actor: Actor, bytes: Uint8Array, name = "k8s.csv", deckName?: string) =>
    t.bot.command(actor, { name: "deck", action: "import", file: { name, bytes }, deckName }, t.clock.now);
  const deckIdOf = (reply: { view: { body: string[] } }) => /`(t[a-z0-9]+-[a-z0-9-]+)`/.exec(reply.view.body.join("\n"))?.[1] ?? "";

  it("imports a CSV for the team only, studies it, and keeps progress when the same file is imported again", async () => {
    const imported = await importFile(admin, GOOD, "k8s.csv", "Kubernetes");
    expect(imported.view.title).toBe('Deck "Kubernetes" imported');
    expect(imported.view.body[0]).toContain("3 new, 0 updated, 0 unchanged, 0 retired");
    // The member studies the built-in card, then the team's cards; the outsider never sees them.
    const fronts: string[] = [];
    for (let i = 0; i < 4; i++) {
      const front = await t.bot.command(member, { name: "study" }, t.clock.now);
      fronts.push(front.view.body.join(" "));
      await t.bot.click(
        member,
        button(await t.bot.click(member, button(front, "Show answer"), t.clock.now), "Easy"),
        t.clock.advance(5000),
      );
    }
    expect(fronts.join(" ")).toContain("What is a pod?");
    const outsiderFront = await t.bot.command(outsider, { name: "study" }, t.clock.now);
    expect(outsiderFront.view.body.join(" ")).toContain("Front of builtin-1");
    await t.bot.click(
      outsider,
      button(await t.bot.click(outsider, button(outsiderFront, "Show answer"), t.clock.now), "Easy"),
      t.clock.advance(5000),
    );
    expect((await t.bot.command(outsider, { name: "study" }, t.clock.now)).view.body.join(" ")).toContain("All done");
    expect((await t.bot.command(outsider, { name: "topics" }, t.clock.now)).view.body[0]).not.toContain("k8s");
    expect((await t.bot.command(outsider, { name: "quiz", topic: "k8s" }, t.clock.now)).view.body[0]).toContain('There is no topic "k8s"');

    const before = await t.db.cardState.findMany({ where: { userId: member.userId }, orderBy: { itemId: "asc" } });
    const again = await importFile(
      admin,
      csv(["What is a pod?,The smallest deployable unit (fixed),k8s", "What is a node?,A worker machine,k8s"]),
      "k8s.csv",
      "Kubernetes",
    );
    expect(again.view.body[0]).toContain("0 new, 1 updated, 1 unchanged, 1 retired");
    const after = await t.db.cardState.findMany({ where: { userId: member.userId }, orderBy: { itemId: "asc" } });
    expect(after).toEqual(before);
    expect(await t.db.reviewLog.count({ where: { userId: member.userId } })).toBe(4);
  });

  it("imports nothing from a file with any problem, naming each line", async () => {
    const broken = csv([
      "What is a pod?,The smallest deployable unit,k8s",
      ",missing front,k8s",
      "What is a node?",
      "What is a pod?,Duplicate,k8s",
    ]);
    const reply = await importFile(admin, broken);
    expect(reply.view.title).toBe("The deck was not imported");
    expect(reply.view.body[0]).toBe("Nothing was written: fix these problems and upload the file again.");
    expect(reply.view.body[1]).toMatch(/line 3/);
    expect(reply.view.body[1]).toMatch(/line 4/);
    expect(reply.view.body[1]).toMatch(/line 5/);
    expect(await t.db.deck.count({ where: { teamId: admin.teamId } })).toBe(0);
    expect(await t.db.item.count({ where: { teamId: admin.teamId } })).toBe(0);
    const badEncoding = await importFile(admin, new Uint8Array([0x66, 0x72, 0x6f, 0x6e, 0x74, 0x2c, 0xff, 0xfe, 0x0a]));
    expect(badEncoding.view.body.join(" ")).toContain("not valid UTF-8");
    const huge = await t.bot.command(
      admin,
      { name: "deck", action: "import", file: { name: "big.csv", bytes: new Uint8Array(0), size: 10_000_000 } },
      t.clock.now,
    );
    expect(huge.view.body.join(" ")).toContain("the file is 10 MB; the limit is 1 MB");
    const many = csv(Array.from({ length: 100_000 }, (_, i) => `q${i},a${i}`));
    expect((await importFile(admin, many.subarray(0, 999_000))).view.body.join(" ")).toMatch(/the limit is 2000|limit is 2,000/);
    expect(await t.db.item.count({ where: { teamId: admin.teamId } })).toBe(0);
  });

  it("shows a Japanese admin every problem in Japanese, with no English problem sentence", async () => {
    const japaneseAdmin: Actor = { userId: "discord:4", teamId: "discord:900", clientLocale: "ja", isAdmin: true };
    const broken = csv(["キャッシュとは？,データの一時保存場所,perf", ",表が空,perf", "表だけ", 'キー,"閉じない']);
    const reply = await importFile(japaneseAdmin, broken);
    expect(reply.view.title).toBe("デッキを取り込めませんでした");
    const lines = reply.view.body[1]!.split("\n");
    expect(lines).toEqual([
      "• 3行目、front：「front」列が空です",
      "• 4行目、back：この行に「back」列がありません（区切り文字はカンマですか？）",
      "• 5行目：引用符で囲んだセルが閉じられていません（閉じる引用符がありません）",
    ]);
    for (const english of [
      "the front is empty",
      "the row has no back column",
      "is the separator a comma?",
      "a quoted cell is never closed",
    ]) {
      expect(reply.view.body.join("\n")).not.toContain(english);
    }
    const yaml = await importFile(japaneseAdmin, new TextEncoder().encode("owner: me\nitems: []\n"), "team.yaml");
    expect(yaml.view.body[1]).toBe("• 1行目：不明な項目：owner");
    expect(await t.db.item.count({ where: { teamId: japaneseAdmin.teamId } })).toBe(0);
  });

  it("lets only admins import and manage, and only their own team's decks", async () => {
    expect((await importFile(member, GOOD)).view.body[0]).toContain("Only team admins");
    const id = deckIdOf(await importFile(admin, GOOD, "k8s.csv", "Kubernetes"));
    expect(id).toMatch(/^t[a-z0-9]{7}-kubernetes$/);
    const list = await t.bot.command(member, { name: "deck", action: "list" }, t.clock.now);
    expect(list.view.body[0]).toContain(`**Kubernetes** (\`${id}\`): 3 cards`);
    expect((await t.bot.command(outsider, { name: "deck", action: "list" }, t.clock.now)).view.body[0]).toBe(
      "This team has no decks of its own yet.",
    );
    expect(
      (await t.bot.command(outsider, { name: "deck", action: "rename", deckId: id, deckName: "Stolen" }, t.clock.now)).view.body[0],
    ).toContain("this team has no deck");
    expect((await t.bot.command(outsider, { name: "deck", action: "retire", deckId: id }, t.clock.now)).view.body[0]).toContain(
      "this team has no deck",
    );
    expect((await t.bot.command(outsider, { name: "deck", action: "export", deckId: id }, t.clock.now)).view.body[0]).toContain(
      "this team has no deck",
    );
    expect((await t.bot.command(member, { name: "deck", action: "retire", deckId: id }, t.clock.now)).view.body[0]).toContain(
      "Only team admins",
    );
    expect((await t.bot.command(admin, { name: "deck", action: "rename", deckId: id, deckName: "K8s" }, t.clock.now)).view.body[0]).toBe(
      "Saved.",
    );
    expect((await t.bot.command(admin, { name: "deck", action: "retire", deckId: id }, t.clock.now)).view.body[0]).toContain("retired");
    expect(await t.db.item.count({ where: { teamId: admin.teamId, retiredAt: null } })).toBe(0);
  });

  it("exports a team deck as YAML that imports back onto the same cards", async () => {
    const id = deckIdOf(await importFile(admin, GOOD, "k8s.csv", "Kubernetes"));
    const exported = await t.bot.command(admin, { name: "deck", action: "export", deckId: id }, t.clock.now);
    const file = exported.files![0]!;
    expect(file.name).toBe(`${id}.yaml`);
    const doc = parse(file.content) as { name: string; items: { id: string }[] };
    expect(doc.name).toBe("Kubernetes");
    expect(doc.items).toHaveLength(3);
    const again = await importFile(admin, new TextEncoder().encode(file.content), "kubernetes.yaml", "Kubernetes");
    expect(again.view.body[0]).toContain("0 new, 0 updated, 3 unchanged, 0 retired");
  });
});
