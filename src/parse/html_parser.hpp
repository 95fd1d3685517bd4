#pragma once
// HTML bytes -> Page, with Gumbo. The Gumbo tree lives in a per-thread arena and is gone
// before parse_page returns; no Gumbo type leaves src/parse/.
#include <string>
#include <string_view>

#include "model/page.hpp"

namespace amable::parse {

struct ParseInput {
  std::string url;           // the page's stable key, copied into Page::url
  std::string base_url;      // absolute URL relative links resolve against
  std::string http_charset;  // charset parameter of Content-Type, if any
  bool includes_inlined = false;  // include attributes' partials are in the text already
};

// Limits that keep one hostile page from taking the process down. A page past a limit is
// still parsed; what was cut is named in Page::notes.
struct ParseLimits {
  size_t max_text_bytes = 2 << 20;     // visible text kept per page
  size_t max_blocks = 20000;
  size_t max_links = 20000;
  size_t max_elements_kept = 500;     // Page::elements
  size_t max_images = 500;
  size_t max_script_bytes = 512 << 10;  // inline script text kept
  size_t max_depth = 5000;            // deeper markup is not walked
  // Gumbo's tree building takes time quadratic in nesting depth (200,000 nested <div>s: about
  // 100 s). Open elements are counted before Gumbo runs; the page is cut where the count
  // passes this (parse/raw_text.hpp).
  size_t max_open_elements = 10000;
  // Script and style contents go around Gumbo (parse/raw_text.hpp); off only to check that
  // doing so changes nothing.
  bool skip_raw_text = true;
};

model::Page parse_page(std::string_view bytes, const ParseInput& input, const ParseLimits& limits = {});

// Parses text that is already valid UTF-8 (used by tests and by parse_page).
model::Page parse_utf8(std::string_view utf8, const ParseInput& input, const ParseLimits& limits = {});

}  // namespace amable::parse
