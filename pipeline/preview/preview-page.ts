/**
 * What the preview adds to the pages it serves, and only there (never to a built file):
 * a tiny script that reloads the page when a newer build is ready (Server-Sent Events),
 * links to the other files of the build, and, when the last build failed, a panel with
 * each problem at file:line:col over the last good page.
 */

import { escapeHtml } from '../markup/escape.js'

/** Where the preview's own URLs live, apart from the built files. */
export const previewPath = '/__charter/'

/** What the page needs to know of the preview's state. */
export interface PreviewState {
  /** Counts web-edition builds (and failed builds): the page reloads when it moves on. */
  webGeneration: number
  /** Counts builds of the printed files: a file's viewer reloads when it moves on. */
  printGeneration: number
  /** The problems of the last build, one line each (`source/en.md:12:3 error ...`); empty when it worked. */
  problems: string[]
  /** The printed files built so far (`charter-reading-a4.pdf`, ...). */
  files: string[]
}

/** Adds the reload script, the file links and any problem panel before `</body>`. */
export function injectPreview(html: string, state: PreviewState, nonce: string): string {
  const addition = [reloadScript('web', state.webGeneration, nonce), fileBar(state.files), problemPanel(state.problems)].join('\n')
  const at = html.lastIndexOf('</body>')
  return at === -1 ? html + addition : html.slice(0, at) + addition + '\n' + html.slice(at)
}

/** The page shown before any web edition was built (the first build failed). */
export function emptyPage(state: PreviewState, nonce: string): string {
  const body = '<p style="font:16px/1.5 system-ui,sans-serif;margin:2rem">No page built yet: fix the problem below and save.</p>'
  return injectPreview(`<!doctype html><html><head><meta charset="utf-8"><title>charter preview</title></head><body>${body}</body></html>`, state, nonce)
}

/** A page showing one printed file, reloaded when that file is rebuilt. */
export function viewerPage(file: string, state: PreviewState, nonce: string): string {
  const source = `/${encodeURIComponent(file)}`
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(file)} · charter preview</title></head>
<body style="margin:0;height:100vh;display:flex;flex-direction:column">
${fileBar(state.files)}
<iframe src="${escapeHtml(source)}" title="${escapeHtml(file)}" style="flex:1;border:0;width:100%"></iframe>
${reloadScript('print', state.printGeneration, nonce)}
${problemPanel(state.problems)}
</body></html>`
}

/** Reloads when the build counter (the page's script: the preview's CSP runs only scripts with its `nonce`) of `kind` differs from the one the page was served with. */
function reloadScript(kind: 'web' | 'print', generation: number, nonce: string): string {
  return `<script nonce="${escapeHtml(nonce)}">new EventSource("${previewPath}events").onmessage=function(e){if(JSON.parse(e.data).${kind}!==${generation})location.reload()}</script>`
}

function fileBar(files: string[]): string {
  if (files.length === 0) return ''
  // A PDF opens in a viewer that reloads with each build; an EPUB is a download.
  const href = (file: string) => (file.endsWith('.pdf') ? `${previewPath}view/${encodeURIComponent(file)}` : `/${encodeURIComponent(file)}`)
  const links = [`<a href="/" style="color:inherit">web</a>`, ...files.map((file) => `<a href="${href(file)}" style="color:inherit">${escapeHtml(file)}</a>`)]
  return `<nav id="charter-preview-files" style="position:fixed;right:0.5rem;bottom:0.5rem;z-index:2147483646;display:flex;flex-wrap:wrap;gap:0.75rem;padding:0.35rem 0.7rem;border-radius:0.4rem;background:#222;color:#fff;font:12px/1.4 system-ui,sans-serif;opacity:0.85">${links.join('')}</nav>`
}

function problemPanel(problems: string[]): string {
  if (problems.length === 0) return ''
  return `<div id="charter-preview-problems" role="alert" style="position:fixed;left:0;right:0;top:0;z-index:2147483647;max-height:60vh;overflow:auto;margin:0;padding:1rem 1.25rem;background:#7a1010;color:#fff;font:14px/1.5 ui-monospace,monospace;box-shadow:0 2px 12px rgba(0,0,0,0.4)">
<div style="font:600 15px/1.4 system-ui,sans-serif;margin-bottom:0.5rem">The text has a problem. This page is the last good build; fix the file and save.</div>
<pre style="margin:0;white-space:pre-wrap;font:inherit">${escapeHtml(problems.join('\n'))}</pre></div>`
}
