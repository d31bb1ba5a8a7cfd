import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { marked } from 'marked';

/** Plain text that reads as Markdown: headings, lists, quotes, fences, emphasis or links. */
export function looksLikeMarkdown(text: string): boolean {
  return /(^|\n)(#{1,6} |> |[-*+] |\d+\. |```)|\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)/.test(text);
}

/** Pasting Markdown (plain text only) inserts the formatted content, as authors expect. */
export const MarkdownPaste = Extension.create({
  name: 'markdownPaste',
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        props: {
          handlePaste(_view, event) {
            const data = event.clipboardData;
            if (!data || data.types.includes('text/html')) return false;
            const text = data.getData('text/plain');
            if (!text || !looksLikeMarkdown(text)) return false;
            const html = marked.parse(text, { async: false, gfm: true, breaks: false });
            editor.commands.insertContent(html);
            return true;
          },
        },
      }),
    ];
  },
});
