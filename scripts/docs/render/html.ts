/** The few HTML helpers the renderer shares: escaping, ids and the tab widget's markup. */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** `text` as a code span. */
export function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

/** A fragment id made of letters, digits and dashes (`Decisions on the published contradictions` → `Decisions-on-the-published-contradictions`). */
export function slug(text: string): string {
  return text
    .replace(/<[^>]*>/g, "")
    .replace(/&[a-z]+;/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
}

export interface Tab {
  label: string;
  /** The panel's HTML. */
  panel: string;
}

/**
 * An ARIA tab widget drawn in its first state: the first tab selected, the other panels `hidden`. The
 * page's script switches tabs (click, arrow keys, Home, End); without scripts the page's `noscript` style
 * shows every panel under its label instead of the tab list. `id` must be unique on the page.
 */
export function tabs(id: string, name: string, entries: Tab[]): string {
  if (entries.length === 0) return "";
  const list = entries
    .map(
      (entry, index) =>
        `<button type="button" role="tab" id="${id}-tab-${index}" aria-controls="${id}-panel-${index}" ` +
        `aria-selected="${index === 0}" tabindex="${index === 0 ? 0 : -1}">${escapeHtml(entry.label)}</button>`,
    )
    .join("");
  const panels = entries
    .map(
      (entry, index) =>
        `<div role="tabpanel" id="${id}-panel-${index}" aria-labelledby="${id}-tab-${index}"${index === 0 ? "" : " hidden"}>` +
        `<p class="panel-label">${escapeHtml(entry.label)}</p>${entry.panel}</div>`,
    )
    .join("");
  return `<div class="tabs"><div role="tablist" aria-label="${escapeHtml(name)}">${list}</div>${panels}</div>`;
}

/** HTML in a `<pre>` that the keyboard can scroll sideways too (it takes focus). */
export function preformatted(html: string, className = ""): string {
  const classes = className === "" ? "" : ` class="${className}"`;
  return `<pre tabindex="0"${classes}><code>${html}</code></pre>`;
}
