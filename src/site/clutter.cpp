#include "site/clutter.hpp"

#include <algorithm>

#include "site/intros.hpp"
#include "site/page_facts.hpp"
#include "site/snippet.hpp"
#include "text/lexicon.hpp"
#include "text/tokens.hpp"
#include "util/needles.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

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

std::vector<model::ClutterHit> find_clutter(const model::Page& page, std::string_view lang, size_t words, bool thin, bool script_autoplay) {
  std::vector<model::ClutterHit> out;
  find_intros(page, lang, IntroContext{words, thin}, out);
  auto hit = [&](std::string kind, double penalty, std::string selector, std::string evidence, model::Region region = model::Region::main) {
    out.push_back(model::ClutterHit{std::move(kind), penalty,
                                    model::Evidence{page.url, std::move(selector), util::truncate_chars(evidence, 200), region,
                                                    model::markup_zone(0, region)},
                                    false});
  };
  const auto& lex = text::lexicon("intro-clutter");

  // P4/P5: media that plays by itself.
  bool sound = false, muted_video = false;
  for (const auto& e : page.elements) {
    if (e.hidden || sound) continue;
    const bool autoplay = std::any_of(e.attrs.begin(), e.attrs.end(), [](const auto& a) { return a.name == "autoplay"; });
    const bool muted = std::any_of(e.attrs.begin(), e.attrs.end(), [](const auto& a) { return a.name == "muted"; });
    if ((e.tag == "audio" && autoplay) || (e.tag == "video" && autoplay && !muted) || e.tag == "bgsound" ||
        (e.tag == "embed" && path_ends_with_any(e.attr("src"), {".mp3", ".mid", ".midi", ".wav"}) &&
         !util::iequals(e.attr("autostart"), "false")) ||
        (e.tag == "iframe" && util::icontains(e.attr("src"), "youtube") && query_has(e.attr("src"), "autoplay=1") &&
         !query_has(e.attr("src"), "mute=1")) ||
        (e.tag == "iframe" && util::icontains(e.attr("src"), "vimeo") && query_has(e.attr("src"), "autoplay=1") &&
         !query_has(e.attr("src"), "muted=1") && !query_has(e.attr("src"), "background=1"))) {
      hit("autoplay", 0.3, e.selector, element_markup(e), e.region);
      sound = true;
    } else if (!muted_video && ((e.tag == "video" && autoplay && muted) ||
                                (e.tag == "iframe" && util::icontains(e.attr("src"), "vimeo") && query_has(e.attr("src"), "background=1")))) {
      hit("autoplay-muted", 0.05, e.selector, element_markup(e), e.region);
      muted_video = true;
    }
  }

  // P6: marquee and blink.
  for (const auto& e : page.elements)
    if (e.tag == "marquee" || e.tag == "blink") {
      hit("marquee", 0.15, e.selector, element_markup(e), e.region);
      break;
    }
  // One scan of the page's CSS for both spellings ('t' is in every other CSS word, and
  // icontains compares at each).
  static const util::NeedleSet blink({"text-decoration:blink", "text-decoration: blink"});
  if (blink.any_in(page.styles))
    hit("marquee", 0.15, "style", "text-decoration: blink");

  // P7: a full-screen preloader (by its id/class), or pace.js.
  for (const auto& e : page.elements) {
    const std::string idc = util::to_lower_ascii(std::string(e.attr("id")) + " " + std::string(e.attr("class")));
    bool pre = false;
    for (const auto& token : lex.lines("preloader", "any")) pre = pre || idc.find(token) != std::string::npos;
    if (pre && !e.hidden) {
      hit("preloader", 0.2, e.selector, element_markup(e), e.region);
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
      hit("popup", 0.15, e.selector, element_markup(e), e.region);
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
  bool auto_turn = script_autoplay;
  for (const auto& e : page.elements)
    auto_turn = auto_turn || e.attr("data-ride") == "carousel" || util::iequals(e.attr("data-autoplay"), "true");
  if (auto_turn) hit("carousel", 0.05, "script", "carousel autoplay");

  return out;
}

}  // namespace amable::site
