// Every sentence a user reads lives in a catalog under src/core/i18n/, in English and Japanese, so a
// translator finds it in one place and a missing translation does not compile. This test reads every
// source file with the TypeScript compiler and fails on a string or template literal outside the
// catalogs that reads as prose for a user.
//
// What counts as prose: any Japanese character (hiragana, katakana or kanji), or two English words in
// a row (a letter, then letters, then white space, then another such word: "the file", "Show answer").
//
// What is not for a user, and so may stay where it is:
// - module specifiers, property names, literal types, and strings a `switch`/`===` compares against;
// - logger calls (`log.info(...)`, `logger.warn(...)`, `console.error(...)`): the people who run the
//   bot read its logs, and logs are English for admins in every team;
// - `new SomethingError(...)` and `throw`: thrown errors are for developers and admins (the adapter logs
//   them once and the user gets the catalog's apology, never the error's text);
// - operator-facing code: start-up and configuration (src/config, src/app, src/main.ts), the command-line
//   tools (src/bin), the ops server and metrics (src/ops), and the content checks run by authors in CI
//   (src/content-files): their readers run the bot or write its decks, and read English;
// - the `detail` of a failed send (SendResult in src/core/ports/platform-sender.ts), which the jobs log;
// - tagged SQL templates.
// Anything else goes in ALLOWED below, with the reason.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const SRC = join(ROOT, "src");

/** The catalogs themselves, and generated code. */
const CATALOGS = /^src\/core\/i18n\//;
const NOT_SCANNED = /^src\/generated\//;
/** Operator-facing code: read by those who run the bot or write its content, in English (see above). */
const OPERATOR_FACING = /^src\/(config|app|bin|ops|content-files)\/|^src\/main\.ts$/;

/**
 * Literals that read as prose but are not said to a user, each by file and a piece of its text, with
 * the reason.
 */
const ALLOWED: readonly { file: string; text: string; reason: string }[] = [
  {
    file: "src/adapters/slack/listeners/views/deck-import-submitted.ts",
    text: "deck import",
    reason: "a command line the bot parses (the import form's submission), never shown",
  },
  ...["src/adapters/discord/interaction-failed.ts", "src/adapters/slack/slack-work.ts"].map((file) => ({
    file,
    text: "interaction failed",
    reason: "the log line of an unexpected failure (logAndApologise logs it; the user gets the catalog's apology)",
  })),
  ...["tags column", "notetype column", "deck column", "guid column", "if matches"].map((key) => ({
    file: "src/core/deck-import/parse-anki-text.ts",
    text: key,
    reason: "a header key of Anki's plain-text export (#tags column:3), read from files, never said",
  })),
  { file: "src/storage/database-errors.ts", text: "the server", reason: "a database start-up error, for the operator" },
  { file: "src/pictures/picture-style.ts", text: "Noto Sans JP", reason: "the font family pictures are drawn in, never shown" },
  {
    file: "src/storage/sqlite-checkpointer.ts",
    text: "require(",
    reason: "the source of a worker thread, not text",
  },
];

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const TWO_WORDS = /(?:^|[^\w$/.-])[A-Za-z][a-z]+[,;:]?\s+[A-Za-z][a-z]+(?![\w/])/;

/** True when a literal's text reads as something for a person. */
export function readsAsProse(text: string): boolean {
  return JAPANESE.test(text) || TWO_WORDS.test(text);
}

const LOG_METHODS = new Set(["trace", "debug", "info", "warn", "error", "fatal", "log"]);

/** Why a literal in this position is not for a user, or undefined when it may be. */
function notForUsers(node: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent !== undefined; child = parent, parent = parent.parent) {
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isImportTypeNode(parent)) return true;
    if (ts.isLiteralTypeNode(parent) || ts.isTypeNode(parent)) return true;
    if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) && parent.name === child) {
      return true;
    }
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === child) return true;
    if (ts.isCaseClause(parent) && parent.expression === child) return true;
    if (ts.isBinaryExpression(parent) && /^[!=]==?$/.test(parent.operatorToken.getText())) return true;
    if (ts.isThrowStatement(parent)) return true;
    if (ts.isPropertyAssignment(parent) && parent.name.getText() === "detail") return true;
    if (ts.isNewExpression(parent) && /Error$/.test(parent.expression.getText())) return true;
    if (ts.isTaggedTemplateExpression(parent) && /sql|query|execute/i.test(parent.tag.getText())) return true;
    if (ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression)) {
      const method = parent.expression.name.text;
      const target = parent.expression.expression.getText();
      if (LOG_METHODS.has(method) && /(^|\.)(log|logger|console|boltLogger)$/i.test(target)) return true;
    }
    // A statement or a function ends the search: what encloses it says nothing about this literal.
    if (ts.isStatement(parent) && !ts.isThrowStatement(parent)) return false;
    if (ts.isFunctionLike(parent)) return false;
  }
  return false;
}

interface Found {
  file: string;
  line: number;
  text: string;
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" … ");
  return undefined;
}

/** Prose literals of one source text, outside the positions that are not for users. */
export function proseLiterals(file: string, source: string): Found[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Found[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== undefined) {
      if (readsAsProse(text) && !notForUsers(node)) {
        found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text });
      }
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

function scanned(): Found[] {
  return sourceFiles(SRC)
    .map((path) => relative(ROOT, path))
    .filter((file) => !CATALOGS.test(file) && !NOT_SCANNED.test(file) && !OPERATOR_FACING.test(file))
    .flatMap((file) => proseLiterals(file, readFileSync(join(ROOT, file), "utf8")));
}

const allowed = (f: Found) => ALLOWED.some((a) => a.file === f.file && f.text.includes(a.text));

describe("user-visible strings", () => {
  it("live in the catalogs under src/core/i18n/", () => {
    const outside = scanned()
      .filter((f) => !allowed(f))
      .map((f) => `${f.file}:${f.line}: ${JSON.stringify(f.text)}`);
    expect(outside).toEqual([]);
  });

  it("every allowed exception is still there (a stale entry hides nothing)", () => {
    const found = scanned();
    const stale = ALLOWED.filter((a) => !found.some((f) => f.file === a.file && f.text.includes(a.text)));
    expect(stale).toEqual([]);
  });

  it("the detector sees prose and lets identifiers, logs and thrown errors be", () => {
    const source = [
      'import { x } from "./some module.ts";',
      'const reply = { en: "the file is empty", ja: "ファイルが空です" };',
      "const label = `Next review in ${days} days`;",
      'const id = "st:basics"; const key = "new_per_day"; const path = "content/decks/a.yaml";',
      'log.warn({ err }, "reminder could not be sent");',
      'throw new Error("the database is not migrated");',
      'if (kind === "multiple choice") {}',
      'type T = "one two";',
    ].join("\n");
    expect(proseLiterals("x.ts", source).map((f) => f.text)).toEqual(["the file is empty", "ファイルが空です", "Next review in  …  days"]);
  });
});
