/**
 * The page a browser gets at GET /graphql: every question as an example operation with demo ids,
 * each runnable in place (the page POSTs it to this endpoint and shows the JSON answer).
 *
 * Why not Apollo's default landing page: it is Apollo Sandbox loaded from Apollo's CDN, so on a
 * machine without internet (this project's CI, an air-gapped lab) it is a blank page. This page is
 * self-contained — no script or style from elsewhere — and still links to Sandbox for those online.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { EXAMPLES, type ExampleOperation } from '../examples.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** JSON for a <script> block: `<` escaped so no value can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function exampleSection(example: ExampleOperation, index: number): string {
  return `<section id="${escapeHtml(example.name)}">
<h2>${escapeHtml(example.title)}</h2>
<pre class="op">${escapeHtml(example.query)}</pre>
<pre class="vars">variables: ${escapeHtml(JSON.stringify(example.variables))}</pre>
<button type="button" data-example="${index}">Run</button>
<pre class="out" id="out-${index}" hidden></pre>
</section>`;
}

export function landingPageHtml(examples: readonly ExampleOperation[] = EXAMPLES): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>hubgraph GraphQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d232a}
pre{background:#f4f6f8;padding:.6rem;white-space:pre-wrap;word-break:break-word;border-radius:4px}
pre.out{background:#0f1720;color:#d6e2ee;max-height:24rem;overflow:auto}
section{border-top:1px solid #dde3e8;padding-top:.5rem}
button{font:inherit;padding:.2rem 1rem;cursor:pointer}
nav a{margin-right:.6rem;white-space:nowrap}
</style></head>
<body>
<h1>hubgraph — the Hugging Face ecosystem as a graph</h1>
<p>POST GraphQL to this URL (<code>{"query": …, "variables": …}</code>). Every recommendation carries its
<code>reason { kind text via }</code>. The social layer (follows) of the demo corpus is a stand-in: the SNAP
GitHub developer follow graph mapped onto Hub creators, not Hugging Face data. Health: <a href="/health">/health</a>,
readiness: <a href="/ready">/ready</a>. Online? Explore the schema in
<a href="https://studio.apollographql.com/sandbox/explorer">Apollo Sandbox</a> with this endpoint.</p>
<nav>${examples.map((e) => `<a href="#${escapeHtml(e.name)}">${escapeHtml(e.name)}</a>`).join(' ')}</nav>
${examples.map(exampleSection).join('\n')}
<script id="examples" type="application/json">${scriptJson(examples.map(({ query, variables }) => ({ query, variables })))}</script>
<script>
const examples = JSON.parse(document.getElementById('examples').textContent);
document.addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-example]');
  if (!button) return;
  const out = document.getElementById('out-' + button.dataset.example);
  out.hidden = false;
  out.textContent = '…';
  try {
    const res = await fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(examples[Number(button.dataset.example)]) });
    out.textContent = JSON.stringify(await res.json(), null, 2);
  } catch (error) {
    out.textContent = String(error);
  }
});
</script>
</body></html>
`;
}

export function landingPagePlugin(examples: readonly ExampleOperation[] = EXAMPLES): ApolloServerPlugin {
  const html = landingPageHtml(examples);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
