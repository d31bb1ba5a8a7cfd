/**
 * Elements the visual editor has no place for. A body containing them opens in HTML mode,
 * because loading it into the visual editor would silently drop them.
 */
const unsupported = /<(figure|figcaption|picture|source|details|summary|dl|dt|dd|section|div|span|sub|sup|abbr|cite|q|kbd|samp|small|mark|ins|del|u|caption|colgroup|col|tfoot)\b/i;

export function needsHtmlMode(html: string): boolean {
  return unsupported.test(html);
}
