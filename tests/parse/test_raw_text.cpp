// Script and style contents taken around Gumbo (parse/raw_text.hpp): each ends where the HTML
// tokenizer says it does, and the Page comes out the same with and without the cut, on
// crafted edge cases and on every page of the shared corpus.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "helpers.hpp"
#include "parse/html_parser.hpp"
#include "parse/raw_text.hpp"

using namespace amable;
namespace fs = std::filesystem;

namespace {

// Everything a Page holds, as JSON, so two parses can be compared field by field.
nlohmann::json dump(const model::Page& p) {
  nlohmann::json j;
  j["head"] = {p.lang, p.content_language, p.title, p.meta_description, p.meta_refresh, p.meta_robots, p.csp, p.base_url};
  for (const auto& m : p.metas) j["metas"].push_back({m.name, m.value});
  for (const auto& l : p.head_links) j["head_links"].push_back({l.rel, l.href, l.type, l.hreflang});
  for (const auto& h : p.headings) j["headings"].push_back({h.level, h.text, h.selector, static_cast<int>(h.region)});
  for (const auto& b : p.blocks) {
    nlohmann::json g = nlohmann::json::array();
    for (const auto& s : b.guarded) g.push_back({s.begin, s.end});
    j["blocks"].push_back({b.text, b.selector, static_cast<int>(b.region), b.heading_level, b.flags, g});
  }
  for (const auto& l : p.links)
    j["links"].push_back({l.href, l.url, l.text, l.label, l.rel, l.selector, static_cast<int>(l.region), l.hidden, l.has_image, l.form, l.block_flags});
  for (const auto& f : p.forms) {
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& x : f.fields) fields.push_back({x.tag, x.type, x.name, x.id, x.placeholder, x.autocomplete, x.label, x.value, x.options});
    j["forms"].push_back({f.action, f.method, f.id, f.cls, f.role, f.selector, static_cast<int>(f.region), f.text, fields});
  }
  for (const auto& e : p.elements) {
    nlohmann::json attrs = nlohmann::json::array();
    for (const auto& a : e.attrs) attrs.push_back({a.name, a.value});
    j["elements"].push_back({e.tag, e.selector, static_cast<int>(e.region), e.hidden, attrs});
  }
  for (const auto& i : p.images) j["images"].push_back({i.src, i.alt, static_cast<int>(i.region), i.width, i.height, i.in_link});
  for (const auto& s : p.scripts) j["scripts"].push_back({s.src, s.type, s.content});
  j["json_ld"] = p.json_ld;
  for (const auto& m : p.microdata) j["microdata"].push_back({m.itemtype, m.prop, m.value});
  nlohmann::json notes = nlohmann::json::array();
  for (const auto& n : p.notes) notes.push_back(n.text());
  j["rest"] = {p.styles, p.noscript_text, p.text_chars, p.element_count, p.max_depth, p.empty_app_root, notes};
  return j;
}

model::Page parse_with(std::string_view html, bool skip) {
  parse::ParseLimits limits;
  limits.skip_raw_text = skip;
  return parse::parse_page(html, parse::ParseInput{"index.html", "https://shop.example/index.html", ""}, limits);
}

// The first part where two dumps differ, for a readable failure.
std::string first_difference(const nlohmann::json& a, const nlohmann::json& b) {
  const auto patch = nlohmann::json::diff(a, b);
  return patch.empty() ? std::string() : patch[0].dump().substr(0, 600);
}

// Big enough to be cut (contents under 256 bytes stay in place).
std::string filler(char c = 'x') { return std::string(300, c); }

}  // namespace

TEST_CASE("raw text: a script ends at </script> followed by space, / or >, in any case") {
  CHECK(parse::script_data_end("a</script>", 0) == 1);
  CHECK(parse::script_data_end("a</SCRIPT >", 0) == 1);
  CHECK(parse::script_data_end("a</scripts></script>", 0) == 11);
  CHECK(parse::script_data_end("if (a<b) x = '</scr' + 'ipt>'; </script>", 0) == 31);
  CHECK(parse::script_data_end("no end", 0) == 6);
}

TEST_CASE("raw text: the script-data escape states: <!-- <script> hides one </script>") {
  // Inside "<!--" a "<script>" opens the double-escaped state, where "</script>" only closes it.
  const std::string s = "<!-- document.write('<script>x()</script>'); --> y()</script>";
  CHECK(parse::script_data_end(s, 0) == s.size() - 9);
  // "-->" leaves the escape: the next "</script>" ends the element.
  CHECK(parse::script_data_end("<!-- a --></script>", 0) == 10);
  // "<!-->" is a whole escape already.
  CHECK(parse::script_data_end("<!--></script>", 0) == 5);
}

TEST_CASE("raw text: only real <script> and <style> start tags are cut") {
  const std::string big = filler();
  const std::string html = "<div title=\"<script>" + big + "\">a</div><!-- <script>" + big + " --><textarea><script>" + big +
                           "</textarea><svg><script>" + big + "</script><style>" + big + "</style></svg><script>" + big +
                           "</script><style>" + big + "</style>";
  const parse::RawTextCut cut(html, 256, 10000, false);  // SVG content aside
  CHECK(cut.cut_count() == 2);  // the last script and the last style, nothing in attributes, comments, textarea or SVG
  CHECK(cut.html().size() < html.size() - 500);
  std::string script;
  const auto at = cut.html().find("<script>", cut.html().find("</svg>"));
  const auto marker = cut.html().substr(at + 8, cut.html().find("</script>", at) - at - 8);
  cut.restore(marker, script, 10000);
  CHECK(script == big);
}

TEST_CASE("raw text: restoring applies Gumbo's newline and NUL handling and the cap") {
  const std::string content = "a\r\nb\rc" + std::string(1, '\0') + filler();
  const std::string page = "<script>" + content + "</script>";
  const parse::RawTextCut cut(page);
  REQUIRE(cut.cut_count() == 1);
  const auto html = cut.html();
  const auto marker = html.substr(8, html.size() - 17);
  std::string out;
  cut.restore(marker, out, 100000);
  CHECK(out == "a\nb\nc\xEF\xBF\xBD" + filler());
  std::string capped;
  cut.restore(marker, capped, 4);
  CHECK(capped == "a\nb\n");
  std::string plain;
  cut.restore("not a marker", plain, 100);
  CHECK(plain == "not a marker");
  // A cap never leaves half a character.
  std::string cut_utf8;
  cut.restore("ab\xC3\xA9", cut_utf8, 3);
  CHECK(cut_utf8 == "ab");
}

TEST_CASE("raw text: the Page is the same with and without the cut on tricky markup") {
  const std::string big = filler();
  const std::vector<std::string> pages = {
      "<html><head><title>T</title><style>" + big + "</style><script type=application/ld+json>{\"@type\":\"Organization\",\"name\":\"" + big +
          "\"}</script></head><body><p>Hello</p><script>var s='</scr'+'ipt>';" + big + "</script><p>After</p></body></html>",
      "<body><script><!-- document.write('<script>a()</script>'); " + big + " --></script><p>Visible</p>",
      "<body><p title='<script>'>x</p><script>" + big + "</script><footer>Call 020 7123 4567</footer>",
      "<body><svg><style>" + big + "</style><foreignObject><p>in svg</p></foreignObject></svg><p>out</p><style>" + big + "</style>",
      "<body><table><script>" + big + "</script><tr><td>cell</td></tr></table>",
      "<body><script>" + big,  // never closed: runs to the end
      "<body><script>\r\n" + big + "\r\n</script><p>crlf</p>",
      "<body><noscript><p>Enable JavaScript</p></noscript><script src=app.js></script><div id=root></div>",
      "<body><textarea><script>" + big + "</textarea><p>after textarea</p><title>late</title>",
      "<body><math><mi><script>" + big + "</script></mi></math><p>math</p>",
      "<body><plaintext><script>" + big + "</script>",
      "<body><!-- unterminated comment <script>" + big,
      "<body><a href=x <script>" + big + "</script>>odd</a>",
      // Icons: their drawing attributes are cut, their titles and labels are not.
      "<body><a href=\"/cart\" aria-label=\"Cart\"><svg viewBox=\"0 0 24 24\"><title>Your cart</title><path d=\"M7 18c-1.1 0-1.99.9-1.99 2S5.9 22 7 "
      "22s2-.9 2-2-.9-2-2-2zM1 2v2h2l3.6 7.59\"/><circle cx=\"12\" cy=\"12\" r=\"10\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\">"
      "</circle></svg></a><p>Call 020 7123 4567</p>",
      // An inline SVG's content is cut only where Gumbo keeps it all inside the <svg>.
      "<body><p>a<svg class=icon viewBox=\"0 0 24 24\"><desc>d</desc><a href=/in-svg>svg link</a><text>t</text></svg>b</p>",
      "<body><svg><p>broken out</p><path d=x/></svg><p>after</p>",
      "<body><svg><font color=red>broken out by font</font></svg><p>after</p>",
      "<body><svg><g></p>after an end p</g></svg>",
      "<body><select><option>x<svg><text>in select</text></svg></option></select>",
      "<body><table><tr><td><svg><title>t</title></svg></td></tr><svg><text>fostered</text></svg></table>",
      "<body><svg><svg><rect/></svg><math><mi>x</mi></math></svg><p>nested</p>",
      "<body><svg><![CDATA[</svg><p>not a tag]]></svg><p>cdata</p>",
      // Control characters and noncharacters Gumbo replaces (found by fuzz_html), and their
      // neighbours it keeps: U+00A0, U+FDF0, U+FFFD, U+1F600.
      "<body><script>a\x03b\x7F c\xC2\x85 d\xEF\xB7\x90 e\xEF\xBF\xBE f\xF0\x9F\xBF\xBF g\xC2\xA0 h\xEF\xB7\xB0 "
      "i\xEF\xBF\xBD j\xF0\x9F\x98\x80 k\x0B\x0C\t" + big + "</script><p>after</p>",
  };
  for (const auto& html : pages) {
    CAPTURE(html.substr(0, 80));
    CHECK(first_difference(dump(parse_with(html, true)), dump(parse_with(html, false))) == "");
  }
}

TEST_CASE("raw text: restoring a long script with characters Gumbo replaces, anywhere in it, gives Gumbo's text") {
  // The restore scans sixteen bytes at a time for bytes that may change: the characters that
  // do (and their harmless neighbours) at random places, on both sides of chunk edges.
  const std::vector<std::string> pieces = {"a", "Z", " ", "\t", "\n", "\f", "\r", "\r\n", std::string(1, '\0'), "\x03", "\x7F",
                                           "\xC2\x85", "\xC2\xA0", "\xEF\xB7\x90", "\xEF\xBF\xBE", "\xEF\xBF\xBD", "\xF0\x9F\xBF\xBF",
                                           "\xF0\x9F\x98\x80", "\xC3\xA9", "{\"k\":1}"};
  std::mt19937 rng(3);
  for (int round = 0; round < 60; ++round) {
    std::string content;
    while (content.size() < 300 + rng() % 400) content += rng() % 4 ? pieces[rng() % 3] : pieces[rng() % pieces.size()];
    const std::string html = "<body><script>" + content + "</script><p>after</p>";
    CAPTURE(round);
    CHECK(first_difference(dump(parse_with(html, true)), dump(parse_with(html, false))) == "");
  }
}

TEST_CASE("raw text: an inline icon's content is cut and positions after it still map to the source") {
  const std::string path = "<path d=\"M12 21.35l-1.45-1.32C5.4 15.36 2 12.28 2 8.5 2 5.42 4.42 3 7.5 3c1.74 0 3.41.81 4.5 2.09\"/>";
  const std::string html = "<p>a</p><svg class=icon viewBox=\"0 0 24 24\">" + path + path + "<title>Wish list</title></svg><div id=x></div>";
  const parse::RawTextCut cut(html);
  CHECK(cut.cut_count() == 1);
  CHECK(std::string(cut.html()) == "<p>a</p><svg></svg><div id=x></div>");
  const size_t in_cut = cut.html().find("<div id=x>");
  CHECK(cut.source_offset(in_cut) == html.find("<div id=x>"));
  CHECK(std::string(parse::RawTextCut(html, 256, 10000, false).html()) == html);
}

TEST_CASE("raw text: an SVG that HTML breaks out of, or one inside <select>, is left as it is") {
  const std::string path = "<path d=\"M12 21.35l-1.45-1.32C5.4 15.36 2 12.28 2 8.5 2 5.42 4.42 3 7.5 3c1.74 0 3.41.81 4.5 2.09\"/>";
  const std::string broken = "<svg>" + path + "<div>text</div></svg>";
  CHECK(parse::RawTextCut(broken).cut_count() == 0);
  const std::string fonted = "<svg><font color=red>x</font>" + path + "</svg>";
  CHECK(parse::RawTextCut(fonted).cut_count() == 0);
  const std::string in_select = "<select><svg>" + path + "</svg></select>";
  CHECK(parse::RawTextCut(in_select).cut_count() == 0);
  const std::string after_p = "<svg><g></p>" + path + "</g></svg>";
  CHECK(parse::RawTextCut(after_p).cut_count() == 0);
  // Drawing outside SVG is HTML (an unknown element): left alone.
  CHECK(parse::RawTextCut(std::string_view("<p><path d=\"M0 0\"></path></p>")).cut_count() == 0);
}

TEST_CASE("raw text: every page of the shared corpus parses to the same Page with and without the cut, far from the nesting limit") {
  const auto corpus = test::corpus_dir();
  if (!corpus) {
    MESSAGE("../shared/corpus is absent: corpus comparison skipped");
    return;
  }
  size_t pages = 0, cut_pages = 0, over_100 = 0;
  for (const auto& path : test::corpus_html_pages()) {
    CAPTURE(path.string());
    const std::string bytes = test::read_file(path);
    CHECK(first_difference(dump(parse_with(bytes, true)), dump(parse_with(bytes, false))) == "");
    ++pages;
    if (parse::RawTextCut(bytes).cut_count() > 0) ++cut_pages;
    // A tenth of the nesting limit: real pages stay far below it.
    CHECK(parse::RawTextCut(bytes, 256, 1000).depth_cut_at() == std::string_view::npos);
    if (parse::RawTextCut(bytes, 256, 100).depth_cut_at() != std::string_view::npos) ++over_100;
  }
  CHECK(pages > 100);
  CHECK(cut_pages > pages / 4);  // the cut is actually exercised
  MESSAGE(pages << " corpus pages compared, " << cut_pages << " of them with script or style contents cut, " << over_100
                << " with more than 100 elements open at once (as counted before parsing)");
}

TEST_CASE("raw text: 200,000 nested elements are cut where the open count passes the limit") {
  std::string html = "<!doctype html><html><head><title>Deep</title></head><body><h1>Wool blankets</h1>";
  for (int i = 0; i < 200000; ++i) html += i % 3 ? "<div>" : "<span class=x>";
  html += "deep text</body></html>";
  const parse::RawTextCut cut(html, 256, 10000);
  REQUIRE(cut.depth_cut_at() != std::string_view::npos);
  CHECK(cut.html().size() == cut.depth_cut_at());
  CHECK(html[cut.depth_cut_at()] == '<');  // cut before the tag that passed the limit
  CHECK(cut.html().ends_with(">"));
  const auto page = parse_with(html, true);
  REQUIRE(page.headings.size() == 1);
  CHECK(page.headings[0].text == "Wool blankets");
  CHECK(page.title == "Deep");
  REQUIRE_FALSE(page.notes.empty());
  CHECK(page.notes.back().text().starts_with("markup nested deeper than 10000 open elements"));
  // Closed elements, void elements, elements with optional end tags and self-closing SVG
  // children leave nothing open: 50,000 of each are not cut.
  std::string flat = "<body>";
  for (int i = 0; i < 50000; ++i) flat += "<div><b>x</b></div><br><img src=a><p>para<li>item<a href=#>l<td>c<svg><path/></svg>";
  CHECK(parse::RawTextCut(flat, 256, 10000).depth_cut_at() == std::string_view::npos);
}
