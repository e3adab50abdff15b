'use client';
// CodeMirror 6, loaded only on the problem page and only after the statement (dynamic import).
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import {
  bracketMatching,
  foldGutter,
  foldKeymap,
  HighlightStyle,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from '@codemirror/language';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Compartment, EditorSelection, EditorState, Prec } from '@codemirror/state';
import {
  crosshairCursor,
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { Language } from '@oj/shared';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

export interface CodeEditorHandle {
  focus(): void;
  goToLine(line: number): void;
}

export interface CodeEditorProps {
  /** The document; a change of `documentKey` replaces the editor's content with it. */
  value: string;
  documentKey: string;
  language: Language;
  label: string;
  onChange(code: string): void;
  onRun(): void;
  onSubmit(): void;
}

// Colours come from CSS variables (globals.css), so the editor follows the light/dark theme by itself.
const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--cm-bg)', color: 'var(--cm-property)', height: '100%', fontSize: '13.5px' },
  '.cm-content': { fontFamily: 'var(--font-mono)', caretColor: 'var(--cm-cursor)', padding: '8px 0' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  '.cm-gutters': { backgroundColor: 'var(--cm-gutter)', color: 'var(--cm-gutter-text)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--cm-active)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--cm-active)' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--cm-cursor)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--cm-selection) !important',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-tooltip': { backgroundColor: 'var(--cm-gutter)', border: '1px solid var(--cm-gutter-text)' },
});

const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.moduleKeyword, tags.operatorKeyword], color: 'var(--cm-keyword)' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--cm-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--cm-number)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--cm-comment)', fontStyle: 'italic' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'var(--cm-function)' },
  { tag: [tags.typeName, tags.className, tags.namespace], color: 'var(--cm-type)' },
  { tag: [tags.propertyName, tags.variableName], color: 'var(--cm-property)' },
]);

function languageExtension(language: Language) {
  return javascript({ typescript: language === 'typescript' });
}

const CodeEditor = forwardRef<CodeEditorHandle, CodeEditorProps>(function CodeEditor(props, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const languageSlot = useRef(new Compartment());
  // The latest callbacks, read by the keymap and the update listener (created once).
  const callbacks = useRef(props);
  useEffect(() => {
    callbacks.current = props;
  });

  useEffect(() => {
    if (!host.current) return;
    // The props at creation (callbacks.current, set by the effect above, which runs first).
    const initial = callbacks.current;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initial.value,
        extensions: [
          Prec.highest(
            keymap.of([
              { key: 'Mod-Enter', preventDefault: true, run: () => (callbacks.current.onSubmit(), true) },
              { key: "Mod-'", preventDefault: true, run: () => (callbacks.current.onRun(), true) },
            ]),
          ),
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightSpecialChars(),
          history(),
          foldGutter(),
          drawSelection(),
          dropCursor(),
          EditorState.allowMultipleSelections.of(true),
          indentOnInput(),
          indentUnit.of('  '),
          syntaxHighlighting(highlight),
          bracketMatching(),
          closeBrackets(),
          autocompletion(),
          rectangularSelection(),
          crosshairCursor(),
          highlightActiveLine(),
          highlightSelectionMatches(),
          // Tab indents; Escape then Tab leaves the editor (CodeMirror's accessible tab handling).
          keymap.of([
            ...closeBracketsKeymap,
            ...defaultKeymap,
            ...searchKeymap,
            ...historyKeymap,
            ...foldKeymap,
            ...completionKeymap,
            indentWithTab,
          ]),
          languageSlot.current.of(languageExtension(initial.language)),
          theme,
          EditorView.contentAttributes.of({ 'aria-label': initial.label, 'data-testid': 'code-editor' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // Created once: later prop changes are applied by the effects below.
  }, []);

  useEffect(() => {
    view.current?.dispatch({ effects: languageSlot.current.reconfigure(languageExtension(props.language)) });
  }, [props.language]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const { value } = callbacks.current;
    if (editor.state.doc.toString() !== value) {
      editor.dispatch({
        changes: { from: 0, to: editor.state.doc.length, insert: value },
        selection: EditorSelection.cursor(0),
      });
    }
    // Only a new document (problem or language) replaces the content; typing flows the other way.
  }, [props.documentKey]);

  useImperativeHandle(ref, () => ({
    focus: () => view.current?.focus(),
    goToLine: (line: number) => {
      const editor = view.current;
      if (!editor) return;
      const target = editor.state.doc.line(Math.min(Math.max(1, line), editor.state.doc.lines));
      editor.dispatch({ selection: EditorSelection.cursor(target.from), scrollIntoView: true });
      editor.focus();
    },
  }));

  return <div ref={host} className="h-full min-h-0 overflow-hidden" />;
});

export default CodeEditor;
