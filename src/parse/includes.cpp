#include "parse/includes.hpp"

#include <algorithm>

#include "parse/encoding.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace amable::parse {
namespace {

// What goes inside the element: a partial saved as a whole document gives its body.
std::string_view body_of(std::string_view html) {
  const std::string lower = util::to_lower_ascii(html.substr(0, std::min<size_t>(html.size(), 64 << 10)));
  const size_t open = lower.find("<body");
  if (open == std::string::npos) return html;
  const size_t gt = html.find('>', open);
  if (gt == std::string_view::npos) return {};
  const std::string tail = util::to_lower_ascii(html.substr(gt + 1));
  const size_t close = tail.rfind("</body");
  return html.substr(gt + 1, close == std::string::npos ? std::string_view::npos : close);
}

struct Inliner {
  const std::string& base;
  const PartialReader& read;
  const InlineLimits& limits;
  size_t inlined = 0;

  std::string run(std::string_view text, const std::vector<model::Page::Include>& includes, int depth) {
    std::vector<std::pair<size_t, std::string>> parts;  // where, what
    for (const auto& inc : includes) {
      if (inlined >= limits.max_partials) break;
      if (inc.at > text.size()) continue;
      const auto url = url::resolve(base, inc.src);  // partials' own includes too: scripts fetch against the page
      if (!url) continue;
      const auto partial = read(*url);
      if (!partial) continue;
      ++inlined;
      std::string body(body_of(*partial));
      if (depth + 1 < limits.max_depth) {
        ParseInput in{*url, base, ""};
        const model::Page inner = parse_utf8(body, in);
        if (!inner.includes.empty()) body = run(body, inner.includes, depth + 1);
      }
      parts.emplace_back(inc.at, std::move(body));
    }
    std::stable_sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string out;
    out.reserve(text.size());
    size_t copied = 0;
    for (auto& [at, body] : parts) {
      out.append(text.substr(copied, at - copied));
      copied = at;
      if (out.size() + body.size() + (text.size() - at) <= limits.max_bytes) out += body;
    }
    out.append(text.substr(copied));
    return out;
  }
};

}  // namespace

std::string inline_includes(std::string_view utf8, const std::vector<model::Page::Include>& includes, const std::string& base_url,
                            const PartialReader& read, const InlineLimits& limits, size_t& inlined) {
  Inliner in{base_url, read, limits};
  std::string out = in.run(utf8, includes, 0);
  inlined = in.inlined;
  return out;
}

model::Page parse_page_with_includes(std::string_view bytes, const ParseInput& input, const std::string& include_base, const PartialReader& read,
                                     const ParseLimits& limits, const InlineLimits& inline_limits) {
  const Decoded d = decode_html(bytes, input.http_charset, Copy::only_if_changed);
  model::Page page = parse_utf8(d.utf8(), input, limits);
  if (!page.includes.empty() && read && !include_base.empty()) {
    size_t inlined = 0;
    const std::string text = inline_includes(d.utf8(), page.includes, include_base, read, inline_limits, inlined);
    if (inlined > 0) {
      ParseInput with = input;
      with.includes_inlined = true;
      page = parse_utf8(text, with, limits);
      page.partials_inlined = inlined;
    }
  }
  page.encoding = d.encoding;
  page.encoding_source = d.source;
  page.had_invalid_bytes = d.had_invalid_bytes;
  return page;
}

}  // namespace amable::parse
