"""The app's CSS and page-level JavaScript: contrast, focus ring, phone layout, copying share links.

Colours are chosen for a contrast of at least 4.5:1 (WCAG AA) on the theme's light and dark
backgrounds; ``tests/ui/test_browser_layout.py`` measures them in Chromium.
"""

from __future__ import annotations

CSS = """
:root { --ca-muted: #4b5563; --ca-link: #3730a3; --ca-focus: #4338ca; --ca-code-string: #3f6212; }
.dark { --ca-muted: #cbd5e1; --ca-link: #c7d2fe; --ca-focus: #a5b4fc; --ca-code-string: #a3e635; }
body.dark, .dark body { background: var(--body-background-fill); }
button[role="tab"].selected { color: var(--ca-focus) !important; }
input.subdued { color: var(--ca-muted) !important; }
.token.string, .token.attr-value, .token.char, .token.inserted { color: var(--ca-code-string) !important; }
.gradio-container { max-width: 1400px !important; margin: 0 auto; min-width: 0 !important; }
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
#reading-chips { flex-wrap: wrap; gap: .4em; align-items: center; }
#reading-label { flex: 0 1 auto !important; min-width: 0 !important; color: var(--ca-muted); }
#reading-label p { margin: 0; color: var(--ca-muted); }
.reading-chip { border-radius: 999px !important; flex: 0 0 auto !important; width: auto !important;
  min-width: 0 !important; white-space: nowrap; padding: .25em .8em !important; }
#browse-table * { font-family: var(--font) !important; }
#browse-table .selection-button, #browse-table .scroll-top-button { display: none !important; }
#browse-hint p { color: var(--ca-muted); margin: 0; }
#paper-only .info-text { color: var(--ca-muted) !important; }
.plot-scroll { overflow-x: auto; }
#share-toast { position: fixed; left: 50%; bottom: 1.2em; transform: translateX(-50%); z-index: 1000;
  background: #111827; color: #f9fafb; padding: .5em .9em; border-radius: 6px; font-size: .95em;
  max-width: 92vw; overflow-wrap: anywhere; }
/* Gradio scopes rules inside @media to the app's content (.contain), so only content selectors go here. */
@media (max-width: 700px) {
  #chatbot { height: 56vh !important; max-height: 56vh !important; }
  #browse-table, .plot-scroll { max-width: calc(100vw - 72px); min-width: 0; overflow-x: auto; }
  #browse-table .table-container { overflow-x: auto !important; }
  #browse-table .virtual-table-viewport, #browse-table .header-table { min-width: 860px; }
  .plot-scroll img { max-width: none !important; width: 1000px !important; height: auto !important; }
  .plot-scroll .block { overflow: visible !important; width: max-content !important; }
  .plot-scroll .matplotlib { justify-content: flex-start !important; }
  #api-help pre, #api-help code { white-space: pre-wrap !important; overflow-wrap: anywhere; }
}
"""

# A click on "Link to this answer" (chat) or "Link to this view" (Browse) copies the absolute URL
# instead of following the link.
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
  // Scrollable boxes (read-only BibTeX, charts that scroll sideways on a phone) must be reachable
  // with the keyboard.
  const focusable = () => document.querySelectorAll(
      '.cm-scroller:not([tabindex="0"]), .plot-scroll:not([tabindex="0"])').forEach((el) => {
    el.setAttribute('tabindex', '0'); el.setAttribute('role', 'region');
    el.setAttribute('aria-label', el.classList.contains('plot-scroll') ? 'Chart' : 'BibTeX'); });
  new MutationObserver(focusable).observe(document.body, {childList: true, subtree: true});
  focusable();
  document.addEventListener('click', async (event) => {
    const a = event.target.closest && event.target.closest('#chatbot a, #browse-link a');
    if (!a) return;
    const href = a.getAttribute('href') || '';
    const at = href.indexOf('?');
    if (at < 0 || !/^[?](h|q|view)=/.test(href.slice(at))) return;
    event.preventDefault(); event.stopPropagation();
    const url = window.location.origin + window.location.pathname + href.slice(at);
    const ok = await copy(url);
    const what = a.closest('#browse-link') ? 'Link to this view' : 'Link to this answer';
    toast(ok ? what + ' copied: ' + url : 'Copy this link: ' + url);
  }, true);
}"""
