#include "site/clutter.hpp"

#include <algorithm>

#include "site/page_facts.hpp"
#include "site/snippet.hpp"
#include "text/lexicon.hpp"
#include "text/tokens.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> exts) {
  std::string_view path = s.substr(0, s.find_first_of("?#"));
  for (auto e : exts)
    if (util::iends_with(path, e)) return true;
  return false;
}

std::string attr_text(const model::Element& e) {
  std::string out = "<" + e.tag;
  for (const auto& a : e.attrs) {
    out += " " + a.name;
    if (!a.value.empty()) out += "=\"" + util::truncate_chars(a.value, 60) + "\"";
  }
  return util::truncate_chars(out + ">", 200);
}

bool query_has(std::string_view url, std::string_view param) {
  const std::string l = util::to_lower_ascii(url);
  return l.find("?" + std::string(param)) != std::string::npos || l.find("&" + std::string(param)) != std::string::npos;
}

bool is_consent(const model::Element& e) {
  const std::string idc = util::to_lower_ascii(std::string(e.attr("id")) + " " + std::string(e.attr("class")));
  for (const auto& c : text::lexicon("intro-clutter").lines("consent", "any"))
    if (idc.find(c) != std::string::npos) return true;
  return idc.find("cookie") != std::string::npos || idc.find("consent") != std::string::npos;
}

}  // namespace

std::vector<model::ClutterHit> find_clutter(const model::Page& page, std::string_view lang, size_t words) {
  std::vector<model::ClutterHit> out;
  auto hit = [&](std::string kind, double penalty, std::string selector, std::string evidence, model::Region region = model::Region::main) {
    out.push_back(model::ClutterHit{std::move(kind), penalty,
                                    model::Evidence{page.url, std::move(selector), util::truncate_chars(evidence, 200), region}});
  };
  const auto& lex = text::lexicon("intro-clutter");

  // P2: timed redirects.
  if (!page.meta_refresh.empty()) {
    const int delay = refresh_delay(page.meta_refresh);
    if (delay >= 0 && !refresh_target(page.meta_refresh).empty())
      hit("meta-refresh", delay > 0 ? 0.4 : 0.2, "meta[http-equiv=refresh]", "<meta http-equiv=\"refresh\" content=\"" + page.meta_refresh + "\">");
  }
  // A script redirect is an intro only on a page with little of its own to show; in a large
  // script, setTimeout and location are usually unrelated (click handlers, analytics).
  if (words < 150)
    for (const auto& s : page.scripts) {
      if (s.content.empty() || s.content.size() > 2000) continue;
      const auto timer = s.content.find("setTimeout");
      if (timer == std::string::npos) continue;
      const std::string_view after = std::string_view(s.content).substr(timer, 300);
      const bool go = after.find("location.href") != std::string_view::npos || after.find("location.replace") != std::string_view::npos ||
                      after.find("location =") != std::string_view::npos || after.find("location=") != std::string_view::npos;
      if (go) {
        hit("js-redirect", 0.4, "script", util::collapse_whitespace(after.substr(0, 160)));
        break;
      }
    }

  // P3: Flash, by element, type or extension (a "Flash sale" is not Flash).
  for (const auto& e : page.elements) {
    const bool flash = (e.tag == "object" && (util::icontains(e.attr("type"), "shockwave-flash") ||
                                              util::icontains(e.attr("classid"), "D27CDB6E-AE6D-11cf-96B8-444553540000") ||
                                              ends_with_any(e.attr("data"), {".swf"}))) ||
                       (e.tag == "embed" && (ends_with_any(e.attr("src"), {".swf"}) || util::icontains(e.attr("type"), "shockwave-flash"))) ||
                       (e.tag == "param" && util::iequals(e.attr("name"), "movie") && ends_with_any(e.attr("value"), {".swf"}));
    if (flash) {
      hit("flash", 0.5, e.selector, attr_text(e), e.region);
      break;
    }
  }

  // P4/P5: media that plays by itself.
  bool sound = false, muted_video = false;
  for (const auto& e : page.elements) {
    if (e.hidden || sound) continue;
    const bool autoplay = std::any_of(e.attrs.begin(), e.attrs.end(), [](const auto& a) { return a.name == "autoplay"; });
    const bool muted = std::any_of(e.attrs.begin(), e.attrs.end(), [](const auto& a) { return a.name == "muted"; });
    if ((e.tag == "audio" && autoplay) || (e.tag == "video" && autoplay && !muted) || e.tag == "bgsound" ||
        (e.tag == "embed" && ends_with_any(e.attr("src"), {".mp3", ".mid", ".midi", ".wav"}) &&
         !util::iequals(e.attr("autostart"), "false")) ||
        (e.tag == "iframe" && util::icontains(e.attr("src"), "youtube") && query_has(e.attr("src"), "autoplay=1") &&
         !query_has(e.attr("src"), "mute=1")) ||
        (e.tag == "iframe" && util::icontains(e.attr("src"), "vimeo") && query_has(e.attr("src"), "autoplay=1") &&
         !query_has(e.attr("src"), "muted=1") && !query_has(e.attr("src"), "background=1"))) {
      hit("autoplay", 0.3, e.selector, attr_text(e), e.region);
      sound = true;
    } else if (!muted_video && ((e.tag == "video" && autoplay && muted) ||
                                (e.tag == "iframe" && util::icontains(e.attr("src"), "vimeo") && query_has(e.attr("src"), "background=1")))) {
      hit("autoplay-muted", 0.05, e.selector, attr_text(e), e.region);
      muted_video = true;
    }
  }

  // P6: marquee and blink.
  for (const auto& e : page.elements)
    if (e.tag == "marquee" || e.tag == "blink") {
      hit("marquee", 0.15, e.selector, attr_text(e), e.region);
      break;
    }
  if (util::icontains(page.styles, "text-decoration:blink") || util::icontains(page.styles, "text-decoration: blink"))
    hit("marquee", 0.15, "style", "text-decoration: blink");

  // P7: a full-screen preloader (by its id/class), or pace.js.
  for (const auto& e : page.elements) {
    const std::string idc = util::to_lower_ascii(std::string(e.attr("id")) + " " + std::string(e.attr("class")));
    bool pre = false;
    for (const auto& token : lex.lines("preloader", "any")) pre = pre || idc.find(token) != std::string::npos;
    if (pre && !e.hidden) {
      hit("preloader", 0.2, e.selector, attr_text(e), e.region);
      break;
    }
  }
  for (const auto& s : page.scripts)
    for (const auto& p : lex.lines("preloader-scripts", "any"))
      if (util::iends_with(s.src, p)) hit("preloader", 0.2, "script[src]", s.src);

  // P8: a dialog open on load, or a popup vendor's script (at most 0.3 in all).
  double popup = 0;
  for (const auto& e : page.elements) {
    if (e.hidden || is_consent(e) || popup >= 0.3) continue;
    const bool open_dialog = e.tag == "dialog" && std::any_of(e.attrs.begin(), e.attrs.end(), [](const auto& a) { return a.name == "open"; });
    const bool modal = util::iequals(e.attr("aria-modal"), "true") && (util::iequals(e.attr("role"), "dialog") || util::iequals(e.attr("role"), "alertdialog"));
    if (open_dialog || modal) {
      hit("popup", 0.15, e.selector, attr_text(e), e.region);
      popup += 0.15;
    }
  }
  for (const auto& s : page.scripts)
    for (const auto& v : lex.lines("popup-vendors", "any"))
      if (popup < 0.3 && !s.src.empty() && util::icontains(s.src, v)) {
        hit("popup", 0.15, "script[src]", s.src);
        popup += 0.15;
      }

  // P9: carousels that turn by themselves.
  bool auto_turn = false;
  for (const auto& s : page.scripts)
    auto_turn = auto_turn || s.content.find("autoplay: true") != std::string::npos || s.content.find("autoplay:true") != std::string::npos;
  for (const auto& e : page.elements)
    auto_turn = auto_turn || e.attr("data-ride") == "carousel" || util::iequals(e.attr("data-autoplay"), "true");
  if (auto_turn) hit("carousel", 0.05, "script", "carousel autoplay");

  // P1: a splash page: little text, few links, and an "Enter"/"Skip intro" link or one big
  // picture or movie. A lone "Skip intro" link is clutter too.
  size_t visible_links = 0;
  const model::Link* skip = nullptr;
  for (const auto& l : page.links) {
    if (l.hidden) continue;
    ++visible_links;
    text::Tokens t(l.text.empty() ? l.label : l.text);
    if (!skip && !t.empty() && t.size() <= 8) {
      for (const auto& m : lex.phrases("skip", lang).find_all(t, lang))
        // "Skip to main content" is an accessibility link, not an intro.
        if (t.size() <= m.count + 1 && !(t.size() > m.count && (t.folded(m.count) == "to" || t.folded(m.count) == "al"))) skip = &l;
    }
  }
  const bool big_media = std::any_of(page.elements.begin(), page.elements.end(), [](const auto& e) {
    return (e.tag == "object" || e.tag == "embed" || e.tag == "video") && !e.hidden;
  });
  const bool splash = words < 50 && visible_links <= 5 && (skip || big_media);
  if (splash)
    hit("splash", 0.5, skip ? skip->selector : "body", skip ? "link \xC2\xAB" + skip->text + "\xC2\xBB" : "a page of " + std::to_string(words) + " words around one movie or picture",
        skip ? skip->region : model::Region::main);
  if (skip)
    hit("skip-intro", splash ? 0.0 : 0.2, skip->selector, "link \xC2\xAB" + skip->text + "\xC2\xBB", skip->region);

  // Age gates are legitimate filters: noted, not penalised.
  for (const auto& b : page.blocks)
    if (b.visible() && lex.phrases("age-gate", lang).matches(b.text, lang)) {
      hit("age-gate", 0, b.selector, snippet_of(b.text), b.region);
      break;
    }
  return out;
}

}  // namespace amable::site
