// Which pages --render auto sends to a browser, decided from the raw parse (src/render/render_need.cpp).
#include <doctest/doctest.h>

#include "parse/html_parser.hpp"
#include "render/render_need.hpp"
#include "site/page_facts.hpp"

using namespace amable;
using render::Mode;

namespace {

model::PageFacts facts_of(const std::string& html) {
  const model::Page page = parse::parse_page(html, parse::ParseInput{"index.html", "index.html", ""});
  return site::extract_facts(page, site::FactOptions{}, true);
}

std::string reason(const std::string& html, Mode mode = Mode::automatic) {
  const auto need = render::render_need(facts_of(html), mode);
  return need ? need->reason : "";
}

const std::string k_words =
    "<p>Wool blankets woven in County Clare. Choose the colour and the size you like, and we send it to your door in three days. "
    "Every blanket is washed, checked and folded by hand before it leaves the mill, and each one carries the name of the "
    "weaver who made it.</p>";
const std::string k_contact = "<p>Call us on 065 682 1230 or write to shop@clarewool.ie.</p>";

}  // namespace

TEST_CASE("render need: pages that scripts assemble go to the browser, each for its reason") {
  CHECK(reason("<html><body><div id=\"root\"></div><script src=\"app.js\"></script></body></html>") == "app-root");
  CHECK(reason("<html><body>" + k_words + "<noscript>You need to enable JavaScript to run this app.</noscript><script src=\"a.js\"></script></body></html>") ==
        "noscript");
  CHECK(reason("<html><body>" + k_words + "<div w3-include-html=\"footer.html\"></div><script src=\"w3.js\"></script></body></html>") == "includes");
  CHECK(reason("<html><body><header></header>" + k_words + k_contact + "<footer id=\"footer\"></footer><script src=\"site.js\"></script></body></html>") ==
        "empty-chrome");
  CHECK(reason("<html><body><p>Loading</p><script src=\"site.js\"></script></body></html>") == "little-text");
  // No channel on the page and an inline script that writes markup: maybe.
  const auto maybe = render::render_need(
      facts_of("<html><body>" + k_words + "<div id=\"c\"></div><script>document.getElementById('c').innerHTML = '<p>Call us</p>';</script></body></html>"),
      Mode::automatic);
  REQUIRE(maybe);
  CHECK(maybe->reason == "no-contact");
  CHECK_FALSE(maybe->strong);
}

TEST_CASE("render need: a static page, a page with its contact details, and --render never need no browser") {
  CHECK(reason("<html><body><header><a href=\"/\">Clare Wool</a></header>" + k_words + "<footer>" + k_contact + "</footer></body></html>").empty());
  // Scripts that change nothing visible (analytics) on a page that shows its channels.
  CHECK(reason("<html><body>" + k_words + k_contact + "<script src=\"https://www.googletagmanager.com/gtag/js\"></script></body></html>").empty());
  CHECK(reason("<html><body><div id=\"root\"></div><script src=\"app.js\"></script></body></html>", Mode::never).empty());
  CHECK(reason("<html><body>" + k_words + "</body></html>", Mode::always) == "always");
}

TEST_CASE("render budget: a sample of barren renders stops the browser; one gain keeps it going; the limit holds") {
  render::RenderBudget barren(100, 5);
  for (int i = 0; i < 5; ++i) {
    REQUIRE(barren.allows());
    barren.started();
    barren.finished(false);
  }
  CHECK_FALSE(barren.allows());
  CHECK(barren.stopped());

  render::RenderBudget useful(100, 5);
  useful.started();
  useful.finished(true);
  for (int i = 0; i < 10; ++i) {
    useful.started();
    useful.finished(false);
  }
  CHECK(useful.allows());

  render::RenderBudget limited(3, 5);
  for (int i = 0; i < 3; ++i) limited.started();
  CHECK_FALSE(limited.allows());
  CHECK(limited.exhausted());
  CHECK_FALSE(limited.stopped());
}

TEST_CASE("render gained: more words, links or contact facts count; the same page does not") {
  const auto raw = facts_of("<html><body><footer id=\"footer\"></footer>" + k_words + "<script src=\"s.js\"></script></body></html>");
  const auto same = facts_of("<html><body><footer id=\"footer\"></footer>" + k_words + "</body></html>");
  const auto more = facts_of("<html><body><footer id=\"footer\">" + k_contact + "</footer>" + k_words + "</body></html>");
  CHECK_FALSE(render::render_gained(raw, same));
  CHECK(render::render_gained(raw, more));
}
