#pragma once
// Small questions the walker (html_parser.cpp) asks of Gumbo elements: attributes, tag names,
// class and id tokens, and which elements are blocks, headings, notable, chrome, guarded spans,
// quotes or cookie banners. Split from html_parser.cpp, which keeps the walk itself.
#include <gumbo.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "model/page.hpp"
#include "parse/script_signals.hpp"
#include "util/needles.hpp"
#include "util/text.hpp"

namespace amable::parse::elements {

using model::Region;

// Calls fn with each piece of `value` between separators (no empty pieces), without the vector
// util::split_any makes: these run on every class and id of every element.
template <typename Fn>
void for_each_piece(std::string_view value, std::string_view seps, Fn&& fn) {
  size_t start = 0;
  for (size_t i = 0; i <= value.size(); ++i)
    if (i == value.size() || seps.find(value[i]) != std::string_view::npos) {
      if (i > start) fn(value.substr(start, i - start));
      start = i + 1;
    }
}

// Splits class/id values into lower-case tokens, and those into parts at '-' and '_'.
template <typename Fn>
void for_each_token(std::string_view value, Fn&& fn) {
  std::string lower;  // one buffer for every token
  for_each_piece(value, " \t\n\r\f", [&](std::string_view tok) {
    lower.assign(tok);
    for (char& c : lower) c = util::ascii_lower(c);
    fn(std::as_const(lower));
  });
}

// An attribute's value ("" when absent), and whether it is there: asked of every element.
inline std::string_view attr(const GumboNode* n, const char* name) {
  const GumboAttribute* a = find_attribute(n, name);
  return a ? std::string_view(a->value) : std::string_view();
}
inline bool has_attr(const GumboNode* n, const char* name) { return find_attribute(n, name) != nullptr; }

// The element's tag name, lower case (unknown tags as written).
std::string tag_name(const GumboNode* n);
// Class/id tests: a token part equal to one of `parts`; a needle inside the value.
bool any_token_part(std::string_view value, std::initializer_list<std::string_view> parts);
bool any_token_contains(std::string_view value, const util::NeedleSet& needles);
// The style attribute without white space, lower case: "display:none".
std::string squeeze_style(std::string_view style);
// Element kinds the walker treats apart; the comments in element_kinds.cpp say why.
bool is_block_tag(GumboTag t);
int heading_level(GumboTag t);
bool is_notable_tag(std::string_view tag);
bool has_notable_class(std::string_view id, std::string_view cls);
std::optional<Region> chrome_from_names(std::string_view id, std::string_view cls);
bool is_guard_element(const GumboNode* n);
bool is_quote_element(const GumboNode* n, GumboTag tag);
bool is_cookie_element(const GumboNode* n);
bool text_length_below(const GumboNode* n, size_t limit);
int parse_int(std::string_view s);

}  // namespace amable::parse::elements
