#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "parse/html_parser.hpp"
#include "util/text.hpp"

using amable::model::Page;
using amable::model::Region;
namespace parse = amable::parse;

namespace {

Page parse_html(const std::string& html, const std::string& url = "index.html") {
  return parse::parse_page(html, parse::ParseInput{url, "file:///" + url, ""});
}

std::string all_text(const Page& p, bool visible_only = true) {
  std::string out;
  for (const auto& b : p.blocks)
    if (!visible_only || b.visible()) out += b.text + "\n";
  return out;
}

const amable::model::TextBlock* block_with(const Page& p, const std::string& needle) {
  for (const auto& b : p.blocks)
    if (b.text.find(needle) != std::string::npos) return &b;
  return nullptr;
}

}  // namespace

TEST_CASE("parser: reads title, lang, meta description, og:locale and meta refresh") {
  const Page p = parse_html(R"(<!doctype html><html lang="es-ES"><head>
    <title> Mi  Tienda </title>
    <meta name="description" content="Mantas de lana">
    <meta property="og:locale" content="es_ES">
    <meta http-equiv="refresh" content="5; url=home.html">
    </head><body><h1>Hola</h1></body></html>)");
  CHECK(p.title == "Mi Tienda");
  CHECK(p.lang == "es-ES");
  CHECK(p.meta_description == "Mantas de lana");
  CHECK(p.meta("og:locale") == "es_ES");
  CHECK(p.meta_refresh == "5; url=home.html");
  REQUIRE(p.headings.size() == 1);
  CHECK(p.headings[0].level == 1);
  CHECK(p.headings[0].text == "Hola");
}

TEST_CASE("parser: splits visible text into blocks by region") {
  const Page p = parse_html(R"(<html><body>
    <header><p>Call 912 345 678</p></header>
    <nav><a href="a.html">Shop</a></nav>
    <main><p>Main text here</p></main>
    <aside>Related</aside>
    <footer><p>ana@shop.es</p></footer></body></html>)");
  REQUIRE(block_with(p, "Call") != nullptr);
  CHECK(block_with(p, "Call")->region == Region::header);
  CHECK(block_with(p, "Shop")->region == Region::nav);
  CHECK(block_with(p, "Main text")->region == Region::main);
  CHECK(block_with(p, "Related")->region == Region::aside);
  CHECK(block_with(p, "ana@")->region == Region::footer);
  CHECK(block_with(p, "ana@")->selector == "footer > p");
}

TEST_CASE("parser: chrome named by id or class counts as header and footer, a card header does not") {
  const Page p = parse_html(R"(<html><body>
    <div id="header"><p>Top bar text</p></div>
    <div class="content"><div class="card"><div class="card-header">Card title</div></div></div>
    <div class="site-footer"><p>Footer text</p></div></body></html>)");
  CHECK(block_with(p, "Top bar")->region == Region::header);
  CHECK(block_with(p, "Card title")->region == Region::main);
  CHECK(block_with(p, "Footer text")->region == Region::footer);
}

TEST_CASE("parser: header and footer inside an article belong to the article") {
  const Page p = parse_html(R"(<html><body><article><header><p>Post header</p></header>
    <footer><p>Post footer</p></footer></article></body></html>)");
  CHECK(block_with(p, "Post header")->region == Region::main);
  CHECK(block_with(p, "Post footer")->region == Region::main);
}

TEST_CASE("parser: script, style, noscript, template, hidden and small aria-hidden text is not visible") {
  const Page p = parse_html(R"(<html><head><style>.x{color:red}</style></head><body>
    <p>Shown</p>
    <script>var secret = "script text";</script>
    <noscript>Please enable JavaScript</noscript>
    <template><p>template text</p></template>
    <p hidden>hidden attribute</p>
    <span aria-hidden="true">icon</span>
    <div style="display: none">collapsed accordion</div>
    <div style="visibility:hidden">invisible</div>
    </body></html>)");
  const std::string text = all_text(p);
  CHECK(text.find("Shown") != std::string::npos);
  for (const char* gone : {"script text", "color:red", "enable JavaScript", "template text", "hidden attribute",
                           "icon", "collapsed accordion", "invisible"})
    CHECK_MESSAGE(text.find(gone) == std::string::npos, gone);
  // Collapsed (display:none) text is kept apart, flagged, for detectors that read accordions.
  const auto* collapsed = block_with(p, "collapsed accordion");
  REQUIRE(collapsed != nullptr);
  CHECK_FALSE(collapsed->visible());
  CHECK(p.noscript_text.find("enable JavaScript") != std::string::npos);
  CHECK(p.styles.find("color:red") != std::string::npos);
}

TEST_CASE("parser: a large aria-hidden panel is still visible text") {
  std::string long_text(300, 'x');
  const Page p = parse_html("<html><body><div aria-hidden=\"true\"><p>Returns: 30 days " + long_text + "</p></div></body></html>");
  CHECK(block_with(p, "Returns: 30 days") != nullptr);
  CHECK(block_with(p, "Returns: 30 days")->visible());
}

TEST_CASE("parser: unclosed tags and entities") {
  const Page p = parse_html("<html><body><p>Caf&eacute; &amp; t&#233; &lt;3<p>Second <b>bold<i>both</p><div>Last");
  CHECK(block_with(p, "Café & té <3") != nullptr);
  CHECK(block_with(p, "Second boldboth") != nullptr);
  CHECK(block_with(p, "Last") != nullptr);
}

TEST_CASE("parser: <br> is a line break inside a block, block elements are boundaries") {
  const Page p = parse_html("<html><body><address>Calle Mayor 12<br>28013 Madrid</address><p>a</p><p>b</p></body></html>");
  const auto* addr = block_with(p, "Calle Mayor");
  REQUIRE(addr != nullptr);
  CHECK(addr->text == "Calle Mayor 12\n28013 Madrid");
  CHECK(addr->has(amable::model::k_block_address));
  CHECK(std::count_if(p.blocks.begin(), p.blocks.end(), [](const auto& b) { return b.text == "a" || b.text == "b"; }) == 2);
}

TEST_CASE("parser: links keep href, resolved URL, text, region and rel") {
  const Page p = parse_html(R"(<html><head><base href="sub/"></head><body>
    <footer><a href="../devoluciones.html#top" rel="nofollow">Devoluciones</a>
    <a href="mailto:ana@shop.es?subject=hola">Escríbenos</a>
    <a href="tel:+34912345678"><img src="phone.png" alt="Teléfono"></a>
    <a href="http://Other.EXAMPLE:80/x">Other</a></footer></body></html>)");
  REQUIRE(p.links.size() == 4);
  CHECK(p.links[0].url == "file:///devoluciones.html");
  CHECK(p.links[0].text == "Devoluciones");
  CHECK(p.links[0].rel == "nofollow");
  CHECK(p.links[0].region == Region::footer);
  CHECK(p.links[1].url == "mailto:ana@shop.es?subject=hola");
  CHECK(p.links[2].text == "Teléfono");
  CHECK(p.links[2].has_image);
  CHECK(p.links[3].url == "http://other.example/x");
}

TEST_CASE("parser: forms with fields, labels and select options") {
  const Page p = parse_html(R"(<html><body><form action="/contact/send" method="POST" role="search">
    <label for="m">Your e-mail</label><input id="m" type="email" name="email">
    <textarea name="msg"></textarea>
    <select name="subject"><option>Order</option><option>Complaint</option></select>
    <label><input type="checkbox" name="ok"> I accept the privacy policy</label>
    <button type="submit">Send</button></form></body></html>)");
  REQUIRE(p.forms.size() == 1);
  const auto& f = p.forms[0];
  CHECK(f.action == "file:///contact/send");
  CHECK(f.method == "post");
  CHECK(f.role == "search");
  REQUIRE(f.fields.size() == 5);
  CHECK(f.fields[0].type == "email");
  CHECK(f.fields[0].label == "Your e-mail");
  CHECK(f.fields[1].tag == "textarea");
  CHECK(f.fields[2].options == std::vector<std::string>{"Order", "Complaint"});
  CHECK(f.fields[3].label == "I accept the privacy policy");
  CHECK(f.fields[4].label == "Send");
  // Option texts belong to the field, not to the page's text.
  CHECK(block_with(p, "Complaint") == nullptr);
}

TEST_CASE("parser: media, embeds and frames are kept with their attributes") {
  const Page p = parse_html(R"(<html><body>
    <object type="application/x-shockwave-flash" data="intro.swf"><param name="movie" value="intro.swf"></object>
    <video autoplay muted src="hero.mp4"></video>
    <iframe src="https://www.youtube.com/embed/x?autoplay=1"></iframe>
    <marquee>Sale!</marquee>
    <div class="newsletter-popup">Subscribe</div></body></html>)");
  auto has = [&](const std::string& tag) {
    return std::any_of(p.elements.begin(), p.elements.end(), [&](const auto& e) { return e.tag == tag; });
  };
  CHECK(has("object"));
  CHECK(has("param"));
  CHECK(has("video"));
  CHECK(has("iframe"));
  CHECK(has("marquee"));
  CHECK(has("div"));  // by its class
  for (const auto& e : p.elements)
    if (e.tag == "video") {
      CHECK(e.attr("src") == "hero.mp4");
      CHECK(e.attr("autoplay").empty());
    }
}

TEST_CASE("parser: JSON-LD blocks and microdata") {
  const Page p = parse_html(R"(<html><head><script type="application/ld+json">{"@type":"Organization","email":"a@b.es"}</script></head>
    <body><div itemscope itemtype="https://schema.org/Organization"><span itemprop="telephone">912 345 678</span>
    <meta itemprop="email" content="info@shop.es"></div></body></html>)");
  REQUIRE(p.json_ld.size() == 1);
  CHECK(p.json_ld[0].find("Organization") != std::string::npos);
  REQUIRE(p.microdata.size() == 2);
  CHECK(p.microdata[0].prop == "telephone");
  CHECK(p.microdata[0].value == "912 345 678");
  CHECK(p.microdata[0].itemtype == "https://schema.org/Organization");
  CHECK(p.microdata[1].value == "info@shop.es");
}

TEST_CASE("parser: SKU and price elements are guarded spans") {
  const Page p = parse_html(R"(<html><body><p>Ref: <span class="sku">600123456</span> · Tel 912 345 678</p></body></html>)");
  const auto* b = block_with(p, "600123456");
  REQUIRE(b != nullptr);
  REQUIRE(b->guarded.size() == 1);
  CHECK(b->text.substr(b->guarded[0].begin, b->guarded[0].end - b->guarded[0].begin) == "600123456");
}

TEST_CASE("parser: empty input and binary garbage give an empty page, not a crash") {
  CHECK(parse_html("").blocks.empty());
  std::string garbage;
  for (int i = 0; i < 100000; ++i) garbage.push_back(static_cast<char>((i * 7919) % 256));
  const Page p = parse_html(garbage);
  for (const auto& b : p.blocks) CHECK(amable::util::is_valid_utf8(b.text));
}

TEST_CASE("parser: a 5 MB page is read, its visible text capped") {
  std::string html = "<html><body>";
  while (html.size() < 5u * 1024 * 1024) html += "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>\n";
  html += "<footer><p>End marker</p></footer></body></html>";
  const Page p = parse_html(html);
  CHECK(p.blocks.size() > 1000);
  CHECK(p.text_chars <= (2u << 20) + 1000);
  CHECK_FALSE(p.notes.empty());
}

TEST_CASE("parser: 10,000 levels of nesting do not crash and deeper markup is cut with a note") {
  std::string html = "<html><body>";
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += "deep text";
  for (int i = 0; i < 10000; ++i) html += "</div>";
  html += "<p>after</p></body></html>";
  const Page p = parse_html(html);
  CHECK(block_with(p, "after") != nullptr);
  CHECK(p.max_depth >= 4999);
  CHECK_FALSE(p.notes.empty());
}
