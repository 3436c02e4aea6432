// Loaded only through `await import('./monaco')` when a user edits a cell: first paint never waits for Monaco.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
// Syntax colouring only (Monarch grammars); no TypeScript language service, which would add a 7 MB worker.
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export function createEditor(
  el: HTMLElement,
  opts: { value: string; language: string; onchange: (v: string) => void; onrun: () => void },
): () => void {
  el.textContent = '';
  const editor = monaco.editor.create(el, {
    value: opts.value,
    language: opts.language,
    minimap: { enabled: false },
    automaticLayout: true,
    scrollBeyondLastLine: false,
    fontSize: 13,
    tabSize: 2,
    ariaLabel: 'Cell source (Ctrl+Enter runs)',
  });
  editor.onDidChangeModelContent(() => opts.onchange(editor.getValue()));
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => opts.onrun());
  editor.focus();
  return () => {
    editor.getModel()?.dispose();
    editor.dispose();
  };
}
