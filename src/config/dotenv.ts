// The `.env` file in the working directory, read by `npm start` on every supported Node version
// (20, 22, 24) without relying on `process.loadEnvFile` or `--env-file`. The real environment wins:
// a variable already set (even to an empty value) is never replaced. A line that is not a comment,
// blank, or NAME=value stops the bot with its line number, never its content (it may hold a secret).
import { readFileSync } from "node:fs";
import path from "node:path";

export class DotEnvError extends Error {
  override name = "DotEnvError";
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parses .env text: NAME=value, optional `export `, '…' and "…" quoting (\n, \" and \\ inside "…"), # comments. */
export function parseDotEnv(text: string, file = ".env"): Map<string, string> {
  const values = new Map<string, string>();
  const problems: string[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, index) => {
    const where = `${file} line ${index + 1}`;
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const assignment = line.replace(/^export\s+/, "");
    const eq = assignment.indexOf("=");
    const name = eq < 0 ? "" : assignment.slice(0, eq).trim();
    if (eq < 0 || !NAME.test(name)) {
      problems.push(`- ${where}: expected NAME=value (a name of letters, digits and _, then =)`);
      return;
    }
    const rest = assignment.slice(eq + 1).trim();
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      const end = findClosingQuote(rest, quote);
      if (end < 0) {
        problems.push(`- ${name} (${where}): the value's ${quote} quote is never closed (values span one line)`);
        return;
      }
      const after = rest.slice(end + 1).trim();
      if (after !== "" && !after.startsWith("#")) {
        problems.push(`- ${name} (${where}): unexpected text after the quoted value`);
        return;
      }
      const inner = rest.slice(1, end);
      values.set(name, quote === "'" ? inner : inner.replace(/\\([n"\\])/g, (_, c: string) => (c === "n" ? "\n" : c)));
      return;
    }
    // Unquoted: a # after whitespace starts a comment.
    values.set(name, rest.replace(/\s+#.*$/, "").trim());
  });
  if (problems.length > 0) throw new DotEnvError(`${file} is not valid:\n${problems.join("\n")}\nFix the lines above, or remove ${file}.`);
  return values;
}

function findClosingQuote(s: string, quote: string): number {
  for (let i = 1; i < s.length; i++) {
    if (quote === '"' && s[i] === "\\") i++;
    else if (s[i] === quote) return i;
  }
  return -1;
}

/**
 * Adds the variables of `.env` (in `dir`) that `env` does not already have; returns the names added.
 * No file, no change.
 */
export function loadDotEnv(env: NodeJS.ProcessEnv, dir = process.cwd(), name = ".env"): string[] {
  const file = path.join(dir, name);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new DotEnvError(`${name} cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"}); fix its permissions or remove it.`);
  }
  const added: string[] = [];
  for (const [key, value] of parseDotEnv(text, name)) {
    if (env[key] !== undefined) continue;
    env[key] = value;
    added.push(key);
  }
  return added;
}
