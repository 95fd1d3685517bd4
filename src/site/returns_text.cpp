#include "site/returns_text.hpp"

#include <cstdlib>

#include "site/regions.hpp"
#include "site/snippet.hpp"
#include "text/lexicon.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

constexpr model::ZoneSet k_returns_zones = model::zone_bit(model::Zone::main) | model::zone_bit(model::Zone::chrome);

// Asked of every word of the returns text: a plain list whose lengths are compared first
// (a std::map compared strings at each of its levels).
int number_word(std::string_view w) {
  static constexpr std::pair<std::string_view, int> k_words[] = {
      {"seven", 7},     {"ten", 10},     {"fourteen", 14}, {"fifteen", 15}, {"twenty", 20},
      {"thirty", 30},   {"sixty", 60},   {"ninety", 90},   {"siete", 7},    {"diez", 10},
      {"catorce", 14},  {"quince", 15},  {"veinte", 20},   {"treinta", 30}, {"sesenta", 60},
      {"noventa", 90},  {"cien", 100},   {"cuarenta", 40}, {"forty", 40},   {"cuarentaicinco", 45}};
  for (const auto& [word, n] : k_words)
    if (word.size() == w.size() && word == w) return n;
  return 0;
}

int number_of(std::string_view w) {
  if (w.empty() || w.size() > 3) return number_word(w);
  for (char c : w)
    if (!util::is_ascii_digit(c)) return number_word(w);
  return std::atoi(std::string(w).c_str());
}

bool is_day_word(std::string_view w) {
  return w == "day" || w == "days" || w == "dia" || w == "dias" || w == "jour" || w == "jours";
}

// Words that may sit between the number and "days": "30 calendar days", "15 días hábiles".
bool is_day_qualifier(std::string_view w) {
  return w == "calendar" || w == "business" || w == "working" || w == "natural" || w == "naturales" ||
         w == "habiles" || w == "laborables" || w == "corridos" || w == "calendario" || w == "ouvres" ||
         w == "calendaires" || w == "francs";
}

struct Items {
  const text::PhraseSet& terms;
  const text::PhraseSet& not_terms;
  const text::PhraseSet& reference;
  const text::PhraseSet& service_terms;
  std::vector<std::pair<std::string_view, const text::PhraseSet*>> sections;
  const text::PhraseSet& costs_shop;
  const text::PhraseSet& costs_customer;
  const text::PhraseSet& refund;
};

Items items_for(std::string_view lang) {
  const auto& lex = text::lexicon("return-policy");
  Items it{lex.phrases("terms", lang), lex.phrases("not-terms", lang), lex.phrases("reference", lang), lex.phrases("service-terms", lang), {},
           lex.phrases("costs-shop", lang), lex.phrases("costs-customer", lang), lex.phrases("refund", lang)};
  for (std::string_view s : {"conditions", "costs", "refund", "process", "exceptions", "red-flags", "withdrawal"})
    it.sections.emplace_back(s, &lex.phrases(s, lang));
  return it;
}

// Index of the first returns term that is not part of navigation ("Return to shop"), or -1.
// A booking's cancellation terms count where the block states a refund ("cancel your booking up
// to 48 hours before for a full refund"); a notice period alone does not.
long returns_term_at(const Items& items, const text::Tokens& t, std::string_view lang) {
  const auto terms = items.terms.find_all(t, lang);
  // Navigation that names returns is read only where a term is (most blocks have none).
  const auto negatives = terms.empty() ? std::vector<text::PhraseMatch>{} : items.not_terms.find_all(t, lang);
  for (const auto& m : terms) {
    bool negated = false;
    for (const auto& n : negatives)
      if (n.first <= m.first && n.first + n.count >= m.first + m.count) negated = true;
    if (!negated) return static_cast<long>(m.first);
  }
  if (const auto s = items.service_terms.find_first(t, lang); s && items.refund.matches(t, lang)) return static_cast<long>(s->first);
  return -1;
}

}  // namespace

std::optional<int> find_window_days(const text::Tokens& t, size_t near) {
  std::optional<int> best;
  size_t best_distance = SIZE_MAX;
  auto consider = [&](int days, size_t at) {
    const size_t d = at > near ? at - near : near - at;
    if (days > 0 && days <= 365 && d < best_distance) {
      best = days;
      best_distance = d;
    }
  };
  for (size_t i = 0; i < t.size(); ++i) {
    const auto w = t.folded(i);
    if (const int n = number_of(w); n > 0) {
      size_t j = i + 1;
      // "treinta (30) días": the digits repeat the word
      if (j < t.size() && number_of(t.folded(j)) == n) ++j;
      if (j < t.size() && is_day_qualifier(t.folded(j))) ++j;
      if (j < t.size() && is_day_word(t.folded(j))) {
        size_t k = j + 1;
        if (k < t.size() && is_day_qualifier(t.folded(k))) ++k;
        consider(n, i);
      }
    }
    if (i + 1 < t.size()) {
      const auto a = w, b = t.folded(i + 1);
      if ((a == "one" || a == "un" || a == "1") && (b == "month" || b == "mes")) consider(30, i);
      if ((a == "two" || a == "dos" || a == "2") && (b == "weeks" || b == "semanas")) consider(14, i);
    }
    if (w == "fortnight") consider(14, i);
  }
  return best;
}

model::ReturnsText analyze_returns(const model::Page& page, std::string_view lang) {
  model::ReturnsText r;
  const Items items = items_for(lang);
  uint8_t returns_heading_level = 0;  // > 0 while inside a section under a returns heading

  for (const auto& block : page.blocks) {
    // Only the shop's own words state its policy: not a review ("you cannot return it after
    // 30 days"), a Q&A answer, a credit line or a demo page.
    if (!speaks(block, k_returns_zones)) continue;
    const text::TokensOf tokens_of_block(block.text);
    const text::Tokens& t = *tokens_of_block;
    // Collapsed text (an accordion's "Shipping & Returns") states terms a click away, so it is
    // read here; it does not count as words on the page.
    if (block.visible() && (block.region == model::Region::main || block.region == model::Region::aside))
      r.words += t.size();
    const long term = returns_term_at(items, t, lang);

    if (block.heading_level > 0) {
      // "Cancellation policy" heads a service business's refund terms.
      if (term >= 0 || items.service_terms.matches(t, lang)) {
        returns_heading_level = block.heading_level;
        if (!r.has_returns_heading) {
          r.has_returns_heading = true;
          r.heading = model::Evidence{page.url, block.selector, snippet_of(block.text), block.region, block.zone};
        }
      } else if (returns_heading_level > 0 && block.heading_level <= returns_heading_level) {
        returns_heading_level = 0;  // a sibling section on another topic
      }
    }
    // Link lists (menus) name policies; they do not state them.
    if (block.has(model::k_block_link)) continue;

    const bool in_context = term >= 0 || returns_heading_level > 0;
    const bool main_text = block.region == model::Region::main || block.region == model::Region::aside;
    if (!in_context && !main_text) continue;

    const bool own_statement = term >= 0 && !items.reference.matches(t, lang);
    auto record = [&](std::string_view item, std::string_view phrase, size_t first, size_t count) {
      const size_t b = t.begin(first), e = t.end(first + count - 1);
      model::TermHit h{std::string(item), std::string(phrase),
                       model::Evidence{page.url, block.selector, snippet_around(block.text, b, e), block.region, block.zone},
                       own_statement};
      if (in_context) r.terms.push_back(h);
      if (main_text) r.whole_page_terms.push_back(std::move(h));
    };

    const size_t near = term >= 0 ? static_cast<size_t>(term) : 0;
    if (auto days = find_window_days(t, near)) {
      // A number of days is a return window only next to a returns word: under a heading
      // such as "Delivery & returns" it may be a delivery time. (On a page about returns,
      // whole_page_window_days takes any.)
      if (term >= 0) {
        model::TermHit h{"window", std::to_string(*days) + " days",
                         model::Evidence{page.url, block.selector, snippet_around(block.text, t.begin(near), t.end(near)), block.region, block.zone}};
        r.terms.push_back(h);
        if (!r.window_days) r.window_days = days;
      }
      if (main_text) {
        r.whole_page_terms.push_back(model::TermHit{"window", std::to_string(*days) + " days",
                                                    model::Evidence{page.url, block.selector, snippet_of(block.text), block.region, block.zone}});
        if (!r.whole_page_window_days) r.whole_page_window_days = days;
      }
    }
    for (const auto& [item, set] : items.sections)
      for (const auto& m : set->find_all(t, lang)) {
        std::string_view kind = item == "red-flags" ? std::string_view("red-flag") : item;
        // "No returns on sale items" names an exception, not a refusal of all returns.
        if (kind == "red-flag" && m.first + m.count < t.size()) {
          const auto next = t.folded(m.first + m.count);
          if (next == "de" || next == "of" || next == "on" || next == "for" || next == "en") kind = "exceptions";
        }
        record(kind, set->text(m.entry), m.first, m.count);
      }
    for (const auto* set : {&items.costs_shop, &items.costs_customer})
      for (const auto& m : set->find_all(t, lang)) record("costs", set->text(m.entry), m.first, m.count);

    if (in_context) {
      if (r.refund_method.empty())
        if (auto m = items.refund.find_first(t, lang)) r.refund_method = std::string(items.refund.text(m->entry));
      if (r.return_shipping_paid_by.empty()) {
        if (items.costs_customer.matches(t, lang))
          r.return_shipping_paid_by = "customer";
        else if (items.costs_shop.matches(t, lang))
          r.return_shipping_paid_by = "shop";
      }
    }
  }
  return r;
}

}  // namespace amable::site
