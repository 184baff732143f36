// Platform limits count characters, not UTF-16 units: a text over its limit is cut on a character
// boundary and ends with an ellipsis, so the reader sees that something was left out.
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
