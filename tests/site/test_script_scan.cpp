// scan_scripts(): one pass over each inline script answers the chat, injection, e-mail and
// autoplay questions as the separate searches did, case-sensitive where those were.
#include <doctest/doctest.h>

#include "parse/html_parser.hpp"
#include "site/script_scan.hpp"

using namespace amable;

namespace {

site::ScriptScan scan(const std::string& html) {
  return site::scan_scripts(parse::parse_page(html, parse::ParseInput{"p.html", "https://shop.example/p.html", ""}));
}

}  // namespace

TEST_CASE("script scan: a chat loader, code that writes the page, an assembled address, autoplay") {
  const auto s = scan(
      "<body><p>x</p><script>var t=document.createElement('script');t.src='https://embed.tawk.to/1/default';"
      "document.body.appendChild(t); var u='info'+'@'+'shop.example'; $('.c').slick({autoplay: true});</script>");
  CHECK(s.chat_vendor == "embed.tawk.to");
  CHECK(s.injects);
  CHECK(s.email);
  CHECK(s.autoplay);
}

TEST_CASE("script scan: nothing in a plain page, JSON data does not count as code, case matters where it did") {
  const auto none = scan("<body><script>var a = 1; window.state = {\"items\": []};</script>");
  CHECK(none.chat_vendor.empty());
  CHECK_FALSE(none.injects);
  CHECK_FALSE(none.email);
  CHECK_FALSE(none.autoplay);
  // The API names are case-sensitive: "INNERHTML" in a string is not a call.
  CHECK_FALSE(scan("<body><script>var label = 'INNERHTML and FETCH( docs';</script>").injects);
  // A JSON data block may mention fetch( in a text: it is data, not code; an address in it counts.
  CHECK_FALSE(scan("<body><script type=application/json>{\"description\": \"fetch( innerHTML\"}</script>").injects);
  CHECK(scan("<body><script type=application/json>{\"email\": \"mailto:a@b.example\"}</script>").email);
  CHECK_FALSE(scan("<body><script>slider({autoplay: false})</script>").autoplay);
  CHECK(scan("<body><script>var e = user + \"@\" + host;</script>").email);
  CHECK(scan("<body><script>var e = 'info@shop.example'; var f = '@' + x;</script>").email);
  CHECK_FALSE(scan("<body><script>var e = \"info@shop.example\"; // @ '@\"</script>").email);
}

TEST_CASE("script scan: the first script with a chat vendor gives it, in the lexicon's order within that script") {
  // widget.intercom.io comes before embed.tawk.to in the lexicon.
  const auto s = scan("<body><script>load('embed.tawk.to'); load('widget.intercom.io')</script><script src='https://code.tidio.co/x.js'></script>");
  CHECK(s.chat_vendor == "widget.intercom.io");
  CHECK(scan("<body><script src='https://code.tidio.co/x.js'></script><script>load('embed.tawk.to')</script>").chat_vendor == "code.tidio.co");
  // An inline script of 64 KiB (the most the parser keeps) is not read for chat loaders (a
  // state blob), but still for the rest.
  const auto big = scan("<body><script>el.innerHTML = s; load('embed.tawk.to'); var s='" + std::string(70000, 'x') + "';</script>");
  CHECK(big.chat_vendor.empty());
  CHECK(big.injects);
}

TEST_CASE("script scan: a site-search service's script, from its src or its inline loader, at any size") {
  CHECK(scan("<body><script src='https://cdn.jsdelivr.net/npm/algoliasearch/lite.js'></script>").search_vendor == "algolia");
  CHECK(scan("<body><script>var s='" + std::string(70000, 'x') + "'; klevu.init();</script>").search_vendor.empty());  // past the 64 KiB kept
  CHECK(scan("<body><script>klevu.init(); var s='" + std::string(70000, 'x') + "';</script>").search_vendor == "klevu");
  CHECK(scan("<body><script>window.doofinderApp = {}; var a = 'algolia';</script>").search_vendor == "algolia");  // list order
}
