// npm run content:check [content-dir]: validates every deck file, prints each deck's quality gates and
// the counts, and every problem; exits non-zero on any problem or failed gate.
import path from "node:path";
import { checkLibrary, failedGates, formatCounts } from "../content-files/check-library.ts";
import { readGlossary } from "../content-files/glossary.ts";
import { formatProblem, readLibrary } from "../content-files/load-library.ts";
import { formatGates } from "../content-files/quality-gates.ts";
import { renderChecks } from "../content-files/render-checks.ts";

const dir = path.resolve(process.argv[2] ?? "content");
const shown = path.relative(process.cwd(), dir) || dir;
const result = await readLibrary(dir);
const glossary = await readGlossary(path.join(dir, "glossary.yaml"));
result.problems.push(...glossary.problems);
const { problems, counts, gates } = checkLibrary(result, { renderers: renderChecks, glossary: glossary.glossary ?? undefined });
console.log(formatGates(gates));
const failed = failedGates(gates);
if (problems.length > 0 || failed.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(
    `\ncontent:check found ${problems.length} problem(s) and ${failed.length} failed quality gate(s) (${failed.map((g) => g.gate).join(", ") || "none"}) in ${shown}`,
  );
  process.exit(1);
}
console.log(formatCounts(counts, result.library));
console.log("content:check passed");
