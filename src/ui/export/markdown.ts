/** "Notebook (.md)": the shipped Markdown with the user's edits and changed input values written in place. */
import { applyEdits, type InputValue, type Notebook } from '../../notebook/format';

export function notebookMarkdown(nb: Notebook, edits: Record<string, string>, inputs: Record<string, InputValue>): string {
  return applyEdits(nb, edits, inputs);
}
