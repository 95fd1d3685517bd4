#include "site/regions.hpp"

#include <algorithm>

#include "text/lexicon.hpp"
#include "text/tokens.hpp"
#include "text/word_table.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

using model::Zone;

// Zones the words may move a block out of: the shop's own. A block already known to be a
// review, a form or a cookie dialog stays so.
bool refinable(const model::TextBlock& b) { return b.zone == Zone::main || b.zone == Zone::chrome; }

// Placeholder words, looked up by each token's hash (text/word_table.hpp).
const text::WordSet& lorem_words() {
  static const auto words = [] {
    text::WordSet s;
    for (const auto& w : text::lexicon("lorem").lines("default", "any")) s.insert(w);
    return s;
  }();
  return words;
}

bool has_alphabet_run(std::string_view text) {
  return util::icontains(text, "abcdefghijklmnopqrstuvwxyz");
}

// A heading opens a section of customers' words: "Customer reviews", "Preguntas y respuestas".
// The section runs to the next heading of the same or a higher level.
void mark_user_sections(model::Page& page, std::string_view lang) {
  const auto& headings = text::lexicon("regions").phrases("user-content-headings", lang);
  int open_level = 0;  // 0: no section open
  for (auto& b : page.blocks) {
    if (b.heading_level) {
      if (open_level && b.heading_level <= open_level) open_level = 0;
      const text::TokensOf tokens_of_b(b.text);
      if (!open_level && tokens_of_b->size() <= 12 && b.region == model::Region::main && headings.matches(*tokens_of_b, lang))
        open_level = b.heading_level;
      continue;
    }
    if (open_level && b.region != model::Region::main) open_level = 0;
    if (open_level && refinable(b)) b.zone = Zone::user_content;
  }
}

// "Label: value" with a short label: the shape of a data sheet line. Returns the label's tokens.
std::optional<size_t> label_tokens(const text::Tokens& t) {
  const std::string_view s = t.source();
  const size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return std::nullopt;
  size_t n = 0;
  while (n < t.size() && t.end(n) <= colon) ++n;
  if (n == 0 || n > 4 || n == t.size()) return std::nullopt;
  return n;
}

// Credit lines ("Designed by …", a footer "Web: Studio X") and credits sheets: three or more
// "Label: value" blocks in a row, two of them labelled as a creative work's credits
// ("Director:", "Elenco:", "ISBN:").
void mark_credits(model::Page& page, std::string_view lang) {
  const auto& lex = text::lexicon("regions");
  const auto& credits = lex.phrases("credits", lang);
  const auto& labels = lex.phrases("credit-labels", lang);
  auto& blocks = page.blocks;
  for (auto& b : blocks) {
    if (!refinable(b)) continue;
    const text::TokensOf t(b.text);
    if (t->size() > 25) continue;
    if (const auto m = credits.find_first(*t, lang); m && (m->first <= 3 || t->size() <= 15)) b.zone = Zone::credits;
  }
  for (size_t i = 0; i < blocks.size();) {
    size_t j = i, credit_labels = 0;
    while (j < blocks.size() && refinable(blocks[j]) && !blocks[j].heading_level) {
      const text::TokensOf t(blocks[j].text);
      const auto n = label_tokens(*t);
      if (!n) break;
      if (const auto m = labels.match_at(*t, 0, lang); m && m->count == *n) ++credit_labels;
      ++j;
    }
    if (j - i >= 3 && credit_labels >= 2)
      for (size_t k = i; k < j; ++k) blocks[k].zone = Zone::credits;
    i = std::max(j, i + 1);
  }
}

// Finance and payment providers' legal lines: "Finance is provided by PayPal Credit (a trading
// name of PayPal (Europe) S.à r.l. …, 22-24 Boulevard Royal, Luxembourg)".
void mark_third_party(model::Page& page, std::string_view lang) {
  const auto& markers = text::lexicon("regions").phrases("third-party", lang);
  for (auto& b : page.blocks) {
    if (!refinable(b)) continue;
    const text::TokensOf t(b.text);
    if (markers.matches(*t, lang)) b.zone = Zone::third_party;
  }
}

}  // namespace

bool is_demo_page(const model::Page& page) {
  size_t words = 0, lorem = 0;
  bool alphabet = false;
  const auto& placeholder = lorem_words();
  for (const auto& b : page.blocks) {
    if (b.region != model::Region::main) continue;
    alphabet = alphabet || has_alphabet_run(b.text);
    const text::TokensOf t(b.text);
    for (size_t i = 0; i < t->size(); ++i) {
      ++words;
      if (placeholder.contains(*t, i)) ++lorem;
    }
  }
  // Placeholder Latin making up a quarter of the text, or a font specimen (the alphabet run
  // next to placeholder text).
  return (lorem >= 30 && lorem * 4 >= words) || (alphabet && lorem >= 10);
}

void classify_regions(model::Page& page, std::string_view lang) {
  if (is_demo_page(page)) {
    for (auto& b : page.blocks) b.zone = Zone::demo;
    for (auto& l : page.links) l.zone = Zone::demo;
    return;
  }
  mark_user_sections(page, lang);
  mark_credits(page, lang);
  mark_third_party(page, lang);
}

}  // namespace amable::site
