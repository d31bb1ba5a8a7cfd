// Characters XML 1.0 cannot hold at all (control characters other than tab and newlines).
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text or attribute value, escaped for XML. */
export function xmlText(value: string): string {
  return value
    .replace(INVALID, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A CDATA section that survives "]]>" inside the text (WordPress writes bodies this way). */
export function cdata(value: string): string {
  return `<![CDATA[${value.replace(INVALID, '').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
