// The look every picture shares: a white card with dark text (legible in Discord's and Slack's dark
// and light themes alike), and colours that colour-blind readers tell apart: one blue scale for
// amounts, orange against blue for the two charts, never red against green.
export const FONT_FAMILY = "Noto Sans JP";
export const WIDTH = 1000;

export const COLOURS = {
  background: "#ffffff",
  text: "#1f2328",
  quiet: "#57606a",
  grid: "#d8dee4",
  /** A study day without reviews. */
  emptyDay: "#ebedf0",
  /** Study days with reviews, fewer to more. */
  levels: ["#9ecae1", "#4292c6", "#2171b5", "#08306b"],
  forecast: "#e08214",
  retention: "#2171b5",
  self: "#fdb863",
} as const;

export const TEXT = { color: COLOURS.text, fontFamily: FONT_FAMILY, fontWeight: "normal" as const };
