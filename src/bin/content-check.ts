// npm run content:check [content-dir]: validates every deck file and prints counts, or every problem.
import path from "node:path";
import { checkLibrary, formatCounts } from "../content-files/check-library.ts";
import { formatProblem, readLibrary } from "../content-files/load-library.ts";
import { renderChecks } from "../content-files/render-checks.ts";

const dir = path.resolve(process.argv[2] ?? "content");
const result = await readLibrary(dir);
const { problems, counts } = checkLibrary(result, renderChecks);
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`\ncontent:check found ${problems.length} problem(s) in ${path.relative(process.cwd(), dir) || dir}`);
  process.exit(1);
}
console.log(formatCounts(counts, result.library));
console.log("content:check passed");
