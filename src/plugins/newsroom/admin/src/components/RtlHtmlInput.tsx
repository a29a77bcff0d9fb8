// The body editor: TipTap (ProseMirror) bundled from npm, storing HTML, right-to-left by default,
// with a per-paragraph direction switch. The server sanitizes whatever it saves.
import * as React from 'react';
import { Box, Button, Field, Flex } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Extension } from '@tiptap/core';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { getTranslation } from '../translations';

type Direction = 'rtl' | 'ltr';
const BLOCKS = ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem'];

// `dir` and `lang` on every block, so the per-paragraph switch survives a save.
const BlockDirection = Extension.create({
  name: 'blockDirection',
  addGlobalAttributes() {
    return [
      {
        types: BLOCKS,
        attributes: {
          dir: {
            default: null,
            parseHTML: (element: HTMLElement) => element.getAttribute('dir'),
            renderHTML: (attributes: { dir?: string | null }) => (attributes.dir ? { dir: attributes.dir } : {}),
          },
          lang: {
            default: null,
            parseHTML: (element: HTMLElement) => element.getAttribute('lang'),
            renderHTML: (attributes: { lang?: string | null }) => (attributes.lang ? { lang: attributes.lang } : {}),
          },
        },
      },
    ];
  },
});

function setBlockDirection(editor: Editor, dir: Direction) {
  const chain = editor.chain().focus();
  for (const type of ['paragraph', 'heading', 'blockquote']) chain.updateAttributes(type, { dir, lang: null });
  chain.run();
}

const EMPTY = '<p></p>';

interface RtlHtmlInputProps {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  labelAction?: React.ReactNode;
}

export const RtlHtmlInput = React.forwardRef<HTMLDivElement, RtlHtmlInputProps>(
  ({ name, label, hint, required = false, disabled = false, labelAction }, ref) => {
    const { formatMessage } = useIntl();
    const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
    const field = useField<string>(name);
    const direction = useField<string>('dir').value === 'ltr' ? 'ltr' : 'rtl';
    const editor = useEditor({
      extensions: [
        StarterKit.configure({
          heading: { levels: [2, 3, 4] },
          codeBlock: false,
          code: false,
          horizontalRule: false,
          link: {
            openOnClick: false,
            autolink: false,
            protocols: ['http', 'https', 'mailto'],
            HTMLAttributes: { rel: null, target: null },
          },
        }),
        BlockDirection,
      ],
      content: field.value || '',
      editable: !disabled,
      editorProps: {
        attributes: {
          dir: direction,
          lang: direction === 'rtl' ? 'ar' : 'en',
          'aria-label': typeof label === 'string' ? label : name,
          'data-testid': `rtl-html-${name}`,
          // Arabic at a reading size: the admin's root font is 10 px, so the size is set in pixels.
          style: 'min-height: 12rem; padding: 0.75rem 1rem; outline: none; font-size: 18px; line-height: 1.8;',
        },
      },
      onUpdate: ({ editor: current }) => {
        const html = current.getHTML();
        field.onChange(name, html === EMPTY ? '' : html);
      },
    });

    // The server returns sanitized HTML after a save: show it, without marking the form dirty.
    React.useEffect(() => {
      if (!editor) return;
      const current = editor.getHTML();
      const next = field.value || '';
      if (next !== current && !(next === '' && current === EMPTY))
        editor.commands.setContent(next, { emitUpdate: false });
    }, [editor, field.value]);

    const act = (label: string, run: (editor: Editor) => void, active?: boolean) => (
      <Button
        key={label}
        type="button"
        size="S"
        variant={active ? 'secondary' : 'tertiary'}
        disabled={disabled || !editor}
        onClick={() => editor && run(editor)}
      >
        {label}
      </Button>
    );

    return (
      <Field.Root name={name} id={name} error={field.error} hint={hint} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <Box ref={ref} hasRadius borderColor={field.error ? 'danger600' : 'neutral200'} background="neutral0">
          <Flex
            gap={1}
            padding={2}
            wrap="wrap"
            borderColor="neutral200"
            style={{ borderBottom: '1px solid' }}
            role="toolbar"
            aria-label={t('editor.toolbar', 'Formatting')}
          >
            {act(
              t('editor.paragraph', 'Paragraph'),
              (e) => e.chain().focus().setParagraph().run(),
              editor?.isActive('paragraph'),
            )}
            {act(
              t('editor.heading2', 'Heading'),
              (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
              editor?.isActive('heading', { level: 2 }),
            )}
            {act(
              t('editor.heading3', 'Subheading'),
              (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
              editor?.isActive('heading', { level: 3 }),
            )}
            {act(t('editor.bold', 'Bold'), (e) => e.chain().focus().toggleBold().run(), editor?.isActive('bold'))}
            {act(
              t('editor.italic', 'Italic'),
              (e) => e.chain().focus().toggleItalic().run(),
              editor?.isActive('italic'),
            )}
            {act(
              t('editor.bulletList', 'Bulleted list'),
              (e) => e.chain().focus().toggleBulletList().run(),
              editor?.isActive('bulletList'),
            )}
            {act(
              t('editor.orderedList', 'Numbered list'),
              (e) => e.chain().focus().toggleOrderedList().run(),
              editor?.isActive('orderedList'),
            )}
            {act(
              t('editor.blockquote', 'Quotation'),
              (e) => e.chain().focus().toggleBlockquote().run(),
              editor?.isActive('blockquote'),
            )}
            {act(t('editor.link', 'Link'), (e) => {
              const prompt = t('editor.link.prompt', 'Address (http, https or mailto); leave empty to remove the link');
              const href = window.prompt(prompt, e.getAttributes('link').href ?? 'https://');
              if (href === null) return;
              if (href === '') e.chain().focus().unsetLink().run();
              else e.chain().focus().extendMarkRange('link').setLink({ href }).run();
            })}
            {act(t('editor.rtl', 'Right-to-left paragraph'), (e) => setBlockDirection(e, 'rtl'))}
            {act(t('editor.ltr', 'Left-to-right paragraph'), (e) => setBlockDirection(e, 'ltr'))}
          </Flex>
          <EditorContent editor={editor} />
        </Box>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  },
);

export default RtlHtmlInput;
