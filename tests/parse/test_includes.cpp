// Partials named by include attributes, put in place without a browser (src/parse/includes.cpp),
// and the signs of script-built chrome the parser records (src/parse/script_signals.cpp).
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "parse/html_parser.hpp"
#include "parse/includes.hpp"
#include "parse/raw_text.hpp"

using amable::model::Page;
using amable::model::Region;
namespace parse = amable::parse;

namespace {

const std::string k_base = "http://amable.invalid/about.html";

// A reader over named partials that counts its reads.
struct Files {
  std::map<std::string, std::string> files;
  int reads = 0;
  parse::PartialReader reader() {
    return [this](const std::string& url) -> std::optional<std::string> {
      ++reads;
      const auto it = files.find(url);
      if (it == files.end()) return std::nullopt;
      return it->second;
    };
  }
};

Page parse_with(const std::string& html, Files& f) {
  return parse::parse_page_with_includes(html, parse::ParseInput{"about.html", "about.html", ""}, k_base, f.reader());
}

const amable::model::TextBlock* block_with(const Page& p, const std::string& needle) {
  for (const auto& b : p.blocks)
    if (b.text.find(needle) != std::string::npos) return &b;
  return nullptr;
}

}  // namespace

TEST_CASE("includes: a footer partial named by w3-include-html is read into the footer") {
  Files f{{{"http://amable.invalid/footer.html", "<p>Write to shop@clarewool.ie</p>"},
           {"http://amable.invalid/parts/menu.html", "<a href=\"contact.html\">Contact</a>"}}};
  const Page p = parse_with(R"(<html><head><title>About</title><script src="include.js"></script></head><body>
      <nav data-include="parts/menu.html"></nav><main><p>We weave.</p></main>
      <footer w3-include-html="footer.html"></footer></body></html>)", f);
  const auto* mail = block_with(p, "shop@clarewool.ie");
  REQUIRE(mail);
  CHECK(mail->region == Region::footer);
  CHECK(std::any_of(p.links.begin(), p.links.end(), [](const auto& l) { return l.href == "contact.html" && l.region == Region::nav; }));
  CHECK(p.partials_inlined == 2);
  // Done by amable, the includes are no sign of a page only a browser can show.
  CHECK_FALSE(p.script_includes);
  CHECK_FALSE(p.empty_chrome);
}

TEST_CASE("includes: htmx loads on 'load' only; partials that include partials; whole documents give their body") {
  Files f{{{"http://amable.invalid/header.html",
            "<!doctype html><html><head><title>Header</title></head><body><h2>Clare Wool</h2><div w3-include-html=\"phone.html\"></div></body></html>"},
           {"http://amable.invalid/phone.html", "<p>Call 065 682 1234</p>"},
           {"http://amable.invalid/later.html", "<p>Only on click</p>"}}};
  const Page p = parse_with(R"(<html><body><header hx-get="header.html" hx-trigger="load"></header>
      <div hx-get="later.html" hx-trigger="click"></div><p>Blankets.</p></body></html>)", f);
  REQUIRE(block_with(p, "Call 065 682 1234"));
  CHECK(block_with(p, "Call 065 682 1234")->region == Region::header);
  CHECK_FALSE(block_with(p, "Only on click"));
  CHECK(p.title.empty());  // the partial's <title> is not the page's
  CHECK(p.partials_inlined == 2);
}

TEST_CASE("includes: a partial that cannot be read leaves the page as written, still a sign of scripts") {
  Files f;
  const Page p = parse_with(R"(<html><body><footer w3-include-html="footer.html"></footer><p>Blankets.</p></body></html>)", f);
  CHECK(f.reads == 1);
  CHECK(p.partials_inlined == 0);
  CHECK(p.script_includes);
  CHECK(p.empty_chrome);
}

TEST_CASE("includes: a partial that includes itself stops at the depth limit; the page's size is capped") {
  Files f{{{"http://amable.invalid/loop.html", "<p>again</p><div w3-include-html=\"loop.html\"></div>"}}};
  parse::InlineLimits limits;
  const Page p = parse::parse_page_with_includes(R"(<html><body><div w3-include-html="loop.html"></div></body></html>)",
                                                 parse::ParseInput{"about.html", "about.html", ""}, k_base, f.reader(), {}, limits);
  CHECK(p.partials_inlined == static_cast<size_t>(limits.max_depth));
  Files big{{{"http://amable.invalid/big.html", std::string(100000, 'x')}}};
  limits.max_bytes = 50000;
  const Page q = parse::parse_page_with_includes(R"(<html><body><div w3-include-html="big.html"></div><p>Blankets.</p></body></html>)",
                                                 parse::ParseInput{"about.html", "about.html", ""}, k_base, big.reader(), {}, limits);
  CHECK(block_with(q, "Blankets."));
  CHECK_FALSE(block_with(q, "xxxxxxxxxx"));
}

TEST_CASE("includes: the partial goes right after its element's start tag, with long scripts cut before it") {
  // Scripts over 256 bytes go around Gumbo (raw_text.hpp): positions map back to the page's text.
  const std::string script = "<script>var catalogue = \"" + std::string(2000, 'a') + "\";</script>";
  Files f{{{"http://amable.invalid/footer.html", "<p>Open Monday to Friday</p>"}}};
  const Page p = parse_with("<html><head>" + script + "</head><body>" + script + "<p>Before.</p><footer id=\"f\" w3-include-html=\"footer.html\">" +
                                "</footer><p>After.</p></body></html>", f);
  const auto* hours = block_with(p, "Open Monday to Friday");
  REQUIRE(hours);
  CHECK(hours->region == Region::footer);
  CHECK(block_with(p, "Before."));
  CHECK(block_with(p, "After."));
}

TEST_CASE("raw text: positions in the cut page map back to the source") {
  const std::string big(600, 'b');
  const std::string html = "<p>a</p><script>" + big + "</script><div id=x></div><style>" + big + "</style><i>y</i>";
  const parse::RawTextCut cut(html);
  const std::string_view c = cut.html();
  REQUIRE(c.size() < html.size());
  for (const std::string needle : {"<p>a", "</script><div id=x>", "</style><i>y"}) {
    const size_t in_cut = c.find(needle), in_source = html.find(needle);
    REQUIRE(in_cut != std::string_view::npos);
    CHECK(cut.source_offset(in_cut) == in_source);
  }
}

TEST_CASE("script signals: empty chrome, chrome components and fragments") {
  auto parse_html = [](const std::string& html) { return parse::parse_page(html, parse::ParseInput{"p.html", "p.html", ""}); };
  CHECK(parse_html("<html><body><header></header><main><p>Shop</p></main></body></html>").empty_chrome);
  CHECK(parse_html("<html><body><site-footer> </site-footer><p>Shop</p></body></html>").empty_chrome);
  CHECK(parse_html("<html><body><div id=\"footer\"><!-- filled by footer.js --></div></body></html>").empty_chrome);
  CHECK_FALSE(parse_html("<html><body><header><a href=\"/\">Logo</a></header><footer>Shop</footer></body></html>").empty_chrome);
  CHECK(parse_html("<p>Call us</p><a href=\"contact.html\">Contact</a>").fragment);
  CHECK_FALSE(parse_html("<title>Contact</title><p>Call us</p>").fragment);
  CHECK_FALSE(parse_html("<html><body><p>Call us</p></body></html>").fragment);
}
