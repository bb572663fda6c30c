/**
 * The page a browser gets at GET /graphql: every question as an example operation with demo ids,
 * editable and runnable in place (the page POSTs it to this endpoint and shows the JSON answer),
 * then the mutations, which send the API key typed into the page (never put in the page by the
 * server: anyone who can load it could read it).
 *
 * Why not Apollo's default landing page: it is Apollo Sandbox loaded from Apollo's CDN, so on a
 * machine without internet (this project's CI, an air-gapped lab) it is a blank page. This page is
 * self-contained — no script or style from elsewhere — and still links to Sandbox for those online.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { EXAMPLES, MUTATION_EXAMPLES, type ExampleOperation } from '../examples.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** JSON for a <script> block: `<` escaped so no value can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** Rows a text area needs to show `text` without scrolling (the page is ~100 characters wide). */
const rows = (text: string) => Math.min(12, text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 100)), 0));

/**
 * One example: the operation and its variables in text areas (a person changes the ids and runs
 * it again), the demo note when the demo cannot answer it, and where the answer goes.
 */
function exampleSection(example: ExampleOperation, index: number): string {
  const variables = JSON.stringify(example.variables, null, 1).replace(/\n\s*/g, ' ');
  return `<section id="${escapeHtml(example.name)}">
<h2>${escapeHtml(example.title)}</h2>
${example.demoNote ? `<p class="note">On the demo: ${escapeHtml(example.demoNote)}</p>\n` : ''}<textarea class="op" id="op-${index}" rows="${rows(example.query)}" spellcheck="false" aria-label="operation">${escapeHtml(example.query)}</textarea>
<label>variables <textarea class="vars" id="vars-${index}" rows="1" spellcheck="false">${escapeHtml(variables)}</textarea></label>
<button type="button" data-example="${index}">Run</button>
<pre class="out" id="out-${index}" hidden></pre>
</section>`;
}

export function landingPageHtml(examples: readonly ExampleOperation[] = EXAMPLES, mutations: readonly ExampleOperation[] = MUTATION_EXAMPLES): string {
  const all = [...examples, ...mutations];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>hubgraph GraphQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d232a}
pre{background:#f4f6f8;padding:.6rem;white-space:pre-wrap;word-break:break-word;border-radius:4px}
pre.out{background:#0f1720;color:#d6e2ee;max-height:24rem;overflow:auto}
textarea{display:block;box-sizing:border-box;width:100%;font:13px/1.4 ui-monospace,monospace;background:#f4f6f8;border:1px solid #dde3e8;border-radius:4px;padding:.5rem;margin:.3rem 0;resize:vertical}
label{display:block;color:#52606d;font-size:13px}
p.note{color:#7a4d00;background:#fff6e0;padding:.3rem .6rem;border-radius:4px}
section{border-top:1px solid #dde3e8;padding-top:.5rem}
button{font:inherit;padding:.2rem 1rem;cursor:pointer}
input{font:13px ui-monospace,monospace;width:28rem;max-width:100%;padding:.2rem}
nav a{margin-right:.6rem;white-space:nowrap}
</style></head>
<body>
<h1>hubgraph — the Hugging Face ecosystem as a graph</h1>
<p>POST GraphQL to this URL (<code>{"query": …, "variables": …}</code>). Every recommendation carries its
<code>reason { kind text via }</code>. The social layer (follows) of the demo corpus is a stand-in: the SNAP
GitHub developer follow graph mapped onto Hub creators, not Hugging Face data. Each example below is editable:
change an id and run it again. Health: <a href="/health">/health</a>,
readiness: <a href="/ready">/ready</a>. Online? Explore the schema in
<a href="https://studio.apollographql.com/sandbox/explorer">Apollo Sandbox</a> with this endpoint.</p>
<nav>${all.map((e) => `<a href="#${escapeHtml(e.name)}">${escapeHtml(e.name)}</a>`).join(' ')}</nav>
${examples.map(exampleSection).join('\n')}
<h2 id="mutations">Mutations</h2>
<p>Mutations need the API key, sent as <code>Authorization: Bearer &lt;key&gt;</code>: the key <code>npm start</code>
printed (kept in <code>.neo4j/api-key</code>), or the server's <code>HUBGRAPH_API_KEY</code>. It stays in this page.</p>
<label>API key <input id="api-key" type="password" autocomplete="off" placeholder="the key npm start printed"></label>
${mutations.map((e, i) => exampleSection(e, examples.length + i)).join('\n')}
<script id="notes" type="application/json">${scriptJson(all.map((e) => e.demoNote ?? null))}</script>
<script>
const notes = JSON.parse(document.getElementById('notes').textContent);
// An answer with nothing in it: [] itself, or a connection or group with no items.
const empty = (answer) => Array.isArray(answer) ? answer.length === 0 : !!answer && typeof answer === 'object' && Object.values(answer).some((v) => Array.isArray(v) && v.length === 0);
document.addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-example]');
  if (!button) return;
  const i = button.dataset.example;
  const out = document.getElementById('out-' + i);
  out.hidden = false;
  let variables;
  try {
    variables = JSON.parse(document.getElementById('vars-' + i).value || '{}');
  } catch (error) {
    out.textContent = 'variables are not JSON: ' + error.message;
    return;
  }
  out.textContent = '…';
  const key = document.getElementById('api-key').value.trim();
  const headers = { 'content-type': 'application/json', ...(key ? { authorization: 'Bearer ' + key } : {}) };
  try {
    const res = await fetch(location.pathname, { method: 'POST', headers, body: JSON.stringify({ query: document.getElementById('op-' + i).value, variables }) });
    const body = await res.json();
    const answer = body.data ? Object.values(body.data)[0] : undefined;
    const note = notes[Number(i)];
    out.textContent = (note && !body.errors && empty(answer) ? 'On the demo: ' + note + '\\n\\n' : '') + JSON.stringify(body, null, 2);
  } catch (error) {
    out.textContent = String(error);
  }
});
</script>
</body></html>
`;
}

export function landingPagePlugin(examples: readonly ExampleOperation[] = EXAMPLES, mutations: readonly ExampleOperation[] = MUTATION_EXAMPLES): ApolloServerPlugin {
  const html = landingPageHtml(examples, mutations);
  return {
    serverWillStart() {
      return Promise.resolve({ renderLandingPage: () => Promise.resolve({ html }) });
    },
  };
}
