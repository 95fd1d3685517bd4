#include "site/language.hpp"

#include <array>
#include <map>
#include <unordered_set>

#include "text/lexicon.hpp"
#include "text/tokens.hpp"
#include "text/word_table.hpp"
#include "util/ranking.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

constexpr const char* k_vote_languages[] = {"en", "es", "fr", "de", "it", "pt"};

// Words of each language's stop-word list, folded, looked up by each token's hash
// (text/word_table.hpp): which of k_vote_languages list each, once per listing.
const text::WordTable<std::vector<size_t>>& stop_words() {
  static const auto table = [] {
    text::WordTable<std::vector<size_t>> t;
    const auto& lex = text::lexicon("stopwords");
    for (size_t l = 0; l < std::size(k_vote_languages); ++l)
      for (const auto& w : lex.lines("default", k_vote_languages[l]))
        for (const auto& f : text::folded_words(w)) t[f].push_back(l);
    return t;
  }();
  return table;
}

std::string vote(const model::Page& page) {
  std::array<double, std::size(k_vote_languages)> score{};
  size_t words = 0;
  const auto& table = stop_words();
  // A text repeated on the page (a product card's "5 out of 5 Customer Rating", a screen-reader
  // label) is one voice, not twenty: each distinct text votes once.
  std::unordered_set<std::string_view> seen;
  for (const auto& block : page.blocks) {
    if (block.has(model::k_block_cookie) || !seen.insert(block.text).second) continue;
    const text::TokensOf tokens_of_block(block.text);
    const text::Tokens& t = *tokens_of_block;
    for (size_t i = 0; i < t.size() && words < 3000; ++i, ++words) {
      const std::vector<size_t>* langs = table.find(t, i);
      if (!langs) continue;
      // A word shared by several languages says less about each.
      const double w = 1.0 / static_cast<double>(langs->size());
      for (const size_t l : *langs) score[l] += w;
    }
    if (words >= 3000) break;
  }
  std::map<std::string, double> by_language;
  for (size_t l = 0; l < score.size(); ++l)
    if (score[l] > 0) by_language[k_vote_languages[l]] = score[l];
  const auto top = util::top_two(by_language);
  // Too little evidence, or too close a race, is no answer.
  if (top.first < 8 || top.first < 1.5 * top.second) return {};
  return top.best;
}

}  // namespace

std::string primary_subtag(std::string_view tag) {
  tag = util::trim(tag);
  const auto cut = tag.find_first_of("-_");
  return util::to_lower_ascii(tag.substr(0, cut));
}

PageLanguage detect_language(const model::Page& page, const std::string& forced) {
  PageLanguage l;
  l.declared = primary_subtag(page.lang);
  if (l.declared.empty()) l.declared = primary_subtag(util::split(page.content_language, ',')[0]);
  if (l.declared.empty()) l.declared = primary_subtag(page.meta("og:locale"));
  if (l.declared.size() != 2 && l.declared.size() != 3) l.declared.clear();
  l.detected = vote(page);
  if (!forced.empty()) {
    l.effective = primary_subtag(forced);
  } else if (!l.detected.empty()) {
    l.effective = l.detected;
  } else {
    l.effective = l.declared;
  }
  l.mismatch = !l.declared.empty() && !l.detected.empty() && l.declared != l.detected;
  return l;
}

}  // namespace amable::site
