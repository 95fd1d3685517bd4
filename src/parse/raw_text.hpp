#pragma once
// Gumbo tokenises the contents of <script> and <style> one character at a time, and on shop
// pages those contents are often half the bytes (inline bundles, JSON catalogues, CSS). Before
// Gumbo sees a page we find where each of them ends, by the HTML tokenizer's own rules (tags
// and attribute quoting, comments, RCDATA and RAWTEXT elements, the script-data escape states,
// SVG and MathML), and replace each large content by a short marker. The walker puts the
// original text back when it reads a script or style, so the Page is the same either way
// (tests/parse/test_raw_text.cpp checks that on every corpus page), at about half the cost.
#include <string>
#include <string_view>
#include <vector>

namespace amable::parse {

//
// The same scan guards Gumbo against deep nesting, whose tree building is quadratic in depth:
// it counts open elements the way the tree builder would keep them (void elements, elements
// whose end tags may be left out, and elements a second start tag closes are not counted),
// and cuts the page at the start tag that would pass `max_open`. The count may differ from
// Gumbo's on misnested markup; a real page never comes near the limit.
class RawTextCut {
 public:
  // Contents shorter than `min_bytes` are left in place (npos: nothing is cut but the depth).
  // `html` must outlive this object: the cut contents are views into it.
  // `drop_svg`: the content and attributes of a plain inline <svg>, which the walker never
  // reads, are cut too.
  explicit RawTextCut(std::string_view html, size_t min_bytes = 256, size_t max_open = 10000, bool drop_svg = true);
  RawTextCut(std::string&&, size_t = 256, size_t = 10000, bool = true) = delete;

  // The page Gumbo should parse: `html` itself when nothing was cut.
  std::string_view html() const { return m_use_cut ? std::string_view(m_cut) : m_source; }
  size_t cut_count() const { return m_contents.size(); }
  // Where the page was cut for nesting deeper than `max_open`, or npos.
  size_t depth_cut_at() const { return m_depth_cut_at; }

  // Appends to `out` the text a script or style element held: the original content, with the
  // newline and NUL normalisation Gumbo would have applied, when `text` is one of our markers;
  // `text` itself otherwise. At most `cap` bytes in all are kept in `out`.
  void restore(std::string_view text, std::string& out, size_t cap) const;

  // Where byte `at` of html() is in the source text (positions of markup: never inside a cut).
  size_t source_offset(size_t at) const;

 private:
  std::string_view m_source;
  std::string m_cut;
  bool m_use_cut = false;
  size_t m_depth_cut_at = std::string_view::npos;
  std::vector<std::string_view> m_contents;  // views into m_source, by marker number
  std::vector<size_t> m_marker_end;          // where each marker ends in m_cut
};

// Where the content of a <script> that starts at `from` ends: the position of its closing
// "</script", or html.size() when it runs to the end. Exposed for tests.
size_t script_data_end(std::string_view html, size_t from);

}  // namespace amable::parse
