/** Small text helpers shared by the server and the web app. */

/**
 * At most `max` characters, cut at a word boundary with an ellipsis when shortened (at the
 * character itself when the last word boundary is too far back), never inside a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
