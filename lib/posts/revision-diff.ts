import { diffLines, diffWords } from 'diff';

/** HTML with one block element per line, so a line diff lines up with paragraphs. */
function blockLines(html: string): string {
  return html
    .replace(/\r\n?/g, '\n')
    .replace(/(<\/(p|h\d|li|blockquote|pre|table|tr|ul|ol|figure|div)>)/gi, '$1\n')
    .replace(/\n{2,}/g, '\n')
    .trim()
    .concat('\n');
}

export type DiffRow = { left: string | null; right: string | null; kind: 'same' | 'changed' | 'removed' | 'added' };

/** Two bodies side by side: unchanged lines across from each other, changes paired where they can be. */
export function sideBySide(before: string, after: string): DiffRow[] {
  const rows: DiffRow[] = [];
  const parts = diffLines(blockLines(before), blockLines(after));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const lines = part.value.replace(/\n$/, '').split('\n');
    if (!part.added && !part.removed) {
      for (const line of lines) rows.push({ left: line, right: line, kind: 'same' });
    } else if (part.removed && parts[i + 1]?.added) {
      const added = parts[i + 1]!.value.replace(/\n$/, '').split('\n');
      for (let j = 0; j < Math.max(lines.length, added.length); j++) {
        rows.push({ left: lines[j] ?? null, right: added[j] ?? null, kind: 'changed' });
      }
      i++;
    } else if (part.removed) {
      for (const line of lines) rows.push({ left: line, right: null, kind: 'removed' });
    } else {
      for (const line of lines) rows.push({ left: null, right: line, kind: 'added' });
    }
  }
  return rows;
}

/** A title's change as words removed and added. */
export function wordChanges(before: string, after: string) {
  return diffWords(before, after).map((part) => ({
    text: part.value,
    kind: part.added ? ('added' as const) : part.removed ? ('removed' as const) : ('same' as const),
  }));
}
