#include "render/dom_snapshot.hpp"

namespace amable::render {

std::string_view dom_snapshot_script() {
  // Attributes are written as the page set them (hrefs stay relative, as in raw HTML), so the
  // parser resolves them against the page's own URL, not the browser's.
  static constexpr std::string_view k_script = R"JS((() => {
  const out = [];
  const text = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const quoted = s => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const empty = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
  const raw = new Set(['script', 'style']);
  const walk = (n, rawText) => {
    if (n.nodeType === 3) { out.push(rawText ? n.data : text(n.data)); return; }
    if (n.nodeType !== 1) { if (n.nodeType === 11 || n.nodeType === 9) for (const c of n.childNodes) walk(c, false); return; }
    const tag = n.localName;
    if (tag === 'noscript') return;
    out.push('<' + tag);
    for (const a of n.attributes) out.push(' ' + a.name + '="' + quoted(a.value) + '"');
    out.push('>');
    if (empty.has(tag)) return;
    if (n.shadowRoot) for (const c of n.shadowRoot.childNodes) walk(c, false);
    for (const c of (tag === 'template' ? n.content.childNodes : n.childNodes)) walk(c, raw.has(tag));
    out.push('</' + tag + '>');
  };
  walk(document.documentElement, false);
  return '<!DOCTYPE html>' + out.join('');
})())JS";
  return k_script;
}

}  // namespace amable::render
