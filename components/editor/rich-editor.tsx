'use client';

import { useEffect, useRef, useState } from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { uploaded } from '@/lib/http/admin-replies';
import { postForm } from '@/lib/http/form-reply';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { MarkdownPaste } from './markdown-paste';
import { ReadMore } from './read-more';
import { needsHtmlMode } from './unsupported';

type Mode = 'compose' | 'html';

/**
 * Blogger's Compose / HTML modes. Without JavaScript the HTML textarea is the editor; with it,
 * a Tiptap editor with Markdown shortcuts (## heading, > quote, **bold**, - list, ``` code) and
 * Markdown paste. A body with elements the visual editor can't hold opens in HTML mode, so
 * nothing is ever dropped. Whatever the mode, the form sends `name` as HTML; the server
 * sanitises it.
 */
export function RichEditor({
  id,
  name,
  labelId,
  defaultValue,
  describedBy,
  invalid,
  onChange,
  onImageUploaded,
}: {
  id: string;
  name: string;
  labelId: string;
  defaultValue: string;
  describedBy?: string;
  invalid?: boolean;
  /** Called whenever the body changes, in either mode (autosave listens). */
  onChange?: () => void;
  /** Called after each upload, so the form can offer the image as a cover. */
  onImageUploaded?: (image: { src: string; name: string }) => void;
}) {
  const [html, setHtml] = useState(defaultValue);
  const [mode, setMode] = useState<Mode | null>(null);
  const [notice, setNotice] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const editorRef = useRef<Editor | null>(null);

  /** Uploads image files and inserts them where the caret (or the drop) is, asking for alt text. */
  async function uploadImages(files: File[], at?: number) {
    const images = files.filter((f) => f.type.startsWith('image/'));
    if (images.length === 0) return false;
    for (const file of images) {
      setNotice(`Uploading ${file.name}…`);
      const body = new FormData();
      body.set('file', file);
      try {
        const reply = await postForm('/api/media', body, uploaded);
        if (reply.kind === 'unreadable') throw new Error(`upload answered ${reply.status}`);
        if (reply.kind === 'refused') {
          setNotice(reply.message ?? 'The image could not be uploaded.');
          return true;
        }
        const data = reply.data;
        onImageUploaded?.({ src: data.src, name: file.name });
        const alt = window.prompt(`Describe “${file.name}” for people who cannot see it (alt text):`) ?? '';
        const chain = editorRef.current?.chain().focus();
        (at === undefined ? chain : chain?.setTextSelection(at))?.setImage({ src: data.src, alt }).run();
        setNotice(undefined);
      } catch {
        setNotice('The image could not be uploaded; check your connection and try again.');
      }
    }
    return true;
  }

  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({ link: { openOnClick: false, autolink: true, defaultProtocol: 'https' }, heading: { levels: [2, 3, 4] } }),
      Image.configure({ inline: false }),
      Table.configure({ resizable: false }),
      TableRow,
      TableHeader,
      TableCell,
      ReadMore,
      MarkdownPaste,
    ],
    content: defaultValue,
    editorProps: {
      handleDrop: (view, event) => {
        const files = [...(event.dataTransfer?.files ?? [])];
        if (!files.some((f) => f.type.startsWith('image/'))) return false;
        event.preventDefault();
        const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
        void uploadImages(files, pos);
        return true;
      },
      handlePaste: (_view, event) => {
        const files = [...(event.clipboardData?.files ?? [])];
        if (!files.some((f) => f.type.startsWith('image/'))) return false;
        void uploadImages(files);
        return true;
      },
      attributes: {
        id: `${id}-visual`,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        class:
          'prose prose-stone max-w-none min-h-80 px-4 py-3 font-serif focus:outline-none dark:prose-invert prose-a:text-accent',
      },
    },
    onUpdate: ({ editor: e }) => {
      setHtml(e.getHTML());
      onChange?.();
    },
  });
  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  // After hydration: compose unless the body needs HTML mode.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the server and the first client render agree on the HTML textarea (the no-JavaScript editor); only then may it change
    setMode(needsHtmlMode(defaultValue) ? 'html' : 'compose');
    if (needsHtmlMode(defaultValue)) {
      setNotice('This text has formatting the visual editor cannot show, so it opens in HTML mode.');
    }
  }, [defaultValue]);

  function switchTo(next: Mode) {
    if (next === mode) return;
    if (next === 'compose') {
      if (needsHtmlMode(html)) {
        setNotice('The HTML has elements the visual editor would drop (for example <figure>, <sup> or <div>); stay in HTML mode to keep them.');
        return;
      }
      editor?.commands.setContent(html, { emitUpdate: false });
    }
    setNotice(undefined);
    setMode(next);
  }

  const compose = mode === 'compose' && editor;
  return (
    <div className="overflow-hidden rounded-md border border-stone-300 bg-white dark:border-stone-700 dark:bg-stone-900">
      {mode ? (
        <div className="flex flex-wrap items-center gap-1 border-b border-stone-200 bg-stone-50 p-1 dark:border-stone-700 dark:bg-stone-800">
          <div role="group" aria-label="Editor mode" className="mr-2 flex rounded-md border border-stone-300 dark:border-stone-600">
            {(['compose', 'html'] as const).map((m) => (
              <button
                key={m}
                type="button"
                aria-pressed={mode === m}
                onClick={() => switchTo(m)}
                className={`px-2.5 py-1 text-xs font-semibold ${mode === m ? 'bg-stone-800 text-white dark:bg-stone-200 dark:text-stone-900' : ''}`}
              >
                {m === 'compose' ? 'Compose' : 'HTML'}
              </button>
            ))}
          </div>
          {compose ? <Toolbar editor={editor} onImage={() => fileInput.current?.click()} /> : null}
          <label htmlFor={`${id}-upload`} className="sr-only">
            Upload an image
          </label>
          <input
            ref={fileInput}
            id={`${id}-upload`}
            type="file"
            accept="image/jpeg,image/png,image/gif,image/webp,image/avif"
            className="sr-only"
            tabIndex={-1}
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              void uploadImages(files);
            }}
          />
        </div>
      ) : null}
      {notice ? (
        <p role="status" className="border-b border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          {notice}
        </p>
      ) : null}
      {compose ? (
        <>
          <input type="hidden" name={name} value={html} />
          <EditorContent editor={editor} />
        </>
      ) : (
        <textarea
          id={id}
          name={name}
          required
          rows={18}
          value={html}
          onChange={(event) => {
            setHtml(event.target.value);
            onChange?.();
          }}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          className="block w-full border-0 bg-transparent px-3 py-2 font-mono text-sm leading-relaxed focus:ring-2 focus:ring-accent/30 focus:outline-none"
        />
      )}
    </div>
  );
}

function Toolbar({ editor, onImage }: { editor: Editor; onImage: () => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      quote: e.isActive('blockquote'),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
      code: e.isActive('codeBlock'),
      link: e.isActive('link'),
    }),
  });
  const chain = () => editor.chain().focus();
  const buttons: { label: string; text: string; active?: boolean; run: () => void }[] = [
    { label: 'Heading', text: 'H2', active: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { label: 'Subheading', text: 'H3', active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { label: 'Bold', text: 'B', active: state.bold, run: () => chain().toggleBold().run() },
    { label: 'Italic', text: 'I', active: state.italic, run: () => chain().toggleItalic().run() },
    {
      label: 'Link',
      text: 'Link',
      active: state.link,
      run: () => {
        if (editor.isActive('link')) return chain().unsetLink().run();
        const href = window.prompt('Link address (https://…)');
        if (href) chain().extendMarkRange('link').setLink({ href }).run();
      },
    },
    { label: 'Quote', text: '❝', active: state.quote, run: () => chain().toggleBlockquote().run() },
    { label: 'Bulleted list', text: '•', active: state.bullets, run: () => chain().toggleBulletList().run() },
    { label: 'Numbered list', text: '1.', active: state.numbers, run: () => chain().toggleOrderedList().run() },
    { label: 'Code block', text: '</>', active: state.code, run: () => chain().toggleCodeBlock().run() },
    { label: 'Image', text: 'Image', run: onImage },
    { label: 'Table', text: 'Table', run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    { label: 'Read more break', text: 'Read more', run: () => chain().insertReadMore().run() },
  ];
  return (
    <div role="toolbar" aria-label="Formatting" className="flex flex-wrap gap-0.5">
      {buttons.map((b) => (
        <button
          key={b.label}
          type="button"
          title={b.label}
          aria-label={b.label}
          aria-pressed={b.active === undefined ? undefined : b.active}
          onClick={b.run}
          className={`min-w-8 rounded px-2 py-1 text-xs font-semibold hover:bg-stone-200 dark:hover:bg-stone-700 ${b.active ? 'bg-stone-200 dark:bg-stone-700' : ''}`}
        >
          {b.text}
        </button>
      ))}
    </div>
  );
}
