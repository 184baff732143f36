// Console mode: one person studying in the terminal, one command per line. Works interactively
// and from a pipe (`printf '/study\n1\n3\n/quit\n' | npm start`), exiting at /quit or end of input.
// A form (reporting a problem) asks its questions one line at a time.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Bot } from "../../core/bot.ts";
import { parseCommandLine } from "../../core/commands/parse-command-line.ts";
import type { Actor } from "../../core/identity.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import { cleanTypedLine } from "../../core/deck-import/plain-text.ts";
import { messages } from "../../core/i18n/messages.ts";
import type { Form, FormField } from "../../core/views/view.ts";
import type { Logger } from "../../ops/logger.ts";
import type { PictureDrawer } from "../../pictures/picture-drawer.ts";
import { drawAttached } from "../shared/attached-picture.ts";
import { CONSOLE_TEAM, CONSOLE_USER } from "../shared/platform-ids.ts";
import { renderConsole } from "./render-console.ts";
import { ConsoleSender } from "./console-sender.ts";
import { GameDispatcher, startGameTicker, type GameDispatcherOptions } from "../../jobs/game-dispatcher.ts";

export { CONSOLE_TEAM, CONSOLE_USER };

export interface ConsoleOptions {
  bot: Bot;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  systemLocale: Locale | undefined;
  /** The database, as the start-up banner names it (credentials removed). */
  database: string;
  logger: Logger;
  now?: () => Date;
  /** The database file was not there at start: a new, empty one was created (`explicit`: DATABASE_URL named it). */
  newDatabase?: { file: string; explicit: boolean } | undefined;
  /** Where /export and /deck export write their files (default ./exports). */
  exportsDir?: string;
  /** Draws the pictures replies carry (/stats), saved under `picturesDir` (default ./data). */
  pictures?: PictureDrawer;
  picturesDir?: string;
  /** Where live rounds (/game start) are kept: with it, a solo round plays in the terminal. */
  rounds?: Pick<GameDispatcherOptions, "games" | "cards" | "profiles">;
  /** The console person's name on board pictures (default: the name of the system account running it). */
  ownName?: string | undefined;
}

/** The system account's name, or undefined where there is none to read (some containers). */
function accountName(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

/** The terminal's one channel: where a solo round is played. */
export const CONSOLE_CHANNEL = "terminal";

export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { bot, output, logger } = options;
  const now = options.now ?? (() => new Date());
  // The console is one person's own team: they administer it.
  const actor: Actor = {
    userId: CONSOLE_USER,
    teamId: CONSOLE_TEAM,
    clientLocale: options.systemLocale,
    isAdmin: true,
    channelId: CONSOLE_CHANNEL,
  };
  const exportsDir = options.exportsDir ?? "exports";
  const picturesDir = options.picturesDir ?? "data";
  const ownName = options.ownName ?? accountName();
  // The console is one person's: theirs is the one name its boards, scoreboards and pictures can show.
  const nameOf = (userId: string) => (userId === CONSOLE_USER ? ownName : undefined);
  const write = (s: string) => output.write(`${s}\n`);
  /** The catalog in the person's language now (/lang changes it mid-session). */
  const say = async () => messages(await bot.locale(actor));
  let actions: string[] = [];
  /** What an empty line presses: the preselected button of the current view (Good after a right answer). */
  let onEnter: string | undefined;
  /** A form being filled in, one prompt per field: the next lines answer it. */
  let filling: { form: Form; values: Record<string, string>; field: number } | undefined;
  const prompt = async () => {
    if (!filling) return;
    const field = filling.form.fields[filling.field] as FormField;
    const t = await say();
    if (field.kind === "choice")
      write([field.label, ...field.options.map((o, i) => `[${i + 1}] ${o.label}`), t.consoleReportChoose(field.options.length)].join("\n"));
    else write(`${field.label}\n${t.consoleReportText}`);
  };
  /** One line of the form; submits it after the last field. */
  const fill = async (line: string) => {
    if (!filling) return;
    const field = filling.form.fields[filling.field] as FormField;
    if (field.kind === "choice") {
      const option = /^\d+$/.test(line) ? field.options[Number(line) - 1] : undefined;
      if (!option) {
        filling = undefined;
        write((await say()).consoleReportCancelled);
        return;
      }
      filling.values[field.id] = option.value;
    } else filling.values[field.id] = line;
    filling.field += 1;
    if (filling.field < filling.form.fields.length) return prompt();
    const { form, values } = filling;
    filling = undefined;
    await show(await bot.submit(actor, form.action, values, now()));
  };
  const show = async (reply: Awaited<ReturnType<Bot["click"]>>) => {
    if (reply.form) {
      write(`== ${reply.form.title} ==`);
      filling = { form: reply.form, values: {}, field: 0 };
      return prompt();
    }
    const rendered = renderConsole(reply.view, nameOf);
    write(rendered.text);
    for (const file of reply.files ?? []) {
      await mkdir(exportsDir, { recursive: true });
      const target = path.join(exportsDir, path.basename(file.name));
      await writeFile(target, file.content);
      write((await say()).consoleSaved(target));
    }
    const picture = await drawAttached(reply, options.pictures, logger, nameOf);
    if (picture) {
      await mkdir(picturesDir, { recursive: true });
      const target = path.join(picturesDir, path.basename(picture.filename));
      await writeFile(target, picture.png);
      write((await say()).consoleSaved(target));
    }
    // A notice leaves the current card in place, so its buttons stay pressable.
    if (reply.mode === "update" || rendered.actions.length > 0) {
      actions = rendered.actions;
      onEnter = rendered.preselected?.action;
      if (rendered.preselected) write((await say()).consoleEnterPresses(rendered.preselected.label));
    }
  };

  const greeting = await say();
  const fresh = options.newDatabase;
  write(
    [
      greeting.consoleMode(CONSOLE_USER, options.database),
      ...(fresh ? [fresh.explicit ? greeting.consoleDatabaseWasMissing(fresh.file) : greeting.consoleNewDatabase(fresh.file)] : []),
      greeting.consoleConnect,
      "",
      greeting.consoleGreeting,
    ].join("\n"),
  );
  // A round's posts print as they come; a question's buttons are what the next number presses.
  const rounds = options.rounds
    ? startGameTicker({
        logger,
        now,
        dispatcher: new GameDispatcher({
          ...options.rounds,
          sender: new ConsoleSender(
            write,
            (pressable) => {
              actions = pressable;
              onEnter = undefined;
            },
            nameOf,
          ),
          logger,
          owner: "console",
        }),
      })
    : undefined;
  const lines = createInterface({ input: options.input, terminal: false });
  for await (const raw of lines) {
    // Typed or pasted: escape sequences and control characters go before anything is echoed or stored.
    const line = cleanTypedLine(raw).trim();
    // An empty line skips an optional answer of a form, or presses the view's preselected button.
    const enter = line === "" && !filling ? onEnter : undefined;
    if (line === "" && !filling && !enter) continue;
    write(`> ${line}`);
    try {
      if (filling) {
        await fill(line);
        continue;
      }
      if (line === "/quit" || line === "/exit") break;
      if (enter) {
        onEnter = undefined;
        await show(await bot.click(actor, enter, now()));
        continue;
      }
      const lang = /^\/lang(?:\s+(\S+))?$/.exec(line);
      const deckImport = /^\/deck\s+import\s+(\S+)(?:\s+(.+))?$/.exec(line);
      if (lang) {
        await show(await bot.command(actor, { name: "settings", changes: { language: lang[1] ?? "" } }, now()));
      } else if (deckImport) {
        const file = deckImport[1] as string;
        const bytes = await readFile(file).catch(() => undefined);
        if (!bytes) write((await say()).consoleCannotRead(file));
        else
          await show(
            await bot.command(
              actor,
              { name: "deck", action: "import", file: { name: path.basename(file), bytes }, deckName: deckImport[2] },
              now(),
            ),
          );
      } else if (/^\d+$/.test(line)) {
        const action = actions[Number(line) - 1];
        if (action) await show(await bot.click(actor, action, now()));
        else {
          const t = await say();
          write(actions.length > 0 ? t.consoleChoose(actions.length) : t.consoleNothingToPress);
        }
      } else {
        await show(await bot.commandLine(actor, parseCommandLine(line), now()));
      }
    } catch (e) {
      logger.error({ err: e, line: line.slice(0, 200) }, "console command failed");
      await show(bot.apology(await bot.locale(actor).catch(() => "en" as const)));
    }
  }
  lines.close();
  await rounds?.stop();
}
