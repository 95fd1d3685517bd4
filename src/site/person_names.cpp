#include "site/person_names.hpp"

#include <algorithm>

#include "text/fold.hpp"
#include "text/lexicon.hpp"
#include "text/word_table.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

using text::WordSet;  // looked up by each token's own hash where a token is at hand

WordSet folded_lines(std::string_view lexicon, std::string_view section, std::string_view lang) {
  return WordSet::of_lines(text::lexicon(lexicon).lines(section, lang));
}

const WordSet& given_names() {
  static const WordSet names = folded_lines("given-names", "default", "any");
  return names;
}

const WordSet& honorifics() {
  static const WordSet words = folded_lines("honorifics", "default", "any");
  return words;
}

const WordSet& function_words(std::string_view lang) {
  static const WordSet en = folded_lines("stopwords", "default", "en");
  static const WordSet es = folded_lines("stopwords", "default", "es");
  static const WordSet all = [] {
    WordSet s;
    for (const char* l : {"en", "es", "fr", "de", "it", "pt"})
      for (const auto& w : text::lexicon("stopwords").lines("default", l)) s.insert(text::fold(w));
    return s;
  }();
  return lang == "en" ? en : lang == "es" ? es : all;
}

bool particle(std::string_view w) {
  return w == "de" || w == "del" || w == "la" || w == "las" || w == "los" || w == "van" || w == "von" || w == "der" ||
         w == "den" || w == "da" || w == "dos" || w == "di" || w == "le";
}

// An all-capitals word is a heading or a brand more often than a name.
bool all_capitals(std::string_view w) {
  return w.size() > 1 && std::all_of(w.begin(), w.end(), [](char c) { return !util::is_ascii_alpha(c) || (c >= 'A' && c <= 'Z'); });
}

bool spaces_only(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' '; });
}

bool single_letter(const text::Tokens& t, size_t i) { return util::count_chars(t.original(i)) == 1; }

const text::PhraseSet& roles(std::string_view lang) { return text::lexicon("named-contact").phrases("roles", lang); }

// Can token `k` continue the name that ends at `j`? A capitalised word right after it (only
// spaces between, or the full stop of an initial), not a role and not a function word.
bool continues(const text::Tokens& t, size_t j, size_t k, std::string_view lang) {
  if (k >= t.size() || !t.capitalised(k) || all_capitals(t.original(k))) return false;
  const std::string_view between = gap(t, j, k);
  if (!spaces_only(between) && !(between == ". " && single_letter(t, j))) return false;
  if (is_function_word(t.folded(k), lang) || is_honorific(t.folded(k))) return false;
  if (roles(lang).match_at(t, k, lang)) return false;
  return true;
}

}  // namespace

bool is_given_name(std::string_view word) { return given_names().contains(text::fold(word)); }
bool is_honorific(std::string_view folded) { return honorifics().contains(folded); }
bool is_function_word(std::string_view folded, std::string_view lang) { return function_words(lang).contains(folded); }

std::string_view gap(const text::Tokens& t, size_t a, size_t b) {
  return t.source().substr(t.end(a), t.begin(b) - t.end(a));
}

bool title_case(const text::Tokens& t) {
  size_t words = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (util::is_ascii_digit(t.original(i)[0])) continue;
    ++words;
    if (!t.capitalised(i) && !is_function_word(t.folded(i), "")) return false;
  }
  return words >= 2;
}

std::string name_text(const text::Tokens& t, const NameSpan& n) {
  return std::string(t.source().substr(t.begin(n.first), t.end(n.last) - t.begin(n.first)));
}

std::vector<NameSpan> names_in(const text::Tokens& t, std::string_view lang) {
  std::vector<NameSpan> out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!t.capitalised(i) || all_capitals(t.original(i))) continue;
    NameSpan n;
    n.first = i;
    // "Mr. Umesh", "Sra. Gómez": an honorific vouches for the capitalised words after it.
    if (i > 0 && is_honorific(t.folded(i - 1)) && t.capitalised(i - 1)) {
      const std::string_view between = gap(t, i - 1, i);
      n.titled = between == " " || between == ". ";
    }
    n.known = given_names().contains(t, i) && !is_function_word(t.folded(i), lang);
    if (!n.known && !n.titled) continue;
    size_t j = i;
    while (j + 1 < t.size() && j < i + 6) {
      // Particles between surnames: "García de la Fuente", "van der Berg".
      size_t k = j + 1;
      while (k < t.size() && k <= j + 2 && particle(t.folded(k)) && spaces_only(gap(t, k - 1, k))) ++k;
      if (continues(t, j, j + 1, lang)) {
        ++j;
      } else if (k > j + 1 && k < t.size() && continues(t, k - 1, k, lang)) {
        j = k;
      } else if (j == i && n.known && j + 2 < t.size() && given_names().contains(t, j + 1) && t.capitalised(j + 1) &&
                 (util::trim(gap(t, j, j + 1)) == "&" || util::trim(gap(t, j, j + 1)) == "+")) {
        // "Chuck & Sandie Klassen": a couple sharing a surname.
        ++j;
        n.couple = true;
      } else {
        break;
      }
    }
    n.last = j;
    out.push_back(n);
    i = j;
  }
  return out;
}

std::optional<NameSpan> introduced_name(const text::Tokens& t, size_t at, std::string_view lang, bool title_case_block) {
  if (at >= t.size() || !t.capitalised(at) || all_capitals(t.original(at))) return std::nullopt;
  for (const auto& n : names_in(t, lang))
    if (n.first == at) return n;
  if (title_case_block) return std::nullopt;
  const std::string_view w = t.folded(at);
  if (util::count_chars(w) < 3 || is_function_word(w, lang) || is_function_word(w, "") || roles(lang).match_at(t, at, lang))
    return std::nullopt;
  if (std::any_of(w.begin(), w.end(), [](char c) { return util::is_ascii_digit(c); })) return std::nullopt;
  NameSpan n{at, at, false, false, false};
  if (at + 1 < t.size() && continues(t, at, at + 1, lang)) n.last = at + 1;
  // What follows the name: the end, punctuation, or a conjunction ("Laura Llorens y soy").
  if (n.last + 1 >= t.size()) return n;
  const std::string_view after = gap(t, n.last, n.last + 1);
  if (!spaces_only(after)) return n;
  const std::string_view next = t.folded(n.last + 1);
  if (next == "y" || next == "and" || next == "e") return n;
  return std::nullopt;
}

}  // namespace amable::site
