#include "parse/html_parser.hpp"

#include <gumbo.h>

#include <algorithm>
#include <utility>
#include <array>
#include <cstring>
#include <tuple>

#include "parse/arena.hpp"
#include "parse/element_kinds.hpp"
#include "parse/encoding.hpp"
#include "parse/raw_text.hpp"
#include "parse/script_signals.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace amable::parse {
namespace {

using model::Region;
using namespace elements;

// ---- text accumulation -----------------------------------------------------------------------

// Appends text with HTML white-space collapsing; `pending` carries a space across calls.
// Appends `s` with runs of white space collapsed to one space. Stops at `cap` bytes, never
// inside a UTF-8 sequence; returns false when some of `s` was left out for the cap.
bool append_collapsed(std::string& out, bool& pending, std::string_view s, size_t cap) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    bool space = util::is_ascii_space(c);
    if (!space && static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;
      ++i;
    }
    if (space) {
      pending = !out.empty() && out.back() != '\n';
      continue;
    }
    // A sequence's continuation bytes follow its lead byte past the cap.
    if (out.size() >= cap && (static_cast<unsigned char>(c) & 0xC0) != 0x80) return false;
    if (pending) {
      out.push_back(' ');
      pending = false;
    }
    out.push_back(c);
  }
  return true;
}

struct Capture {
  std::string text;
  bool pending = false;
  int microdata = -1;  // index in Page::microdata
  int form = -1, field = -1;  // a form field's label or a select option
  bool option = false;
  std::string label_for;  // <label for=...>
  size_t fields_before = 0;  // fields of `form` that existed when a wrapping <label> opened
};

struct Ctx {
  Region region = Region::main;
  uint16_t flags = 0;  // inherited model::BlockFlag bits
  bool hidden = false;
  bool guard = false;
  bool sectioning = false;
  uint8_t heading = 0;
  int heading_index = -1;
  int link = -1;
  int16_t form = -1;
  int select_field = -1;
  int itemscope = -1;  // index into Walker::m_itemtypes
  bool in_select = false;  // option texts belong to the form field, not to the page text
};

struct Frame {
  const GumboNode* node;
  unsigned next_child = 0;
  Ctx ctx;
  bool block = false;
  std::vector<int> captures;  // opened by this element, closed when it ends
};

class Walker {
 public:
  Walker(model::Page& page, const ParseLimits& limits, const RawTextCut& cut, bool includes_inlined)
      : m_page(page), m_limits(limits), m_cut(cut), m_inlined(includes_inlined) {}

  void walk(const GumboNode* root);

 private:
  void enter_element(Frame& f, const Frame* parent, size_t depth);
  void leave_element(Frame& f);
  void text(std::string_view s, const Ctx& ctx);
  void line_break(const Ctx& ctx);
  void flush_block(const std::vector<Frame>& stack);
  std::string selector(const std::vector<Frame>& stack) const;
  std::string resolve(std::string_view href) const;
  void head_element(const GumboNode* n, GumboTag tag);
  void record_element(const GumboNode* n, const std::string& tag, const Ctx& ctx);
  void record_script(const GumboNode* n);
  std::string element_text(const GumboNode* n, size_t cap) const;
  int open_capture(Capture c) {
    m_captures.push_back(std::move(c));
    m_open_captures.push_back(static_cast<int>(m_captures.size() - 1));
    return static_cast<int>(m_captures.size() - 1);
  }
  void close_capture(int idx);

  model::Page& m_page;
  const ParseLimits& m_limits;
  const RawTextCut& m_cut;  // script and style contents Gumbo did not see
  bool m_inlined;           // include attributes were acted on: not signs of scripts any more
  std::vector<Frame>* m_stack = nullptr;

  // The block being filled.
  std::string m_block;
  bool m_pending = false;
  Region m_block_region = Region::main;
  uint16_t m_block_flags = 0;
  uint8_t m_block_heading = 0;
  std::vector<model::Span> m_block_guarded;
  size_t m_block_link_chars = 0;

  std::vector<std::string> m_itemtypes;
  std::vector<Capture> m_captures;
  std::vector<int> m_open_captures;
  std::vector<bool> m_link_pending;
  std::vector<bool> m_heading_pending;
  std::vector<bool> m_form_pending;
  // <label for=id> texts, applied when the walk ends (the field may come after its label).
  std::vector<std::tuple<int, std::string, std::string>> m_labels_for;
  bool m_noscript_pending = false;
  size_t m_script_bytes = 0;
  bool m_text_cut = false;

  bool m_links_cut = false;
  void note_links_cut() {
    if (m_links_cut) return;
    m_links_cut = true;
    m_page.notes.push_back({"note/links-cut", {{"limit", m_limits.max_links}}});
  }

  void note_text_cut() {
    if (m_text_cut) return;
    m_text_cut = true;
    m_page.notes.push_back({"note/text-cut", {{"limit", m_limits.max_text_bytes}}});
  }
};

std::string Walker::resolve(std::string_view href) const {
  if (href.empty()) return {};
  return url::resolve(m_page.base_url, href).value_or(std::string());
}

std::string Walker::selector(const std::vector<Frame>& stack) const {
  // At most three segments, innermost first: "tag", "tag.first-class" or "tag#id".
  // Known tags are Gumbo's static names (a selector is made for every block, link and heading:
  // no string per segment); an unknown tag is kept in the segment.
  struct Segment {
    std::string_view tag;
    std::string unknown_tag;
    char mark = 0;  // '#' or '.'
    std::string_view name;
  };
  std::array<Segment, 3> segments;
  size_t count = 0, length = 0;
  for (auto it = stack.rbegin(); it != stack.rend() && count < segments.size(); ++it) {
    const GumboNode* n = it->node;
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    Segment& seg = segments[count];
    if (n->v.element.tag != GUMBO_TAG_UNKNOWN) {
      seg.tag = gumbo_normalized_tagname(n->v.element.tag);
    } else {
      seg.unknown_tag = tag_name(n);
      seg.tag = seg.unknown_tag;
    }
    if (seg.tag.empty() || seg.tag == "html" || seg.tag == "body") break;
    ++count;
    const auto id = util::trim(attr(n, "id"));
    if (!id.empty() && id.size() <= 40 && id.find(' ') == std::string_view::npos) {
      seg.mark = '#';
      seg.name = id;
      break;  // an id is unique: enough to find the element
    }
    const auto cls = util::trim(attr(n, "class"));
    const auto first = cls.substr(0, cls.find_first_of(" \t\n"));
    if (!first.empty() && first.size() <= 40) {
      seg.mark = '.';
      seg.name = first;
    }
  }
  for (size_t k = 0; k < count; ++k) length += segments[k].tag.size() + 4 + segments[k].name.size();
  std::string out;
  out.reserve(length);
  for (size_t k = count; k-- > 0;) {
    if (!out.empty()) out += " > ";
    out += segments[k].tag;
    if (segments[k].mark) out.append(1, segments[k].mark).append(segments[k].name);
  }
  return out;
}

void Walker::flush_block(const std::vector<Frame>& stack) {
  while (!m_block.empty() && (m_block.back() == ' ' || m_block.back() == '\n')) m_block.pop_back();
  if (!m_block.empty()) {
    if (m_page.blocks.size() < m_limits.max_blocks) {
      model::TextBlock b;
      b.selector = selector(stack);
      b.region = m_block_region;
      b.flags = m_block_flags;
      b.heading_level = m_block_heading;
      if (m_block_heading) b.flags |= model::k_block_heading;
      b.zone = model::markup_zone(b.flags, b.region, m_block.size());  // site/regions.cpp refines it
      if (m_block_link_chars * 10 >= m_block.size() * 9) b.flags |= model::k_block_link;
      b.guarded = std::move(m_block_guarded);
      m_page.text_chars += m_block.size();
      b.text = std::move(m_block);
      m_page.blocks.push_back(std::move(b));
    } else if (!m_text_cut) {
      m_text_cut = true;
      m_page.notes.push_back({"note/blocks-cut", {{"limit", m_limits.max_blocks}}});
    }
  }
  m_block.clear();
  m_block_guarded.clear();
  m_pending = false;
  m_block_link_chars = 0;
}

void Walker::text(std::string_view s, const Ctx& ctx) {
  if (ctx.hidden) return;
  if (ctx.in_select) {
    for (int c : m_open_captures) {
      auto& cap = m_captures[static_cast<size_t>(c)];
      append_collapsed(cap.text, cap.pending, s, 500);
    }
    return;
  }
  if (m_page.text_chars + m_block.size() >= m_limits.max_text_bytes) {
    note_text_cut();
    return;
  }
  const size_t before = m_block.size();
  const bool was_empty = m_block.empty();
  // The page's budget, not a block's: earlier blocks have used some of it.
  if (!append_collapsed(m_block, m_pending, s, m_limits.max_text_bytes - m_page.text_chars)) note_text_cut();
  if (was_empty && !m_block.empty()) {
    m_block_region = ctx.region;
    m_block_flags = ctx.flags;
    m_block_heading = ctx.heading;
  }
  const size_t added = m_block.size() - before;
  if (added > 0) {
    if (ctx.link >= 0) m_block_link_chars += added;
    if (ctx.guard) {
      // Skip the collapsed leading space when recording the guarded range.
      size_t b = before;
      while (b < m_block.size() && m_block[b] == ' ') ++b;
      auto& g = m_block_guarded;
      if (!g.empty() && g.back().end + 1 >= b)
        g.back().end = static_cast<uint32_t>(m_block.size());
      else
        g.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(m_block.size())});
    }
  }
  if (ctx.link >= 0) {
    bool pending = m_link_pending[static_cast<size_t>(ctx.link)];
    append_collapsed(m_page.links[static_cast<size_t>(ctx.link)].text, pending, s, 1000);
    m_link_pending[static_cast<size_t>(ctx.link)] = pending;
  }
  if (ctx.heading_index >= 0) {
    bool pending = m_heading_pending[static_cast<size_t>(ctx.heading_index)];
    append_collapsed(m_page.headings[static_cast<size_t>(ctx.heading_index)].text, pending, s, 1000);
    m_heading_pending[static_cast<size_t>(ctx.heading_index)] = pending;
  }
  if (ctx.form >= 0) {
    bool pending = m_form_pending[static_cast<size_t>(ctx.form)];
    append_collapsed(m_page.forms[static_cast<size_t>(ctx.form)].text, pending, s, 2000);
    m_form_pending[static_cast<size_t>(ctx.form)] = pending;
  }
  for (int c : m_open_captures) {
    auto& cap = m_captures[static_cast<size_t>(c)];
    append_collapsed(cap.text, cap.pending, s, 500);
  }
}

void Walker::line_break(const Ctx& ctx) {
  if (ctx.hidden) return;
  while (!m_block.empty() && m_block.back() == ' ') m_block.pop_back();
  if (!m_block.empty() && m_block.back() != '\n') m_block.push_back('\n');
  m_pending = false;
}

void Walker::close_capture(int idx) {
  auto& c = m_captures[static_cast<size_t>(idx)];
  std::erase(m_open_captures, idx);
  if (c.microdata >= 0) {
    auto& v = m_page.microdata[static_cast<size_t>(c.microdata)].value;
    if (v.empty()) v = c.text;
  }
  if (c.form >= 0) {
    auto& form = m_page.forms[static_cast<size_t>(c.form)];
    if (c.option && c.field >= 0) {
      auto& opts = form.fields[static_cast<size_t>(c.field)].options;
      if (opts.size() < 100) opts.push_back(c.text);
    } else if (c.field >= 0) {
      auto& label = form.fields[static_cast<size_t>(c.field)].label;
      if (label.empty()) label = c.text;
    } else {
      // A <label>: it names the fields opened inside it, or the one its `for` points at.
      for (size_t i = c.fields_before; i < form.fields.size(); ++i)
        if (form.fields[i].label.empty()) form.fields[i].label = c.text;
      if (!c.label_for.empty()) m_labels_for.emplace_back(c.form, c.label_for, c.text);
    }
  }
}

void Walker::record_element(const GumboNode* n, const std::string& tag, const Ctx& ctx) {
  if (m_page.elements.size() >= m_limits.max_elements_kept) return;
  model::Element e;
  e.tag = tag;
  e.region = ctx.region;
  e.hidden = ctx.hidden || (ctx.flags & model::k_block_collapsed);
  const GumboVector& attrs = n->v.element.attributes;
  for (unsigned i = 0; i < attrs.length && i < 40; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    e.attrs.push_back({a->name, util::truncate_chars(a->value, 300)});
  }
  e.selector = selector(*m_stack);
  e.little_text = text_length_below(n, 200);
  m_page.elements.push_back(std::move(e));
}

std::string Walker::element_text(const GumboNode* n, size_t cap) const {
  std::string out;
  const GumboVector& children = n->v.element.children;
  for (unsigned i = 0; i < children.length && out.size() < cap; ++i) {
    const auto* c = static_cast<const GumboNode*>(children.data[i]);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
        c->type == GUMBO_NODE_WHITESPACE)
      m_cut.restore(c->v.text.text, out, cap + 1);
  }
  if (out.size() > cap) out.resize(cap);
  return out;
}

void Walker::record_script(const GumboNode* n) {
  const auto type = util::to_lower_ascii(util::trim(attr(n, "type")));
  const auto src = attr(n, "src");
  if (type.find("ld+json") != std::string::npos) {
    if (m_page.json_ld.size() < 50) m_page.json_ld.push_back(element_text(n, 512 << 10));
    return;
  }
  model::Script s;
  s.type = type;
  if (!src.empty()) {
    s.src = resolve(src);
    if (s.src.empty()) s.src = std::string(src);
  } else if (m_script_bytes < m_limits.max_script_bytes) {
    s.content = element_text(n, std::min<size_t>(64 << 10, m_limits.max_script_bytes - m_script_bytes));
    m_script_bytes += s.content.size();
  }
  if (m_page.scripts.size() < 500) m_page.scripts.push_back(std::move(s));
}

void Walker::head_element(const GumboNode* n, GumboTag tag) {
  if (tag == GUMBO_TAG_TITLE) {
    if (m_page.title.empty()) m_page.title = util::collapse_whitespace(element_text(n, 4096));
  } else if (tag == GUMBO_TAG_BASE) {
    const auto href = attr(n, "href");
    if (!href.empty())
      if (auto b = url::resolve(m_page.base_url, href)) m_page.base_url = *b;
  } else if (tag == GUMBO_TAG_META) {
    const auto http_equiv = util::to_lower_ascii(util::trim(attr(n, "http-equiv")));
    const std::string content(attr(n, "content"));
    if (http_equiv == "refresh") {
      m_page.meta_refresh = content;
    } else if (http_equiv == "content-language") {
      m_page.content_language = util::trim(content);
    } else if (http_equiv == "content-security-policy") {
      m_page.csp = content;
    }
    std::string key = util::to_lower_ascii(util::trim(attr(n, "name")));
    if (key.empty()) key = util::to_lower_ascii(util::trim(attr(n, "property")));
    if (key == "description") {
      if (m_page.meta_description.empty()) m_page.meta_description = util::collapse_whitespace(content);
    } else if (key == "robots") {
      m_page.meta_robots = content;
    } else if (!key.empty() && m_page.metas.size() < 100) {
      m_page.metas.push_back({key, util::truncate_chars(content, 1000)});
    }
  } else if (tag == GUMBO_TAG_LINK) {
    model::HeadLink l;
    l.rel = util::to_lower_ascii(util::trim(attr(n, "rel")));
    l.href = resolve(attr(n, "href"));
    l.type = attr(n, "type");
    l.hreflang = attr(n, "hreflang");
    if (m_page.head_links.size() < 200) m_page.head_links.push_back(std::move(l));
  }
}

void Walker::enter_element(Frame& f, const Frame* parent, size_t depth) {
  const GumboNode* n = f.node;
  const GumboTag tag = n->v.element.tag;
  Ctx& ctx = f.ctx;
  ++m_page.element_count;
  m_page.max_depth = std::max(m_page.max_depth, depth);

  const auto id = attr(n, "id");
  const auto cls = attr(n, "class");
  const auto role = util::to_lower_ascii(util::trim(attr(n, "role")));

  // Visibility. aria-hidden hides from screen readers, not from eyes: it marks icons and
  // separators, but some shops put it on whole panels that a script reveals (eBay's item
  // page), so only a small aria-hidden element is taken as decoration.
  // Inline display:none is kept apart as collapsed text (accordions, tabs).
  const std::string style = squeeze_style(attr(n, "style"));
  if (has_attr(n, "hidden") || style.find("visibility:hidden") != std::string::npos ||
      (util::iequals(util::trim(attr(n, "aria-hidden")), "true") && text_length_below(n, 200)))
    ctx.hidden = true;
  if (style.find("display:none") != std::string::npos) ctx.flags |= model::k_block_collapsed;

  // Region: semantic elements and ARIA roles first, then id/class names near the top.
  const bool in_main = (ctx.flags & model::k_block_in_main) != 0;
  if (tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE || role == "main") {
    ctx.flags |= model::k_block_in_main;
    ctx.region = Region::main;
    ctx.sectioning = true;
  } else if ((tag == GUMBO_TAG_HEADER && !ctx.sectioning) || role == "banner") {
    if (ctx.region == Region::main) ctx.region = Region::header;
  } else if ((tag == GUMBO_TAG_FOOTER && !ctx.sectioning) || role == "contentinfo") {
    if (ctx.region == Region::main || ctx.region == Region::header) ctx.region = Region::footer;
  } else if (tag == GUMBO_TAG_NAV || role == "navigation") {
    if (ctx.region == Region::main && !in_main) ctx.region = Region::nav;
  } else if (tag == GUMBO_TAG_ASIDE || role == "complementary") {
    if (ctx.region == Region::main && !in_main) ctx.region = Region::aside;
  } else if (ctx.region == Region::main && !in_main && !ctx.sectioning && depth <= 8 &&
             (!id.empty() || !cls.empty())) {
    if (auto r = chrome_from_names(id, cls)) ctx.region = *r;
  }
  if (tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_NAV) ctx.sectioning = true;

  if (is_quote_element(n, tag)) ctx.flags |= model::k_block_quote;
  if (is_cookie_element(n)) ctx.flags |= model::k_block_cookie;
  if (tag == GUMBO_TAG_ADDRESS || any_token_part(cls, {"adr", "h-adr", "vcard", "h-card"}))
    ctx.flags |= model::k_block_address;
  if (tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DT || tag == GUMBO_TAG_DD)
    ctx.flags |= model::k_block_list_item;
  if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) ctx.flags |= model::k_block_table_cell;
  if (tag == GUMBO_TAG_BUTTON || tag == GUMBO_TAG_LABEL) ctx.flags |= model::k_block_control;
  if (!ctx.guard && is_guard_element(n)) ctx.guard = true;

  // Block boundaries
  f.block = is_block_tag(tag);
  if (f.block && m_stack) flush_block(*m_stack);

  if (const int level = heading_level(tag)) {
    ctx.heading = static_cast<uint8_t>(level);
    if (!ctx.hidden && !(ctx.flags & model::k_block_collapsed)) {
      model::Heading h;
      h.level = static_cast<uint8_t>(level);
      h.region = ctx.region;
      h.selector = selector(*m_stack);
      m_page.headings.push_back(std::move(h));
      m_heading_pending.push_back(false);
      ctx.heading_index = static_cast<int>(m_page.headings.size() - 1);
    }
  }

  // Microdata
  if (has_attr(n, "itemscope")) {
    m_itemtypes.emplace_back(util::trim(attr(n, "itemtype")));
    ctx.itemscope = static_cast<int>(m_itemtypes.size() - 1);
  }
  if (const auto prop = attr(n, "itemprop"); !prop.empty() && m_page.microdata.size() < 2000) {
    model::MicrodataProp p;
    p.itemtype = ctx.itemscope >= 0 ? m_itemtypes[static_cast<size_t>(ctx.itemscope)] : std::string();
    // An itemscope's own itemprop belongs to the enclosing item.
    if (has_attr(n, "itemscope") && parent && parent->ctx.itemscope >= 0)
      p.itemtype = m_itemtypes[static_cast<size_t>(parent->ctx.itemscope)];
    p.prop = util::to_lower_ascii(util::trim(prop));
    for (const char* a : {"content", "href", "src", "datetime"})
      if (const auto v = attr(n, a); !v.empty()) {
        p.value = util::truncate_chars(v, 500);
        break;
      }
    m_page.microdata.push_back(std::move(p));
    if (m_page.microdata.back().value.empty() && !has_attr(n, "itemscope")) {
      Capture c;
      c.microdata = static_cast<int>(m_page.microdata.size() - 1);
      f.captures.push_back(open_capture(std::move(c)));
    }
  }

  const std::string name = tag_name(n);

  // Links and link-like sources
  if ((tag == GUMBO_TAG_A || tag == GUMBO_TAG_AREA) && has_attr(n, "href")) {
    if (m_page.links.size() >= m_limits.max_links) note_links_cut();
    if (m_page.links.size() < m_limits.max_links) {
      model::Link l;
      l.href = url::clean_href(attr(n, "href"));
      l.url = resolve(l.href);
      l.rel = util::to_lower_ascii(util::trim(attr(n, "rel")));
      if (tag == GUMBO_TAG_AREA) {
        l.rel = l.rel.empty() ? "area" : l.rel;
        l.text = util::collapse_whitespace(attr(n, "alt"));
      }
      l.label = util::collapse_whitespace(attr(n, "aria-label"));
      if (l.label.empty()) l.label = util::collapse_whitespace(attr(n, "title"));
      l.region = ctx.region;
      l.hidden = ctx.hidden || (ctx.flags & model::k_block_collapsed);
      l.form = ctx.form;
      l.block_flags = ctx.flags;
      l.zone = model::markup_zone(ctx.flags, ctx.region);
      l.selector = selector(*m_stack);
      m_page.links.push_back(std::move(l));
      m_link_pending.push_back(false);
      ctx.link = static_cast<int>(m_page.links.size() - 1);
    }
  } else if ((tag == GUMBO_TAG_FRAME || tag == GUMBO_TAG_IFRAME) && has_attr(n, "src")) {
    if (m_page.links.size() >= m_limits.max_links) note_links_cut();
    if (m_page.links.size() < m_limits.max_links) {
      model::Link l;
      l.href = url::clean_href(attr(n, "src"));
      l.url = resolve(l.href);
      l.rel = "frame";
      l.label = attr(n, "title");
      l.region = ctx.region;
      l.hidden = ctx.hidden;
      l.selector = selector(*m_stack);
      m_page.links.push_back(std::move(l));
      m_link_pending.push_back(false);
    }
  }

  if (tag == GUMBO_TAG_IMG) {
    const auto alt = attr(n, "alt");
    if (ctx.link >= 0) {
      auto& l = m_page.links[static_cast<size_t>(ctx.link)];
      l.has_image = true;
      if (!alt.empty() && l.text.empty()) l.text = util::collapse_whitespace(alt);
    }
    if (ctx.heading_index >= 0 && !alt.empty()) {
      auto& h = m_page.headings[static_cast<size_t>(ctx.heading_index)];
      if (h.text.empty()) h.text = util::collapse_whitespace(alt);
    }
    if (m_page.images.size() < m_limits.max_images) {
      model::Image img;
      img.src = resolve(attr(n, "src"));
      img.alt = util::truncate_chars(util::collapse_whitespace(alt), 300);
      img.region = ctx.region;
      img.width = parse_int(attr(n, "width"));
      img.height = parse_int(attr(n, "height"));
      img.in_link = ctx.link >= 0;
      m_page.images.push_back(std::move(img));
    }
  }

  // Forms and their fields
  if (tag == GUMBO_TAG_FORM) {
    model::Form form;
    form.action = resolve(attr(n, "action"));
    if (form.action.empty()) form.action = m_page.base_url;
    form.method = util::to_lower_ascii(util::trim(attr(n, "method")));
    form.id = id;
    form.cls = cls;
    form.role = role;
    form.region = ctx.region;
    form.selector = selector(*m_stack);
    if (m_page.forms.size() < 200) {
      m_page.forms.push_back(std::move(form));
      m_form_pending.push_back(false);
      ctx.form = static_cast<int16_t>(m_page.forms.size() - 1);
      // ASP.NET and some builders wrap the whole page in one <form>: its text is the page's,
      // not a form's labels.
      if (text_length_below(n, 4000)) ctx.flags |= model::k_block_form;
    }
  }
  if (tag == GUMBO_TAG_INPUT || tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_SELECT ||
      tag == GUMBO_TAG_BUTTON) {
    // Search boxes often live outside any <form>: keep them in a pseudo-form.
    int16_t form_idx = ctx.form;
    if (form_idx < 0 && m_page.forms.size() < 200) {
      model::Form loose;
      loose.method = "none";
      loose.region = ctx.region;
      loose.selector = selector(*m_stack);
      m_page.forms.push_back(std::move(loose));
      m_form_pending.push_back(false);
      form_idx = static_cast<int16_t>(m_page.forms.size() - 1);
    }
    if (form_idx >= 0) {
      auto& form = m_page.forms[static_cast<size_t>(form_idx)];
      if (form.fields.size() < 200) {
        model::FormField field;
        field.tag = name;
        field.type = util::to_lower_ascii(util::trim(attr(n, "type")));
        if (field.type.empty() && tag == GUMBO_TAG_INPUT) field.type = "text";
        field.name = attr(n, "name");
        field.id = id;
        field.placeholder = attr(n, "placeholder");
        field.autocomplete = attr(n, "autocomplete");
        field.value = util::truncate_chars(attr(n, "value"), 200);
        field.label = util::collapse_whitespace(attr(n, "aria-label"));
        form.fields.push_back(std::move(field));
        const int field_idx = static_cast<int>(form.fields.size() - 1);
        if (tag == GUMBO_TAG_SELECT) {
          ctx.select_field = field_idx;
          ctx.in_select = true;
        }
        if (tag == GUMBO_TAG_BUTTON) {
          Capture c;
          c.form = form_idx;
          c.field = field_idx;
          f.captures.push_back(open_capture(std::move(c)));
        }
        if (ctx.form < 0) ctx.form = form_idx;
      }
    }
  }
  if (tag == GUMBO_TAG_LABEL && ctx.form >= 0) {
    Capture c;
    c.form = ctx.form;
    c.label_for = attr(n, "for");
    c.fields_before = m_page.forms[static_cast<size_t>(ctx.form)].fields.size();
    f.captures.push_back(open_capture(std::move(c)));
  }
  if (tag == GUMBO_TAG_OPTION && ctx.select_field >= 0 && ctx.form >= 0) {
    Capture c;
    c.form = ctx.form;
    c.field = ctx.select_field;
    c.option = true;
    f.captures.push_back(open_capture(std::move(c)));
  }

  if (is_notable_tag(name) || role == "dialog" || role == "alertdialog" || has_attr(n, "aria-modal") ||
      has_attr(n, "data-cfemail") || has_notable_class(id, cls))
    record_element(n, name, ctx);

  note_script_signals(n, name, id, m_page);
  if (const auto src = include_source(n); !src.empty() && !m_inlined && m_page.includes.size() < 64 && n->v.element.original_tag.data) {
    m_page.script_includes = true;
    const auto& start_tag = n->v.element.original_tag;
    const size_t at = static_cast<size_t>(start_tag.data - m_cut.html().data()) + start_tag.length;
    m_page.includes.push_back({m_cut.source_offset(at), std::string(src)});
  }
  if ((util::iequals(id, "root") || util::iequals(id, "app") || util::iequals(id, "__next") ||
       util::iequals(id, "__nuxt")) &&
      n->v.element.children.length == 0)
    m_page.empty_app_root = true;
}

void Walker::leave_element(Frame& f) {
  for (auto it = f.captures.rbegin(); it != f.captures.rend(); ++it) close_capture(*it);
  const Ctx& ctx = f.ctx;
  if (ctx.link >= 0 && (m_stack->size() < 2 || (*m_stack)[m_stack->size() - 2].ctx.link != ctx.link)) {
    auto& l = m_page.links[static_cast<size_t>(ctx.link)];
    while (!l.text.empty() && l.text.back() == ' ') l.text.pop_back();
  }
  if (f.block) flush_block(*m_stack);
}

void Walker::walk(const GumboNode* root) {
  std::vector<Frame> stack;
  m_stack = &stack;
  stack.push_back(Frame{root, 0, Ctx{}, false, {}});
  enter_element(stack.back(), nullptr, 1);
  bool depth_note = false;

  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboNode* node = top.node;
    const GumboVector& children = node->v.element.children;
    if (top.next_child >= children.length) {
      leave_element(top);
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
    const Ctx& ctx = top.ctx;
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        text(child->v.text.text, ctx);
        break;
      case GUMBO_NODE_ELEMENT: {
        const GumboTag tag = child->v.element.tag;
        if (tag == GUMBO_TAG_HEAD) {
          // <head> is read flat: title, meta, link, base, script, style.
          const GumboVector& hc = child->v.element.children;
          for (unsigned i = 0; i < hc.length; ++i) {
            const auto* h = static_cast<const GumboNode*>(hc.data[i]);
            if (h->type != GUMBO_NODE_ELEMENT) continue;
            const GumboTag ht = h->v.element.tag;
            if (ht == GUMBO_TAG_SCRIPT)
              record_script(h);
            else if (ht == GUMBO_TAG_STYLE) {
              if (m_page.styles.size() < (256u << 10)) m_page.styles += element_text(h, 64 << 10);
            } else
              head_element(h, ht);
          }
          break;
        }
        if (tag == GUMBO_TAG_SCRIPT) {
          record_script(child);
          break;
        }
        if (tag == GUMBO_TAG_STYLE) {
          if (m_page.styles.size() < (256u << 10)) m_page.styles += element_text(child, 64 << 10);
          break;
        }
        if ((tag == GUMBO_TAG_META || tag == GUMBO_TAG_LINK || tag == GUMBO_TAG_TITLE ||
             tag == GUMBO_TAG_BASE) && !has_attr(child, "itemprop")) {
          // Misplaced head elements still count (browsers honour them).
          if (tag != GUMBO_TAG_TITLE || m_page.title.empty()) head_element(child, tag);
          break;
        }
        if (tag == GUMBO_TAG_NOSCRIPT) {
          if (m_page.noscript_text.size() < 2000) {
            // Its text is shown only without JavaScript: kept apart, for the JS-page guard.
            std::vector<const GumboNode*> todo{child};
            while (!todo.empty() && m_page.noscript_text.size() < 2000) {
              const GumboNode* x = todo.back();
              todo.pop_back();
              if (x->type == GUMBO_NODE_TEXT) {
                append_collapsed(m_page.noscript_text, m_noscript_pending, x->v.text.text, 2000);
                m_noscript_pending = true;
              } else if (x->type == GUMBO_NODE_ELEMENT) {
                const GumboVector& xc = x->v.element.children;
                for (unsigned i = xc.length; i-- > 0;) todo.push_back(static_cast<const GumboNode*>(xc.data[i]));
              }
            }
          }
          break;
        }
        if (tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH ||
            tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_DATALIST) {
          if (tag == GUMBO_TAG_TEXTAREA) {
            // A field with no text children to walk: record it through the normal path.
            Frame f{child, 0, ctx, false, {}};
            stack.push_back(std::move(f));
            enter_element(stack.back(), &stack[stack.size() - 2], stack.size());
            leave_element(stack.back());
            stack.pop_back();
          }
          break;
        }
        if (tag == GUMBO_TAG_BR) {
          line_break(ctx);
          break;
        }
        if (stack.size() >= m_limits.max_depth) {
          if (!depth_note) {
            depth_note = true;
            m_page.notes.push_back({"note/nesting-walk", {{"limit", m_limits.max_depth}}});
          }
          break;
        }
        Frame f{child, 0, ctx, false, {}};
        stack.push_back(std::move(f));
        enter_element(stack.back(), &stack[stack.size() - 2], stack.size());
        break;
      }
      case GUMBO_NODE_TEMPLATE:
      case GUMBO_NODE_COMMENT:
      case GUMBO_NODE_DOCUMENT:
        break;
    }
  }
  flush_block(stack);
  m_stack = nullptr;
  for (const auto& [form, id, text] : m_labels_for)
    for (auto& field : m_page.forms[static_cast<size_t>(form)].fields)
      if (field.id == id && field.label.empty()) field.label = text;
}

std::string html_lang(const GumboNode* html) {
  if (!html || html->type != GUMBO_NODE_ELEMENT) return {};
  return std::string(util::trim(attr(html, "lang")));
}

}  // namespace

model::Page parse_utf8(std::string_view utf8, const ParseInput& input, const ParseLimits& limits) {
  model::Page page;
  page.url = input.url;
  page.base_url = input.base_url.empty() ? input.url : input.base_url;

  thread_local Arena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Arena::gumbo_allocate;
  options.deallocator = &Arena::gumbo_deallocate;
  options.userdata = &arena;
  options.max_errors = 0;  // parse errors are not reported; recording them costs time
  const RawTextCut cut(utf8, limits.skip_raw_text ? 256 : std::string_view::npos, limits.max_open_elements);
  const std::string_view html = cut.html();
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  if (out && out->root) {
    page.lang = html_lang(out->root);
    Walker walker(page, limits, cut, input.includes_inlined);
    walker.walk(out->root);
    page.fragment = is_fragment(out->root) && page.title.empty();
  }
  if (cut.depth_cut_at() != std::string_view::npos)
    page.notes.push_back({"note/nesting-cut", {{"limit", limits.max_open_elements}, {"byte", cut.depth_cut_at()}}});
  // The tree is in the arena: dropping it is one reset, whatever the nesting depth.
  arena.reset();
  return page;
}

model::Page parse_page(std::string_view bytes, const ParseInput& input, const ParseLimits& limits) {
  const Decoded d = decode_html(bytes, input.http_charset, Copy::only_if_changed);
  model::Page page = parse_utf8(d.utf8(), input, limits);
  page.encoding = d.encoding;
  page.encoding_source = d.source;
  page.had_invalid_bytes = d.had_invalid_bytes;
  return page;
}

}  // namespace amable::parse
