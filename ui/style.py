"""The app's CSS and page-level JavaScript: contrast, focus ring, phone layout, copying share links.

Colours are chosen for a contrast of at least 4.5:1 (WCAG AA) on the theme's light and dark
backgrounds; ``tests/ui/test_browser_layout.py`` measures them in Chromium.
"""

from __future__ import annotations

CSS = """
:root { --ca-muted: #4b5563; --ca-link: #3730a3; --ca-focus: #4338ca; }
.dark { --ca-muted: #cbd5e1; --ca-link: #c7d2fe; --ca-focus: #a5b4fc; }
.gradio-container { max-width: 1400px !important; margin: 0 auto; }
#app-header h1 { margin-bottom: 0; }
#app-header p { margin-top: .2em; color: var(--ca-muted) !important; }
textarea::placeholder, input::placeholder { color: var(--ca-muted) !important; opacity: 1 !important; }
footer, footer a, footer button, footer span, footer div { color: var(--ca-muted) !important; }
.prose a, .md a, #chat-sources a, #chatbot a, #detail a { color: var(--ca-link) !important; }
#question textarea:focus-visible, #question textarea:focus, #feedback-note textarea:focus,
#f-text input:focus, #f-year-from input:focus, #f-year-to input:focus {
  outline: 3px solid var(--ca-focus) !important; outline-offset: 1px; }
#chat-sources .sources { margin: 0; padding-left: 0; list-style: none; }
#chat-sources .source { margin: 0 0 .8em 0; line-height: 1.35; }
#chat-sources .source-n { font-weight: 600; color: var(--ca-link); margin-right: .25em; }
#chat-sources .source-title { font-weight: 600; }
#chat-sources .source-meta { color: var(--ca-muted); font-size: .92em; }
#chat-sources .source-url a { text-decoration: underline; padding: 0; }
#chat-sources .source-note { color: var(--ca-muted); font-style: italic; margin-left: .4em; }
#chat-sources .sources-empty { color: var(--ca-muted); }
#chat-sources { padding: .6em .8em; }
#chat-notice { color: var(--ca-muted); }
#browse-table * { font-family: var(--font) !important; }
#browse-hint p { color: var(--ca-muted); margin: 0; }
.plot-scroll { overflow-x: auto; }
#share-toast { position: fixed; left: 50%; bottom: 1.2em; transform: translateX(-50%); z-index: 1000;
  background: #111827; color: #f9fafb; padding: .5em .9em; border-radius: 6px; font-size: .95em;
  max-width: 92vw; overflow-wrap: anywhere; }
@media (max-width: 700px) {
  #chatbot { height: 56vh !important; max-height: 56vh !important; }
  #browse-table table { min-width: 860px; }
  #browse-table .table-wrap, #browse-table .table-container { overflow-x: auto !important; }
  .plot-scroll img { max-width: none !important; width: 1000px !important; height: auto !important; }
  .plot-scroll .plot-container, .plot-scroll > div { overflow-x: auto !important; }
}
"""

# A click on "Link to this answer" copies the absolute URL instead of following the link.
JS = """() => {
  function toast(text) {
    let t = document.getElementById('share-toast');
    if (!t) { t = document.createElement('div'); t.id = 'share-toast'; t.setAttribute('role', 'status');
              document.body.appendChild(t); }
    t.textContent = text; t.hidden = false;
    clearTimeout(t._timer); t._timer = setTimeout(() => { t.hidden = true; }, 4000);
  }
  async function copy(text) {
    try { await navigator.clipboard.writeText(text); return true; } catch (e) {
      const area = document.createElement('textarea'); area.value = text; document.body.appendChild(area);
      area.select(); const ok = document.execCommand('copy'); area.remove(); return ok; }
  }
  document.addEventListener('click', async (event) => {
    const a = event.target.closest && event.target.closest('#chatbot a');
    if (!a) return;
    const href = a.getAttribute('href') || '';
    const at = href.indexOf('?');
    if (at < 0 || !/^[?](h|q)=/.test(href.slice(at))) return;
    event.preventDefault(); event.stopPropagation();
    const url = window.location.origin + window.location.pathname + href.slice(at);
    const ok = await copy(url);
    toast(ok ? 'Link to this answer copied: ' + url : 'Copy this link: ' + url);
  }, true);
}"""
