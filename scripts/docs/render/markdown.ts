/**
 * CommonMark (with GitHub's tables) → HTML, by marked. The descriptions are the contract's own, so raw HTML
 * in them passes as written. Headings move below the level of the part they sit in, so the page's outline
 * never skips a level; wide tables and code blocks scroll sideways and take focus, so a keyboard can scroll them.
 */
import { Marked, Renderer, type Tokens } from "marked";
import { slug } from "./html.js";

function markedFor(headingLevel: number): Marked {
  return new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth }: Tokens.Heading): string {
        const text = this.parser.parseInline(tokens);
        const level = Math.min(6, headingLevel + depth - 1);
        return `<h${level} id="section/${slug(text)}">${text}</h${level}>\n`;
      },
      table(token: Tokens.Table): string {
        return `<div class="table-wrap" tabindex="0">${Renderer.prototype.table.call(this, token)}</div>\n`;
      },
      code({ text }: Tokens.Code): string {
        return `<pre tabindex="0"><code>${text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</code></pre>\n`;
      },
    },
  });
}

const byLevel = new Map<number, Marked>();

/** `text` as HTML; its `#` headings become `<h{headingLevel}>`, `##` the level below, and so on. */
export function markdown(text: string, headingLevel = 3): string {
  let renderer = byLevel.get(headingLevel);
  if (renderer === undefined) {
    renderer = markedFor(headingLevel);
    byLevel.set(headingLevel, renderer);
  }
  return renderer.parse(text, { async: false });
}

/** One line of Markdown (a summary, a table cell) as inline HTML. */
export function inlineMarkdown(text: string): string {
  return markedFor(3).parseInline(text, { async: false });
}

export interface DescriptionParts {
  /** What comes before the first top-level heading. */
  intro: string;
  /** Each top-level heading and the Markdown under it. */
  sections: { title: string; body: string }[];
  /** The depth of the top-level headings (`##` is 2). */
  depth: number;
}

/** Splits a description at its top-level headings (the shallowest level it uses), code blocks respected. */
export function splitAtHeadings(text: string): DescriptionParts {
  const tokens = new Marked({ gfm: true }).lexer(text);
  const depths = tokens.filter((token): token is Tokens.Heading => token.type === "heading").map((token) => token.depth);
  const top = Math.min(...depths);
  const parts: DescriptionParts = { intro: "", sections: [], depth: Number.isFinite(top) ? top : 1 };
  for (const token of tokens) {
    if (token.type === "heading" && (token as Tokens.Heading).depth === top) {
      parts.sections.push({ title: (token as Tokens.Heading).text, body: "" });
      continue;
    }
    const current = parts.sections.at(-1);
    if (current) current.body += token.raw;
    else parts.intro += token.raw;
  }
  return parts;
}
