#include "fuzz/targets.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/config.hpp"
#include "fetch/robots.hpp"
#include "fetch/sitemap.hpp"
#include "model/report_json.hpp"
#include "parse/html_parser.hpp"
#include "parse/raw_text.hpp"
#include "reports/writer.hpp"
#include "rules/rule_list.hpp"
#include "site/page_facts.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace amable::fuzz {
namespace {

std::string_view bytes(const uint8_t* data, size_t size) { return {reinterpret_cast<const char*>(data), size}; }

void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

}  // namespace

int html_page(const uint8_t* data, size_t size) {
  const std::string_view in = bytes(data, size);
  parse::ParseLimits limits;
  const model::Page page = parse::parse_page(in, parse::ParseInput{"index.html", "https://shop.example/dir/index.html", ""}, limits);
  require(page.text_chars <= limits.max_text_bytes + 16, "visible text within its cap");
  require(page.links.size() <= limits.max_links, "links within their cap");
  for (const auto& b : page.blocks) require(util::is_valid_utf8(b.text), "block text is UTF-8");
  require(util::is_valid_utf8(page.title), "title is UTF-8");
  const auto facts = site::extract_facts(page, site::FactOptions{}, true);
  for (const auto& e : facts.emails) require(util::is_valid_utf8(e.where.snippet), "evidence is UTF-8");
  // The script/style cut must not change the page.
  if (size < (64u << 10)) {
    parse::ParseLimits plain = limits;
    plain.skip_raw_text = false;
    const model::Page reference = parse::parse_page(in, parse::ParseInput{"index.html", "https://shop.example/dir/index.html", ""}, plain);
    require(reference.blocks.size() == page.blocks.size() && reference.links.size() == page.links.size() &&
                reference.scripts.size() == page.scripts.size() && reference.title == page.title,
            "the script/style cut leaves the page as it was");
    for (size_t i = 0; i < page.blocks.size(); ++i) require(reference.blocks[i].text == page.blocks[i].text, "same block text");
    for (size_t i = 0; i < page.scripts.size(); ++i) require(reference.scripts[i].content == page.scripts[i].content, "same script text");
  }
  return 0;
}

int robots_txt(const uint8_t* data, size_t size) {
  const std::string_view in = bytes(data, size);
  const auto robots = fetch::Robots::parse(in);
  // The first line doubles as a URL path to check, so matching sees hostile paths too.
  const std::string_view first = in.substr(0, std::min(in.find('\n'), size_t{200}));
  for (const std::string& path : {std::string("/"), std::string("/a/b.html?x=1"), "/" + std::string(first)}) {
    (void)robots.allowed("amable", "https://shop.example" + path);
    (void)robots.allowed("*", "https://shop.example" + path);
  }
  (void)robots.crawl_delay("amable");
  (void)fetch::robots_parse_stats(in);
  return 0;
}

int sitemap_xml(const uint8_t* data, size_t size) {
  const auto map = fetch::parse_sitemap(bytes(data, size), 1000, 1u << 20);
  if (map) require(map->urls.size() <= 1000, "URLs within the cap");
  bool truncated = false;
  if (auto out = fetch::gunzip(bytes(data, size), 1u << 20, truncated)) require(out->size() <= (1u << 20), "unpacked within the cap");
  return 0;
}

int url(const uint8_t* data, size_t size) {
  const std::string_view in = bytes(data, size);
  // "base\nhref": both hostile.
  const size_t nl = in.find('\n');
  const std::string_view base = nl == std::string_view::npos ? "https://shop.example/a/b.html" : in.substr(0, nl);
  const std::string_view href = nl == std::string_view::npos ? in : in.substr(nl + 1);
  for (const std::string_view b : {base, std::string_view("https://shop.example/a/b.html"), std::string_view("file:///site/dir/x.html")}) {
    const auto resolved = url::resolve(b, href);
    require(resolved == url::resolve_uncached(b, href), "the memo agrees with curl_url");
    if (resolved && (util::istarts_with(*resolved, "http://") || util::istarts_with(*resolved, "https://"))) {
      const auto again = url::normalize(*resolved);
      require(again.has_value(), "a resolved http(s) URL normalises");
      require(resolved->find('#') == std::string::npos, "fragments are dropped");
    }
  }
  (void)url::normalize(href);
  (void)url::parse(href);
  (void)url::clean_href(href);
  return 0;
}

int config_json(const uint8_t* data, size_t size) {
  static const auto catalog = rules::rule_catalog();
  const auto c = engine::parse_config(bytes(data, size), "amable.json", catalog);
  if (!c) require(c.error().starts_with("amable.json"), "a config error names the file");
  return 0;
}

int report_json(const uint8_t* data, size_t size) {
  const auto j = nlohmann::json::parse(bytes(data, size), nullptr, false);
  if (j.is_discarded()) return 0;
  const auto report = model::report_from_json(j);
  if (!report) return 0;
  for (const auto& w : reports::writers()) {
    const std::string out = w.write(*report, reports::WriteOptions{});
    if (w.name == "html") require(out.find("<script") == std::string::npos, "no script in the HTML report");
    if (w.name == "text") require(out.find('\x1b') == std::string::npos, "no escape sequence in the text report");
    if (w.name == "markdown") {
      require(out.find('\x1b') == std::string::npos, "no escape sequence in the Markdown report");
      require(!util::icontains(out, "](javascript:"), "no javascript: link in the Markdown report");
    }
    if (w.name == "junit") require(out.find("<script") == std::string::npos, "no markup from the report in JUnit");
  }
  return 0;
}

}  // namespace amable::fuzz
