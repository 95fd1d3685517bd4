#include "site/copy_stats.hpp"

#include <algorithm>
#include <unordered_set>

#include "site/regions.hpp"
#include "site/snippet.hpp"
#include "text/fold.hpp"
#include "text/lexicon.hpp"
#include "text/sentences.hpp"
#include "text/syllables.hpp"
#include "text/tokens.hpp"
#include "text/word_table.hpp"
#include "util/string_hash.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

using text::WordSet;

// Looked up by each token's hash (text/word_table.hpp).
WordSet folded_set(const std::vector<std::string>& lines) { return WordSet::of_lines(lines); }

// Accents kept: "está" and "esta" are different words here (looked up by the word itself).
std::unordered_set<std::string, util::StringHash, std::equal_to<>> case_set(const std::vector<std::string>& lines) {
  std::unordered_set<std::string, util::StringHash, std::equal_to<>> s;
  for (const auto& l : lines) s.insert(text::case_fold(l));
  return s;
}

struct Words {
  WordSet visitor, company, verbs, conditional, stoplist;
  std::unordered_set<std::string, util::StringHash, std::equal_to<>> voseo_stoplist;
};

const Words& words_for(std::string_view lang) {
  static const Words en = [] {
    const auto& lex = text::lexicon("visitor-copy");
    return Words{folded_set(lex.lines("visitor", "en")), folded_set(lex.lines("company", "en")), {}, {}, {}, {}};
  }();
  static const Words es = [] {
    const auto& lex = text::lexicon("visitor-copy");
    return Words{folded_set(lex.lines("visitor", "es")), folded_set(lex.lines("company", "es")),
                 folded_set(lex.lines("visitor-verbs", "es")), folded_set(lex.lines("conditional", "es")),
                 folded_set(lex.lines("amos-stoplist", "es")), case_set(lex.lines("voseo-stoplist", "es"))};
  }();
  return lang == "es" ? es : en;
}

// The blocks that are the shop speaking in its main text.
bool main_copy(const model::TextBlock& b) {
  return b.visible() && !model::is_chrome(b.region) && !b.has(model::k_block_quote) && !b.has(model::k_block_cookie) &&
         !b.has(model::k_block_link) && !b.has(model::k_block_control) && !b.has(model::k_block_form);
}

// The blocks whose words say whose point of view the page takes: everything a visitor reads,
// menus included ("About us", "Your account" are part of how the shop speaks), but not the
// customer's own voice (testimonials, reviews) nor cookie banners ("We and our partners...").
// Calibrated on shared/corpus/labels-dev.json: main text only agreed on 13 of 22 labelled
// items, all visible text on 18; see rules/docs/visitor-centric-copy.md.
// The shop's own words only (README "Regions"): its content, chrome, consent dialog and form
// labels ("Your e-mail"), not the customers' reviews, credits, other companies' boilerplate or
// a demo page.
bool perspective_copy(const model::TextBlock& b) {
  return b.visible() && speaks(b, model::k_shop_zones | model::zone_bit(model::Zone::form));
}

// -amos/-emos/-imos verbs ("ofrecemos", "enviamos"); a written accent only in past and
// conditional forms (-íamos, -ábamos), which keeps out "últimos", "mínimos", "próximos".
bool first_plural_verb(std::string_view original_lower, std::string_view folded, const WordSet& stop) {
  if (folded.size() < 5 || stop.contains(folded)) return false;
  if (!(folded.ends_with("amos") || folded.ends_with("emos") || folded.ends_with("imos"))) return false;
  if (original_lower == folded) return true;  // no accent
  for (std::string_view e : {"íamos", "ábamos", "áramos", "iéramos", "aríamos", "eríamos", "iríamos"})
    if (original_lower.ends_with(e)) return true;
  return false;
}

// Voseo, the "vos" of Argentina, Uruguay and Central America, speaks to the visitor: present
// forms stressed on the ending ("podés", "querés", "elegís", "sos") and imperatives starting a
// sentence ("Ingresá", "Elegí", "Confirmá"). Futures ("enviará", "podré") and the adverbs and
// nouns that end the same way ("además", "país", "está") are not.
bool voseo_verb(std::string_view w, bool sentence_start, const std::unordered_set<std::string, util::StringHash, std::equal_to<>>& stop) {
  if (stop.contains(w) || util::count_chars(w) < 4) return false;
  for (std::string_view e : {"\xC3\xA1s", "\xC3\xA9s", "\xC3\xADs"})  // -ás -és -ís
    if (w.ends_with(e)) return true;
  if (!sentence_start) return false;
  for (std::string_view future : {"ar\xC3\xA1", "er\xC3\xA1", "ir\xC3\xA1", "ar\xC3\xA9", "er\xC3\xA9", "ir\xC3\xA9"})
    if (w.ends_with(future)) return false;
  for (std::string_view e : {"\xC3\xA1", "\xC3\xA9", "\xC3\xAD"})  // -á -é -í
    if (w.ends_with(e)) return true;
  return false;
}

}  // namespace

model::CopyFacts count_perspective(const model::Page& page, std::string_view lang) {
  model::CopyFacts f;
  if (lang != "en" && lang != "es") return f;
  const Words& w = words_for(lang);
  const auto& ignore = text::lexicon("visitor-copy").phrases("ignore", lang);

  // "usted" three times makes su/sus the visitor's (formal register).
  size_t usted = 0;
  for (const auto& b : page.blocks) {
    if (!perspective_copy(b)) continue;
    const text::TokensOf tokens_of_b(b.text);
    const text::Tokens& t = *tokens_of_b;
    for (size_t i = 0; i < t.size(); ++i) usted += t.folded(i) == "usted";
  }
  double best_company = 0, best_visitor = 0;
  for (const auto& b : page.blocks) {
    if (!perspective_copy(b)) continue;
    for (const auto& r : text::SentencesOf(b.text)) {
      const std::string_view s = std::string_view(b.text).substr(r.begin, r.end - r.begin);
      const auto tokens_of_s = text::TokensOf::sentence(b.text, r);
      const text::Tokens& t = *tokens_of_s;
      std::vector<bool> skip(t.size(), false);
      for (const auto& m : ignore.find_all(t, lang))
        for (size_t k = m.first; k < m.first + m.count; ++k) skip[k] = true;
      double you = 0, we = 0;
      for (size_t i = 0; i < t.size(); ++i) {
        ++f.words;
        if (skip[i]) continue;
        const auto word = t.folded(i);
        if (lang == "en") {
          // "US"/"U.S." is the country; "us" before shipping/dollars/customers is too.
          if (word == "us") {
            const auto orig = t.original(i);
            if (orig == "US") continue;
            // "US$ 25", "us$25": the currency.
            if (t.end(i) < s.size() && s[t.end(i)] == '$') continue;
            if (i + 1 < t.size()) {
              const auto n = t.folded(i + 1);
              if (n == "dollars" || n == "shipping" || n == "only" || n == "customers" || n == "states") continue;
            }
          }
          if (w.visitor.contains(t, i)) you += 1;
          else if (w.company.contains(t, i)) we += 1;
        } else {
          if (w.visitor.contains(t, i) || w.verbs.contains(t, i)) you += 1;
          else if (w.conditional.contains(t, i) && usted >= 3) you += 0.5;
          else if (w.company.contains(t, i)) we += 1;
          else if (first_plural_verb(text::case_fold(t.original(i)), word, w.stoplist)) we += 1;
          else if (voseo_verb(text::case_fold(t.original(i)), i == 0, w.voseo_stoplist)) you += 1;
        }
      }
      f.visitor += you;
      f.company += we;
      if (we > best_company && we > you) {
        best_company = we;
        f.company_example = util::truncate_chars(util::trim(s), 200);
      }
      if (you > best_visitor && you > we) {
        best_visitor = you;
        f.visitor_example = util::truncate_chars(util::trim(s), 200);
      }
    }
  }
  return f;
}

double flesch(double words, double sentences, double syllables) {
  return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words);
}

double szigriszt_pazos(double words, double sentences, double syllables) {
  return 206.835 - 62.3 * (syllables / words) - (words / sentences);
}

model::ReadabilityFacts measure_readability(const model::Page& page, std::string_view lang) {
  model::ReadabilityFacts f;
  if (lang != "en" && lang != "es") return f;
  for (const auto& b : page.blocks) {
    // Specification tables and lists of short items are not prose.
    if (!main_copy(b) || b.has(model::k_block_table_cell)) continue;
    const text::TokensOf tokens_of_b(b.text);
    const text::Tokens& all = *tokens_of_b;
    if (b.has(model::k_block_list_item) && all.size() <= 3) continue;
    for (const auto& r : text::SentencesOf(b.text)) {
      const std::string_view s = std::string_view(b.text).substr(r.begin, r.end - r.begin);
      const auto tokens_of_s = text::TokensOf::sentence(b.text, r);
      const text::Tokens& t = *tokens_of_s;
      size_t words = 0, syllables = 0;
      for (size_t i = 0; i < t.size(); ++i) {
        const auto o = t.original(i);
        size_t k = 0;
        if (!text::is_letter(util::next_code_point(o, k))) continue;  // numbers, prices, SKUs
        ++words;
        syllables += static_cast<size_t>(text::syllables(text::case_fold(o), lang));
      }
      if (words == 0) continue;
      f.words += words;
      f.syllables += syllables;
      ++f.sentences;
      if (words > f.longest_words) {
        f.longest_words = words;
        f.longest_sentence = util::truncate_chars(util::trim(s), 200);
      }
    }
  }
  return f;
}

}  // namespace amable::site
