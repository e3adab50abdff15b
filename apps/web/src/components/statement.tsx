// Rendered on the server: the Markdown and KaTeX code never reach the browser, only their HTML.
import 'katex/dist/katex.min.css';
import ReactMarkdown from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';

export function Statement({ markdown, lang }: { markdown: string; lang: string }) {
  return (
    <div className="statement" lang={lang} data-testid="statement">
      <ReactMarkdown
        remarkPlugins={[remarkMath, remarkGfm]}
        rehypePlugins={[[rehypeKatex, { throwOnError: false, strict: 'ignore' }]]}
        skipHtml
      >
        {markdown}
      </ReactMarkdown>
    </div>
  );
}
