// How deeply a YAML text nests and how many parts it has, measured before the yaml library builds a
// document from it. The library composes nodes recursively: a hostile upload nested thousands deep
// ("- - - - ... x", or "[[[[...]]]]") exhausts the stack, and when that happens while V8 compiles a
// regular expression the process dies (a fatal out-of-memory error, which no catch sees). It also spends
// microseconds on each node and on each error it finds: a megabyte of "1," or of "]" kept the process
// busy for seconds. Its lexer is iterative, quick and knows quotes, comments and block scalars, so
// brackets or dashes inside text are not counted.
import { CST, Lexer } from "yaml";

/** Far more than a deck needs (items, an item, choices, a choice, its text: five), far less than the library survives. */
export const YAML_MAX_DEPTH = 64;

/**
 * Keys, values and symbols (- : , [ ] { } and the like; not blanks or comments). The densest deck that
 * imports (2,000 multiple-choice items with five choices each, in flow style with one-letter texts) has
 * about 212,000; the library reads 300,000 in about a second on a slow machine.
 */
export const YAML_MAX_TOKENS = 300_000;

export type YamlSizeProblem = "too-deep" | "too-many-tokens";

/**
 * What makes the text too big to hand to the yaml library, or undefined. Depth counts the open flow
 * collections ([ and {) and the block collections opened by indentation and by indicators ("-", "?")
 * on the current line. Stops reading as soon as a limit is passed.
 */
export function yamlSizeProblem(
  text: string,
  { maxDepth = YAML_MAX_DEPTH, maxTokens = YAML_MAX_TOKENS }: { maxDepth?: number; maxTokens?: number } = {},
): YamlSizeProblem | undefined {
  let tokens = 0;
  let flow = 0;
  /** Columns at which the enclosing block collections start, innermost last. */
  const blocks: number[] = [];
  const open = (at: number) => {
    while (blocks.length > 0 && (blocks.at(-1) as number) > at) blocks.pop();
    if (blocks.length === 0 || (blocks.at(-1) as number) < at) blocks.push(at);
  };
  let column = 0;
  let lineStart = true;
  /** After a block scalar's header ("|", ">"), its content arrives as one token: text, never structure. */
  let blockScalar: "none" | "header" | "content" = "none";
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // A scalar's source follows its marker as a token of no type; it is counted with the marker.
    if (type !== null && type !== "space" && type !== "newline" && type !== "comment" && ++tokens > maxTokens) return "too-many-tokens";
    if (blockScalar === "header" && type === "scalar") blockScalar = "content";
    else if (blockScalar === "content") blockScalar = "none";
    else if (type === "block-scalar-header") blockScalar = "header";
    else if (type === "flow-seq-start" || type === "flow-map-start") flow += 1;
    else if (type === "flow-seq-end" || type === "flow-map-end") flow = Math.max(0, flow - 1);
    else if (type === "flow-error-end") flow = 0;
    else if (flow === 0 && type !== "newline" && type !== "space" && type !== "comment" && type !== "scalar") {
      // The first thing on a line (a key, an indicator) closes the blocks indented deeper than it;
      // each indicator opens one more just after itself.
      if (lineStart) open(column);
      if (type === "seq-item-ind" || type === "explicit-key-ind") open(column + 1);
      lineStart = false;
    }
    if (flow + blocks.length > maxDepth) return "too-deep";
    const lastNewline = token.lastIndexOf("\n");
    if (lastNewline === -1) column += token.length;
    else {
      column = token.length - lastNewline - 1;
      lineStart = true;
    }
  }
  return undefined;
}

/** True when the text nests deeper than `max`, however many parts it has. */
export function yamlNestsDeeperThan(text: string, max: number = YAML_MAX_DEPTH): boolean {
  return yamlSizeProblem(text, { maxDepth: max, maxTokens: Infinity }) === "too-deep";
}
