// How deeply a YAML text nests, measured before the yaml library builds a document from it. The
// library composes nodes recursively: a hostile upload nested thousands deep ("- - - - ... x", or
// "[[[[...]]]]") exhausts the stack, and when that happens while V8 compiles a regular expression the
// process dies (a fatal out-of-memory error, which no catch sees). Its lexer is iterative and knows
// quotes, comments and block scalars, so brackets or dashes inside text are not counted.
import { CST, Lexer } from "yaml";

/** Far more than a deck needs (items, an item, choices, a choice, its text: five), far less than the library survives. */
export const YAML_MAX_DEPTH = 64;

/**
 * True when the text nests deeper than `max`. Depth counts the open flow collections ([ and {) and
 * the block collections opened by indentation and by indicators ("-", "?") on the current line.
 * Stops reading as soon as the limit is passed.
 */
export function yamlNestsDeeperThan(text: string, max: number = YAML_MAX_DEPTH): boolean {
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
    if (flow + blocks.length > max) return true;
    const lastNewline = token.lastIndexOf("\n");
    if (lastNewline === -1) column += token.length;
    else {
      column = token.length - lastNewline - 1;
      lineStart = true;
    }
  }
  return false;
}
