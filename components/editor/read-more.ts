import { Node, mergeAttributes } from '@tiptap/core';

/**
 * Blogger's jump break, `<a name="more"></a>`: the home page shows the post up to here with
 * "Read more". In the editor it is a dashed rule that can be selected and deleted.
 */
export const ReadMore = Node.create({
  name: 'readMore',
  group: 'block',
  atom: true,
  selectable: true,
  parseHTML() {
    return [{ tag: 'a[name="more"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['a', mergeAttributes(HTMLAttributes, { name: 'more' })];
  },
  addNodeView() {
    return () => {
      const dom = document.createElement('div');
      dom.className = 'read-more-break';
      dom.setAttribute('contenteditable', 'false');
      dom.setAttribute('role', 'separator');
      dom.setAttribute('aria-label', 'Read more break');
      dom.textContent = 'Read more';
      return { dom };
    };
  },
  addCommands() {
    return {
      insertReadMore:
        () =>
        ({ commands }) =>
          commands.insertContent({ type: this.name }),
    };
  },
});

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    readMore: { insertReadMore: () => ReturnType };
  }
}
