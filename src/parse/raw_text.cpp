#include "parse/raw_text.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <charconv>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <gumbo.h>

#include "util/text.hpp"

// The states below follow the WHATWG HTML tokenizer (§13.2.5): data, tag open, attribute
// name and value, comments, bogus comments, RCDATA/RAWTEXT end tags, and script data with its
// escaped and double-escaped states. What the tree builder adds is only what decides which of
// those states a start tag switches to: in SVG and MathML, <script> and <style> are ordinary
// elements, until an HTML element breaks out of foreign content.

namespace amable::parse {
namespace {

// Marker text: U+2063 (INVISIBLE SEPARATOR), a number, U+2063. Gumbo keeps it as it is
// (control characters it would turn into U+FFFD).
constexpr std::string_view k_marker = "\xE2\x81\xA3";

bool is_tag_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

char lower(char c) { return util::ascii_lower(c); }

// True when html[at..] starts with `name` (lower case, ASCII) in any case.
bool starts_with_ci(std::string_view html, size_t at, std::string_view name) {
  if (at + name.size() > html.size()) return false;
  for (size_t k = 0; k < name.size(); ++k)
    if (lower(html[at + k]) != name[k]) return false;
  return true;
}

// "</name" followed by white space, "/" or ">" at `at` (an appropriate end tag).
bool end_tag_at(std::string_view html, size_t at, std::string_view name) {
  if (at + 2 + name.size() >= html.size() || html[at] != '<' || html[at + 1] != '/') return false;
  if (!starts_with_ci(html, at + 2, name)) return false;
  const char next = html[at + 2 + name.size()];
  return is_tag_space(next) || next == '/' || next == '>';
}

size_t find_char(std::string_view html, size_t from, char c) {
  if (from >= html.size()) return std::string_view::npos;
  const void* p = std::memchr(html.data() + from, c, html.size() - from);
  return p ? static_cast<size_t>(static_cast<const char*>(p) - html.data()) : std::string_view::npos;
}

// The end of a RAWTEXT or RCDATA element's content: its "</name", or the end of the input.
size_t raw_end(std::string_view html, size_t from, std::string_view name) {
  for (size_t at = find_char(html, from, '<'); at != std::string_view::npos; at = find_char(html, at + 1, '<'))
    if (end_tag_at(html, at, name)) return at;
  return html.size();
}

// After "<!--" at `from`: the position just past the comment (§13.2.5.43-52).
size_t comment_end(std::string_view html, size_t from) {
  if (from < html.size() && html[from] == '>') return from + 1;  // "<!-->"
  if (from + 1 < html.size() && html[from] == '-' && html[from + 1] == '>') return from + 2;  // "<!--->"
  size_t at = from;
  while (true) {
    const size_t dashes = html.find("--", at);
    if (dashes == std::string_view::npos) return html.size();
    size_t k = dashes + 2;
    while (k < html.size() && html[k] == '-') ++k;
    if (k < html.size() && html[k] == '>') return k + 1;
    if (k + 1 < html.size() && html[k] == '!' && html[k + 1] == '>') return k + 2;
    at = k;
  }
}

struct Tag {
  std::string name;  // lower case, at most 16 bytes kept
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // the name as Gumbo's enum: compared instead of strings
  size_t end = 0;    // just past '>'; npos when the input ends inside the tag
  bool self_closing = false;
};

// A start or end tag whose name starts at `at` (§13.2.5.8-39): name, attributes with their
// quoting, and the closing '>'.
Tag read_tag(std::string_view html, size_t at) {
  Tag t;
  const size_t n = html.size();
  size_t i = at;
  while (i < n && !is_tag_space(html[i]) && html[i] != '/' && html[i] != '>') {
    if (t.name.size() < 16) t.name.push_back(lower(html[i]));
    ++i;
  }
  while (i < n) {
    const char c = html[i];
    if (is_tag_space(c)) {
      ++i;
    } else if (c == '/') {
      t.self_closing = i + 1 < n && html[i + 1] == '>';
      ++i;
    } else if (c == '>') {
      t.end = i + 1;
      t.tag = gumbo_tagn_enum(t.name.data(), static_cast<unsigned>(t.name.size()));
      return t;
    } else {
      t.self_closing = false;
      // Attribute name: a leading '=' belongs to it.
      ++i;
      while (i < n && !is_tag_space(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=') ++i;
      while (i < n && is_tag_space(html[i])) ++i;
      if (i < n && html[i] == '=') {
        ++i;
        while (i < n && is_tag_space(html[i])) ++i;
        if (i < n && (html[i] == '"' || html[i] == '\'')) {
          const size_t close = find_char(html, i + 1, html[i]);
          if (close == std::string_view::npos) break;
          i = close + 1;
        } else {
          while (i < n && !is_tag_space(html[i]) && html[i] != '>') ++i;
        }
      }
    }
  }
  t.end = std::string_view::npos;
  return t;
}

// A set of Gumbo tags, made from their names.
using TagSet = std::bitset<GUMBO_TAG_LAST + 1>;
TagSet tag_set(std::initializer_list<std::string_view> names) {
  TagSet tags;
  for (const std::string_view n : names) tags.set(gumbo_tagn_enum(n.data(), static_cast<unsigned>(n.size())));
  tags.reset(GUMBO_TAG_UNKNOWN);
  return tags;
}

// HTML start tags that end foreign content (§13.2.6.5), "font" with attributes aside.
bool breaks_out_of_foreign(GumboTag tag) {
  static const TagSet k_tags = tag_set({"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
                                        "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
                                        "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike",
                                        "sub", "sup", "table", "tt", "u", "ul", "var"});
  return k_tags[tag];
}

// Start tags that leave nothing open for the depth count: void elements, elements whose end
// tag may be omitted (the next sibling closes them), and elements a second start tag of the
// same kind closes (a, nobr, button, form). Raw-text elements are skipped to their end tag.
bool opens_nothing(GumboTag tag) {
  static const TagSet k_tags =
      tag_set({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
               "keygen", "frame", "basefont", "bgsound", "image", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
               "thead", "tbody", "tfoot", "rb", "rt", "rtc", "rp", "colgroup", "caption", "html", "head", "body", "a", "nobr",
               "button", "form", "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "plaintext"});
  return k_tags[tag];
}

// Elements whose content is raw text or RCDATA up to their end tag (style is cut as well).
bool raw_text_element(GumboTag tag) {
  static const TagSet k_tags = tag_set({"style", "xmp", "iframe", "noembed", "noframes", "textarea", "title"});
  return k_tags[tag];
}

}  // namespace

size_t script_data_end(std::string_view html, size_t from) {
  enum class State { data, escaped, double_escaped } state = State::data;
  const size_t n = html.size();
  size_t dashes = 0;  // '-' just read, for "-->"
  size_t i = from;
  while (i < n) {
    if (state == State::data) {
      const size_t lt = find_char(html, i, '<');
      if (lt == std::string_view::npos) return n;
      if (end_tag_at(html, lt, "script")) return lt;
      if (html.compare(lt, 4, "<!--") == 0) {
        state = State::escaped;
        dashes = 2;
        i = lt + 4;
      } else {
        i = lt + 1;
      }
      continue;
    }
    const char c = html[i];
    if (c == '-') {
      ++dashes;
      ++i;
      continue;
    }
    if (c == '>' && dashes >= 2) {
      state = State::data;
      dashes = 0;
      ++i;
      continue;
    }
    dashes = 0;
    if (c != '<') {
      ++i;
      continue;
    }
    if (state == State::escaped) {
      if (end_tag_at(html, i, "script")) return i;
      if (starts_with_ci(html, i + 1, "script") && i + 7 < n &&
          (is_tag_space(html[i + 7]) || html[i + 7] == '/' || html[i + 7] == '>')) {
        state = State::double_escaped;
        i += 7;
        continue;
      }
    } else if (end_tag_at(html, i, "script")) {
      state = State::escaped;  // "</script>" inside "<!--<script>" does not end the element
      i += 8;
      continue;
    }
    ++i;
  }
  return n;
}


RawTextCut::RawTextCut(std::string_view html, size_t min_bytes, size_t max_open, bool drop_svg) : m_source(html) {
  const size_t n = html.size();
  size_t open = 0;  // elements open, as counted for the depth guard
  size_t copied = 0;  // html[0, copied) is in m_cut (once anything was cut)
  size_t foreign = 0;  // <svg>/<math> nesting: their <script> and <style> are not raw text
  size_t i = 0;
  auto cut = [&](size_t content_begin, size_t content_end) {
    if (min_bytes == std::string_view::npos || content_end - content_begin < min_bytes) return;
    if (m_cut.empty()) m_cut.reserve(n / 2);
    m_cut.append(html.substr(copied, content_begin - copied));
    m_cut.append(k_marker);
    std::array<char, 24> num{};
    const auto [end, ec] = std::to_chars(num.data(), num.data() + num.size(), m_contents.size());
    m_cut.append(num.data(), static_cast<size_t>(end - num.data()));
    m_cut.append(k_marker);
    m_contents.push_back(html.substr(content_begin, content_end - content_begin));
    m_marker_end.push_back(m_cut.size());
    copied = content_end;
  };

  // The walker never enters an <svg> (html_parser.cpp): an inline icon's whole content and
  // attributes are cut once its end tag shows it was plain SVG, and Gumbo sees "<svg></svg>".
  // Nothing is restored, so the cut is recorded only for source_offset(). Storefronts repeat
  // icons in every product card, and Gumbo checks each SVG start tag's attributes against its
  // table of 58 SVG attribute names. Markup that would end foreign content early (an HTML
  // element, <font>, </p>, </br>) or an <svg> inside <select> (where Gumbo drops the tag, not
  // its content) leaves the element as it is.
  size_t svg_start = std::string_view::npos;  // the outermost <svg> being read, if it may be cut
  bool in_select = false;
  auto omit_svg = [&](size_t end_tag) {
    if (m_cut.empty()) m_cut.reserve(n / 2);
    m_cut.append(html.substr(copied, svg_start - copied));
    m_cut.append("<svg>");
    m_contents.push_back(html.substr(svg_start, end_tag - svg_start));
    m_marker_end.push_back(m_cut.size());
    copied = end_tag;
  };

  while (i < n) {
    const size_t lt = find_char(html, i, '<');
    if (lt == std::string_view::npos) break;
    i = lt + 1;
    if (i >= n) break;
    const char c = html[i];
    if (c == '!') {
      if (html.compare(lt, 4, "<!--") == 0) {
        i = comment_end(html, lt + 4);
      } else if (foreign && html.compare(lt, 9, "<![CDATA[") == 0) {
        const size_t close = html.find("]]>", lt + 9);
        i = close == std::string_view::npos ? n : close + 3;
      } else {
        const size_t gt = find_char(html, i, '>');  // DOCTYPE or a bogus comment
        i = gt == std::string_view::npos ? n : gt + 1;
      }
      continue;
    }
    if (c == '?' || (c == '/' && i + 1 < n && !util::is_ascii_alpha(html[i + 1]) && html[i + 1] != '>')) {
      const size_t gt = find_char(html, i, '>');  // a bogus comment
      i = gt == std::string_view::npos ? n : gt + 1;
      continue;
    }
    if (c == '/' && i + 1 < n && util::is_ascii_alpha(html[i + 1])) {
      const Tag t = read_tag(html, i + 1);
      if (t.end == std::string_view::npos) break;
      if (foreign && (t.tag == GUMBO_TAG_SVG || t.tag == GUMBO_TAG_MATH) && --foreign == 0 && svg_start != std::string_view::npos) {
        if (t.tag == GUMBO_TAG_SVG) omit_svg(lt);
        svg_start = std::string_view::npos;
      }
      if (foreign && (t.tag == GUMBO_TAG_P || t.tag == GUMBO_TAG_BR)) svg_start = std::string_view::npos;
      if (t.tag == GUMBO_TAG_SELECT) in_select = false;
      if (open > 0 && !opens_nothing(t.tag)) --open;
      i = t.end;
      continue;
    }
    if (!util::is_ascii_alpha(c)) continue;  // a '<' that is text
    const Tag t = read_tag(html, i);
    if (t.end == std::string_view::npos) break;
    if (!opens_nothing(t.tag) && !(foreign && t.self_closing) && ++open > max_open) {
      m_depth_cut_at = lt;  // Gumbo sees the page up to this tag
      break;
    }
    i = t.end;
    if (foreign) {
      if ((t.tag == GUMBO_TAG_SVG || t.tag == GUMBO_TAG_MATH) && !t.self_closing) {
        ++foreign;
      } else if (breaks_out_of_foreign(t.tag) || t.tag == GUMBO_TAG_FONT) {
        if (t.tag != GUMBO_TAG_FONT) foreign = 0;
        svg_start = std::string_view::npos;
      }
      continue;
    }
    if (t.tag == GUMBO_TAG_SVG || t.tag == GUMBO_TAG_MATH) {
      if (!t.self_closing) ++foreign;
      if (t.tag == GUMBO_TAG_SVG && !t.self_closing && !in_select && drop_svg && min_bytes != std::string_view::npos) svg_start = lt;
    } else if (t.tag == GUMBO_TAG_SELECT) {
      in_select = true;
    } else if (t.tag == GUMBO_TAG_SCRIPT) {
      const size_t end = script_data_end(html, i);
      cut(i, end);
      i = end;
    } else if (raw_text_element(t.tag)) {
      const size_t end = raw_end(html, i, t.name);
      if (t.tag == GUMBO_TAG_STYLE) cut(i, end);
      i = end;
    } else if (t.tag == GUMBO_TAG_PLAINTEXT) {
      break;  // the rest of the page is text
    }
  }
  const size_t end = std::min(n, m_depth_cut_at);
  m_use_cut = !m_contents.empty() || m_depth_cut_at != std::string_view::npos;
  if (m_use_cut) m_cut.append(html.substr(copied, end - copied));
}

size_t RawTextCut::source_offset(size_t at) const {
  if (!m_use_cut) return at;
  // After the last marker that ends at or before `at`, the cut and the source run in step.
  const auto it = std::upper_bound(m_marker_end.begin(), m_marker_end.end(), at);
  if (it == m_marker_end.begin()) return at;
  const size_t i = static_cast<size_t>(it - m_marker_end.begin()) - 1;
  const size_t source_end = static_cast<size_t>(m_contents[i].data() + m_contents[i].size() - m_source.data());
  return source_end + (at - m_marker_end[i]);
}

namespace {

// Bytes where Gumbo's input stream may change the text: C0 controls other than tab, LF and FF
// (CR and NUL included), DEL, and the lead bytes of C1 controls (C2), of U+FDD0-FDEF and
// U+FFFE/FFFF (EF), and of the other planes' noncharacters (F0-F4).
constexpr std::array<bool, 256> k_may_change = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<size_t>(c)] = c != '\t' && c != '\n' && c != '\f';
  t[0x7F] = t[0xC2] = t[0xEF] = true;
  for (int c = 0xF0; c <= 0xF4; ++c) t[static_cast<size_t>(c)] = true;
  return t;
}();

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";

// The first byte of raw[from, n) that k_may_change marks, or n. Inline scripts and styles are
// mostly printable ASCII: sixteen bytes at a time are tested for anything below 0x20 (other
// than tab, LF and FF), 0x7F or 0x80 and above, and only those bytes are looked up.
size_t first_may_change(const unsigned char* raw, size_t from, size_t n) {
  size_t i = from;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20), tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'), ff = _mm_set1_epi8('\f'),
                del = _mm_set1_epi8(0x7F);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(raw + i));
    // Signed: bytes of 0x80 and above are negative, so "below 0x20" takes them too.
    const __m128i low = _mm_cmplt_epi8(v, space);
    const __m128i kept = _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, ff)));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(kept, low), _mm_cmpeq_epi8(v, del))));
    for (; mask != 0; mask &= mask - 1) {
      const size_t at = i + static_cast<size_t>(__builtin_ctz(mask));
      if (k_may_change[raw[at]]) return at;
    }
  }
#endif
  while (i < n && !k_may_change[raw[i]]) ++i;
  return i;
}

unsigned char byte_at(std::string_view s, size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0; }

// How many bytes at the start of `raw` Gumbo replaces by U+FFFD (0: none): NUL, the control
// characters and the noncharacters its UTF-8 reader rejects (measured on every code point
// against libgumbo 0.10.1: U+0001-0008, U+000B, U+000E-001F, U+007F-009F, U+FDD0-FDEF and
// U+xFFFE/xFFFF in every plane).
size_t replaced_length(std::string_view raw) {
  const unsigned char b0 = byte_at(raw, 0), b1 = byte_at(raw, 1), b2 = byte_at(raw, 2), b3 = byte_at(raw, 3);
  if (b0 < 0x20 || b0 == 0x7F) return 1;
  if (b0 == 0xC2) return b1 >= 0x80 && b1 <= 0x9F ? 2 : 0;
  if (b0 == 0xEF) return (b1 == 0xB7 && b2 >= 0x90 && b2 <= 0xAF) || (b1 == 0xBF && (b2 == 0xBE || b2 == 0xBF)) ? 3 : 0;
  return (b1 & 0x0F) == 0x0F && b2 == 0xBF && (b3 == 0xBE || b3 == 0xBF) ? 4 : 0;  // F0-F4
}

// Drops an incomplete UTF-8 sequence left at the end by a byte cap.
void drop_partial_sequence(std::string& out) {
  size_t k = out.size();
  size_t continuation = 0;
  while (k > 0 && continuation < 3 && (static_cast<unsigned char>(out[k - 1]) & 0xC0) == 0x80) {
    --k;
    ++continuation;
  }
  if (k == 0) return;
  const auto lead = static_cast<unsigned char>(out[k - 1]);
  const size_t need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  if (lead >= 0xC0 && continuation < need) out.resize(k - 1);
}

}  // namespace

void RawTextCut::restore(std::string_view text, std::string& out, size_t cap) const {
  if (text.size() > 2 * k_marker.size() && text.starts_with(k_marker) && text.ends_with(k_marker)) {
    const std::string_view digits = text.substr(k_marker.size(), text.size() - 2 * k_marker.size());
    size_t index = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
    if (ec == std::errc() && end == digits.data() + digits.size() && index < m_contents.size()) {
      // Gumbo's input preprocessing: CR LF and lone CR become LF; NUL, most control
      // characters and the noncharacters become U+FFFD.
      std::string_view raw = m_contents[index];
      while (!raw.empty() && out.size() < cap) {
        size_t plain = first_may_change(reinterpret_cast<const unsigned char*>(raw.data()), 0, raw.size());
        plain = std::min(plain, cap - out.size());
        out.append(raw.substr(0, plain));
        raw.remove_prefix(plain);
        if (raw.empty() || out.size() >= cap) break;
        if (raw[0] == '\r') {
          out.push_back('\n');
          raw.remove_prefix(raw.size() > 1 && raw[1] == '\n' ? 2 : 1);
        } else if (const size_t n = replaced_length(raw); n > 0) {
          if (out.size() + k_replacement.size() > cap) break;  // as a byte cut of Gumbo's text would
          out.append(k_replacement);
          raw.remove_prefix(n);
        } else {
          out.push_back(raw[0]);
          raw.remove_prefix(1);
        }
      }
      if (out.size() >= cap) drop_partial_sequence(out);
      return;
    }
  }
  out.append(text.substr(0, cap > out.size() ? cap - out.size() : 0));
  if (out.size() >= cap) drop_partial_sequence(out);
}

}  // namespace amable::parse
