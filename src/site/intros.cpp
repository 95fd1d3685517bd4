#include "site/intros.hpp"

#include <algorithm>

#include "site/page_facts.hpp"
#include "site/snippet.hpp"
#include "text/lexicon.hpp"
#include "text/tokens.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace amable::site {
namespace {

bool is_flash(const model::Element& e) {
  return (e.tag == "object" && (util::icontains(e.attr("type"), "shockwave-flash") ||
                                util::icontains(e.attr("classid"), "D27CDB6E-AE6D-11cf-96B8-444553540000") ||
                                path_ends_with_any(e.attr("data"), {".swf"}))) ||
         (e.tag == "embed" && (path_ends_with_any(e.attr("src"), {".swf"}) || util::icontains(e.attr("type"), "shockwave-flash"))) ||
         (e.tag == "param" && util::iequals(e.attr("name"), "movie") && path_ends_with_any(e.attr("value"), {".swf"}));
}

int number_attr(const model::Element& e, std::string_view name) {
  const std::string_view v = e.attr(name);
  int n = 0;
  for (size_t i = 0; i < v.size() && util::is_ascii_digit(v[i]) && n < 100000; ++i) n = n * 10 + (v[i] - '0');
  return n;
}

// A movie named or placed as an intro ("intro.swf", "div#intro > object", "splash.mp4").
bool named_intro(const model::Element& e) {
  for (std::string_view where : {e.attr("src"), e.attr("value"), e.attr("data"), e.attr("id"), e.attr("class"), std::string_view(e.selector)})
    for (std::string_view w : {"intro", "splash", "entrada", "bienvenida", "welcome"})
      if (util::icontains(where, w)) return true;
  return false;
}

// The same site: a relative link, a file:// page of the folder, or the page's own host (or its
// www twin).
bool internal(const model::Page& page, const model::Link& l) {
  if (l.url.empty()) return false;
  if (!util::istarts_with(l.url, "http")) return util::istarts_with(l.url, "file:");
  auto bare = [](std::string h) { return h.starts_with("www.") ? h.substr(4) : h; };
  return bare(url::host_of(l.url)) == bare(url::host_of(page.base_url));
}

}  // namespace

std::string element_markup(const model::Element& e) {
  std::string out = "<" + e.tag;
  for (const auto& a : e.attrs) {
    out += " " + a.name;
    if (!a.value.empty()) out += "=\"" + util::truncate_chars(a.value, 60) + "\"";
  }
  return util::truncate_chars(out + ">", 200);
}

bool path_ends_with_any(std::string_view s, std::initializer_list<std::string_view> exts) {
  std::string_view path = s.substr(0, s.find_first_of("?#"));
  for (auto e : exts)
    if (util::iends_with(path, e)) return true;
  return false;
}

void find_intros(const model::Page& page, std::string_view lang, const IntroContext& ctx, std::vector<model::ClutterHit>& out) {
  auto hit = [&](std::string kind, double penalty, std::string selector, std::string evidence, bool intro,
                 model::Region region = model::Region::main) {
    out.push_back(model::ClutterHit{std::move(kind), penalty,
                                    model::Evidence{page.url, std::move(selector), util::truncate_chars(evidence, 200), region,
                                                    model::markup_zone(0, region)},
                                    intro});
  };
  const auto& lex = text::lexicon("intro-clutter");

  // Redirects: one with a delay shows the page first (a timed splash); a 0-second one is a
  // plain redirect the visitor never sees, so nothing on this page stands in the way.
  const int delay = page.meta_refresh.empty() ? -1 : refresh_delay(page.meta_refresh);
  const bool redirects_at_once = delay == 0 && !refresh_target(page.meta_refresh).empty();
  if (delay > 0 && !refresh_target(page.meta_refresh).empty())
    hit("meta-refresh", 0.4, "meta[http-equiv=refresh]", "<meta http-equiv=\"refresh\" content=\"" + page.meta_refresh + "\">", true);
  if (redirects_at_once) return;
  // A timed script redirect on a page with little of its own; in a large script, setTimeout
  // and location are usually unrelated (click handlers, analytics).
  if (ctx.words < 150)
    for (const auto& s : page.scripts) {
      if (s.content.empty() || s.content.size() > 2000) continue;
      const auto timer = s.content.find("setTimeout");
      if (timer == std::string::npos) continue;
      const std::string_view after = std::string_view(s.content).substr(timer, 300);
      const bool go = after.find("location.href") != std::string_view::npos || after.find("location.replace") != std::string_view::npos ||
                      after.find("location =") != std::string_view::npos || after.find("location=") != std::string_view::npos;
      if (go) {
        hit("js-redirect", 0.4, "script", util::collapse_whitespace(after.substr(0, 160)), true);
        break;
      }
    }

  // Flash: an intro when the page has nothing else, or the movie is named or sized as one; a
  // small Flash logo in a page of content is only obsolete (no browser plays it since 2021).
  for (const auto& e : page.elements) {
    if (!is_flash(e)) continue;
    const bool large = number_attr(e, "width") >= 600 && number_attr(e, "height") >= 300;
    const bool intro = ctx.words < 50 || large || named_intro(e);
    hit("flash", intro ? 0.6 : 0.15, e.selector, element_markup(e), intro, e.region);
    break;
  }
  // A full-screen splash overlay over the page ("<div class=splash-screen>" around a logo).
  for (const auto& e : page.elements) {
    if (e.hidden || !e.little_text) continue;
    const std::string idc = util::to_lower_ascii(std::string(e.attr("id")) + " " + std::string(e.attr("class")));
    const auto& overlays = lex.lines("overlay", "any");
    if (std::any_of(overlays.begin(), overlays.end(), [&](const auto& o) { return idc.find(o) != std::string::npos; })) {
      hit("overlay", 0.6, e.selector, element_markup(e), true, e.region);
      break;
    }
  }

  // Splash and entry pages: little text and an "Enter"/"Skip intro" link into the site, one big
  // movie, or nothing but one to three links into the site ("Click here to go to the Menu").
  size_t visible = 0, inside = 0;
  const model::Link* skip = nullptr;
  const auto& skip_phrases = lex.phrases("skip", lang);
  for (const auto& l : page.links) {
    if (l.hidden || util::istarts_with(l.url, "mailto:") || util::istarts_with(l.url, "tel:")) continue;
    ++visible;
    if (!internal(page, l)) continue;
    ++inside;
    if (skip) continue;
    const text::TokensOf t(l.text.empty() ? l.label : l.text);  // the page's cached tokens of the link text
    if (t->empty() || t->size() > 8) continue;
    for (const auto& m : skip_phrases.find_all(*t, lang))
      if (t->size() <= m.count + 1) skip = &l;
  }
  const bool big_media = std::any_of(page.elements.begin(), page.elements.end(), [](const auto& e) {
    return (e.tag == "object" || e.tag == "embed" || e.tag == "video") && !e.hidden;
  });
  // An entry page: a logo, a line, a link ("Click here to go to the Menu"); it may greet in
  // headings ("Welcome to Knight's Pizzeria!!") when a line tells the visitor how to go in. A
  // small home page with a heading and its menu is no entry page. Only the start page's intro
  // counts (page_facts.cpp).
  const bool headings = std::any_of(page.headings.begin(), page.headings.end(), [](const auto& h) { return !h.text.empty(); });
  const auto& entry_lines = lex.phrases("entry-line", lang);
  const bool way_in = std::any_of(page.blocks.begin(), page.blocks.end(), [&](const model::TextBlock& b) {
    if (!b.visible() || b.heading_level > 0) return false;
    const text::TokensOf t(b.text);
    return !t->empty() && t->size() <= 12 && entry_lines.matches(*t, lang);
  });
  const bool entry = !ctx.thin && (!headings || way_in) && ctx.words < 30 && inside >= 1 && visible <= 3;
  const bool splash = ctx.words < 50 && visible <= 5 && (skip || big_media || entry);
  if (splash)
    hit("splash", 0.6, skip ? skip->selector : "body",
        skip ? "link \xC2\xAB" + skip->text + "\xC2\xBB" : "a page of " + std::to_string(ctx.words) + " words and " + std::to_string(visible) + " link(s)",
        true, skip ? skip->region : model::Region::main);
  if (skip) hit("skip-intro", splash ? 0.0 : 0.4, skip->selector, "link \xC2\xAB" + skip->text + "\xC2\xBB", true, skip->region);

  // An age gate stands between every visitor and the shop, however legitimate.
  const auto& age_gate = lex.phrases("age-gate", lang);
  for (const auto& b : page.blocks)
    if (b.visible() && age_gate.matches(b.text, lang)) {
      hit("age-gate", 0.3, b.selector, snippet_of(b.text), true, b.region);
      break;
    }
}

}  // namespace amable::site
