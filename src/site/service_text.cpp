#include "site/service_text.hpp"

#include <algorithm>
#include <cstdlib>

#include "site/snippet.hpp"
#include "text/lexicon.hpp"
#include "text/sentences.hpp"
#include "text/tokens.hpp"
#include "util/needles.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

bool is_number(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return util::is_ascii_digit(c); });
}

// Hours per unit word; 0 when the word is not a time unit.
double unit_hours(std::string_view w) {
  if (w == "minute" || w == "minutes" || w == "min" || w == "mins" || w == "minuto" || w == "minutos") return 1.0 / 60;
  if (w == "hour" || w == "hours" || w == "h" || w == "hs" || w == "hrs" || w == "hr" || w == "hora" || w == "horas") return 1;
  if (w == "day" || w == "days" || w == "dia" || w == "dias") return 24;
  if (w == "week" || w == "weeks" || w == "semana" || w == "semanas") return 24 * 7;
  return 0;
}

bool qualifier(std::string_view w) {
  return w == "business" || w == "working" || w == "habiles" || w == "laborables" || w == "natural" || w == "naturales" ||
         w == "calendar" || w == "max" || w == "maximo";
}

// The longest time stated in the sentence ("within 24 hours", "24/48 h", "en 2 días hábiles"), in hours.
std::optional<double> stated_hours(const text::Tokens& t) {
  std::optional<double> best;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!is_number(t.folded(i))) continue;
    double n = std::atof(std::string(t.folded(i)).c_str());
    size_t j = i + 1;
    // "24/48 h", "2-4 days", "1 a 2 días": a range; the promise is its upper end.
    if (j + 1 < t.size() && is_number(t.folded(j))) {
      n = std::atof(std::string(t.folded(j)).c_str());
      ++j;
    } else if (j + 2 < t.size() && (t.folded(j) == "a" || t.folded(j) == "to" || t.folded(j) == "y") && is_number(t.folded(j + 1))) {
      n = std::atof(std::string(t.folded(j + 1)).c_str());
      j += 2;
    }
    while (j < t.size() && qualifier(t.folded(j))) ++j;
    if (j < t.size()) {
      const double u = unit_hours(t.folded(j));
      if (u > 0) best = std::max(best.value_or(0), n * u);
    }
  }
  return best;
}

std::optional<double> same_day(const text::Tokens& t) {
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    const auto a = t.folded(i), b = t.folded(i + 1);
    if (a == "same" && (b == "day" || ((b == "business" || b == "working") && i + 2 < t.size() && t.folded(i + 2) == "day"))) return 8;
    if (a == "mismo" && b == "dia") return 8;
    if (a == "en" && b == "el" && i + 2 < t.size() && t.folded(i + 2) == "dia") return 8;
    if (a == "next" && (b == "business" || b == "working") && i + 2 < t.size() && t.folded(i + 2) == "day") return 24;
    if (a == "dia" && (b == "habil" || b == "laborable") && i + 2 < t.size() && t.folded(i + 2) == "siguiente") return 24;
  }
  return std::nullopt;
}

template <typename Fn>
void for_each_sentence(const model::Page& page, Fn&& fn) {
  for (const auto& b : page.blocks) {
    if (!b.visible() || b.has(model::k_block_cookie) || b.has(model::k_block_quote)) continue;
    for (const auto& r : text::SentencesOf(b.text)) {
      const auto tokens = text::TokensOf::sentence(b.text, r);  // shared with the other sentence readers
      fn(b, std::string_view(b.text).substr(r.begin, r.end - r.begin), r.begin, *tokens);
    }
  }
}

}  // namespace

std::vector<model::ResponsePromise> find_response_promises(const model::Page& page, std::string_view lang) {
  std::vector<model::ResponsePromise> out;
  const auto& lex = text::lexicon("response-time");
  const auto& verbs = lex.phrases("verbs", lang);
  const auto& vague = lex.phrases("vague", lang);
  const auto& blockers = lex.phrases("blockers", lang);
  for_each_sentence(page, [&](const model::TextBlock& b, std::string_view s, size_t at, const text::Tokens& t) {

    if (!verbs.matches(t, lang) || blockers.matches(t, lang)) return;
    model::ResponsePromise p;
    p.where = model::Evidence{page.url, b.selector, snippet_around(b.text, at, at + s.size()), b.region, b.zone};
    if (auto h = same_day(t)) {
      p.hours = *h;
    } else if (auto h2 = stated_hours(t)) {
      p.hours = *h2;
    } else if (auto m = vague.find_first(t, lang)) {
      p.hours = -1;
    } else {
      return;
    }
    p.phrase = util::truncate_chars(std::string(util::trim(s)), 160);
    out.push_back(std::move(p));
  });
  return out;
}

model::FollowUpFacts find_follow_up(const model::Page& page, std::string_view lang, bool policy_page) {
  model::FollowUpFacts f;
  const auto& lex = text::lexicon("order-follow-up");
  const auto& confirmation = lex.phrases("confirmation", lang);
  const auto& tracking = lex.phrases("tracking", lang);
  const auto& times = lex.phrases("times", lang);
  const auto& fast = lex.phrases("fast", lang);
  const auto& shipping = lex.phrases("shipping", lang);
  const auto& returns = text::lexicon("return-policy").phrases("terms", lang);
  for_each_sentence(page, [&](const model::TextBlock& b, std::string_view s, size_t at, const text::Tokens& t) {

    auto where = [&] { return model::Evidence{page.url, b.selector, snippet_around(b.text, at, at + s.size()), b.region, b.zone}; };
    const bool about_shipping = shipping.matches(t, lang) || times.matches(t, lang);
    if (about_shipping) f.shipping_words = true;
    if (!f.confirmation && confirmation.matches(t, lang)) f.confirmation = where();
    // "Tracking" in a privacy or cookie text is about cookies, not parcels.
    if (!f.tracking && !policy_page && !b.has(model::k_block_link) && tracking.matches(t, lang)) f.tracking = where();
    // "within 30 days of delivery" is a return window, not a delivery time.
    if (!f.delivery_time && about_shipping && !returns.matches(t, lang)) {
      const auto hours = stated_hours(t);
      if (hours && *hours >= 1 && *hours <= 24 * 60) f.delivery_time = where();
    }
    if (fast.matches(t, lang)) f.fast_only = true;
  });
  if (f.delivery_time) f.fast_only = false;
  // "Track my order" links, order-status pages and carrier tracking pages: one scan of each
  // URL, case-blind, for all of them.
  static const util::NeedleSet tracking_urls = [] {
    std::vector<std::string> n = {"/track", "order-status", "seguimiento", "estado-pedido", "localizador"};
    const auto& carriers = text::lexicon("widgets").lines("carrier-tracking", "any");
    n.insert(n.end(), carriers.begin(), carriers.end());
    return util::NeedleSet(n);
  }();
  for (const auto& l : page.links) {
    if (l.hidden) continue;
    if (tracking.matches(*text::TokensOf(l.text), lang) || tracking_urls.any_in(l.url)) {
      f.tracking_link = true;
      if (!f.tracking) f.tracking = model::Evidence{page.url, l.selector, snippet_of(l.text.empty() ? l.url : l.text), l.region, l.zone};
      break;
    }
  }
  return f;
}

}  // namespace amable::site
