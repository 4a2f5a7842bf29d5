'use client';

import { EditorContent, useEditor, type JSONContent } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';

/** The article rendered read-only by TipTap; annotations are drawn on top as decorations. */
export function ArticleReader({ doc }: { doc: JSONContent }) {
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false } })],
    content: doc,
    editable: false,
    immediatelyRender: false,
  });
  return <EditorContent editor={editor} className="article-reader" data-testid="article-reader" />;
}
