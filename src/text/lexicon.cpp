#include "text/lexicon.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include "text/fold.hpp"
#include "text/stemmer.hpp"
#include "util/embedded.hpp"
#include "util/text.hpp"

namespace amable::text {

PhraseSet::Span PhraseSet::keep(std::string_view text) {
  const Span s{static_cast<uint32_t>(m_chars.size()), static_cast<uint32_t>(text.size())};
  m_chars.append(text);
  return s;
}

void PhraseSet::add(std::string_view phrase, bool stemmed, std::string_view lang) {
  Tokens t(phrase);
  if (t.empty()) return;
  if (t.size() > 255) throw std::length_error("lexicon phrase of over 255 words: " + std::string(phrase.substr(0, 60)));
  Entry e;
  e.stemmed = stemmed;
  auto lang_at = std::find(m_langs.begin(), m_langs.end(), lang);
  if (lang_at == m_langs.end()) lang_at = m_langs.insert(m_langs.end(), std::string(lang));
  e.lang = static_cast<uint8_t>(lang_at - m_langs.begin());
  e.text = keep(phrase);
  e.words = static_cast<uint32_t>(m_words.size());
  e.word_count = static_cast<uint8_t>(t.size());
  for (size_t i = 0; i < t.size(); ++i) m_words.push_back(keep(stemmed ? t.stem(i, lang) : t.folded(i)));
  const size_t first_hash = word_hash(word(e, 0));
  const std::string_view first_folded = t.folded(0);
  const auto idx = static_cast<uint32_t>(m_entries.size());
  const size_t bit = bit_of(first_hash);
  if (stemmed) {
    auto it = std::find_if(m_stemmed.begin(), m_stemmed.end(), [&](const StemIndex& s) { return s.lang == lang; });
    if (it == m_stemmed.end()) it = m_stemmed.insert(m_stemmed.end(), StemIndex{std::string(lang), {}, {}, {}, false});
    it->filter.set(bit);
    it->by_first[first_hash].push_back(idx);
    if (first_folded.size() < 2)
      it->short_words = true;
    else
      it->prefixes.set(prefix_of(first_folded));
  } else {
    m_exact_filter.set(bit);
    m_exact_by_first[first_hash].push_back(idx);
  }
  m_entries.push_back(e);
}

bool PhraseSet::entry_matches(const Entry& e, const Tokens& t, size_t i,
                              std::string_view text_lang) const {
  if (i + e.word_count > t.size()) return false;
  if (!e.stemmed) {
    for (size_t k = 0; k < e.word_count; ++k)
      if (t.folded(i + k) != word(e, k)) return false;
    return true;
  }
  // A stem entry of another language never matches text whose language is known.
  const std::string_view lang = m_langs[e.lang];
  const bool known = text_lang == "en" || text_lang == "es";
  if (known && lang != text_lang) return false;
  for (size_t k = 0; k < e.word_count; ++k)
    if (t.stem(i + k, lang) != word(e, k)) return false;
  return true;
}

std::optional<PhraseMatch> PhraseSet::match_at(const Tokens& t, size_t i,
                                               std::string_view text_lang) const {
  if (!may_match(t)) return std::nullopt;
  return match_here(t, i, text_lang);
}

std::optional<PhraseMatch> PhraseSet::match_here(const Tokens& t, size_t i,
                                                 std::string_view text_lang) const {
  std::optional<PhraseMatch> best;
  auto consider = [&](uint32_t idx) {
    const Entry& e = m_entries[idx];
    if ((!best || e.word_count > best->count) && entry_matches(e, t, i, text_lang))
      best = PhraseMatch{i, e.word_count, idx};
  };
  if (m_exact_filter.test(bit_of(t.hash(i))))
    if (auto it = m_exact_by_first.find(t.hash(i)); it != m_exact_by_first.end())
      for (uint32_t idx : it->second) consider(idx);
  if (m_stemmed.empty()) return best;
  // Stem entries in the order they were added, whatever their language, as ties go to the
  // first one.
  const bool known = text_lang == "en" || text_lang == "es";
  thread_local std::vector<uint32_t> candidates;
  candidates.clear();
  for (const auto& index : m_stemmed) {
    if (known && index.lang != text_lang) continue;  // never matches, see entry_matches
    const std::string_view folded = t.folded(i);
    if (!index.short_words && (folded.size() < 2 || !index.prefixes.test(prefix_of(folded)))) continue;
    if (!index.filter.test(bit_of(t.stem_hash(i, index.lang)))) continue;
    if (auto it = index.by_first.find(t.stem_hash(i, index.lang)); it != index.by_first.end())
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  }
  std::sort(candidates.begin(), candidates.end());
  for (uint32_t idx : candidates) consider(idx);
  return best;
}

std::vector<PhraseMatch> PhraseSet::find_all(const Tokens& t, std::string_view text_lang) const {
  std::vector<PhraseMatch> out;
  if (!may_match(t)) return out;
  for (size_t i = 0; i < t.size();) {
    if (auto m = match_here(t, i, text_lang)) {
      out.push_back(*m);
      i += m->count;
    } else {
      ++i;
    }
  }
  return out;
}

std::optional<PhraseMatch> PhraseSet::find_first(const Tokens& t, std::string_view text_lang) const {
  if (!may_match(t)) return std::nullopt;
  for (size_t i = 0; i < t.size(); ++i)
    if (auto m = match_here(t, i, text_lang)) return m;
  return std::nullopt;
}

bool PhraseSet::matches(std::string_view text, std::string_view text_lang) const {
  if (const Tokens* cached = TokenCache::find(text)) return matches(*cached, text_lang);
  Tokens t(text);
  return matches(t, text_lang);
}

bool PhraseSet::matches_whole(const Tokens& t, std::string_view text_lang) const {
  if (t.empty()) return false;
  auto m = match_at(t, 0, text_lang);
  return m && m->count == t.size();
}

void Lexicon::add_line(std::string_view lang, std::string_view section, std::string_view line) {
  bool stemmed = false;
  if (line.starts_with("stem:")) {
    stemmed = true;
    line = util::trim(line.substr(5));
  } else if (line.starts_with("exact:")) {
    line = util::trim(line.substr(6));
  }
  if (line.empty()) return;
  for (const std::string_view l : {lang, std::string_view("*")}) {
    auto& sec = m_langs[std::string(l)][std::string(section)];
    sec.phrases.add(line, stemmed, lang);
    sec.lines.emplace_back(line);
  }
}

void Lexicon::finish() {
  // The union keeps each line once even when both languages list it ("FAQ", "WhatsApp").
  for (auto& [name, section] : m_langs["*"]) {
    // A set, not a scan of what is kept: the given-names list has 18,754 lines, and the
    // quadratic scan cost ~1.5 billion instructions (0.3 s) at every start.
    auto& l = section.lines;
    std::unordered_set<std::string_view> seen;
    seen.reserve(l.size());
    std::vector<std::string> unique;
    unique.reserve(l.size());
    for (auto& s : l)
      if (seen.insert(s).second) unique.push_back(s);
    l = std::move(unique);
  }
}

void Lexicon::enrol(PhraseIndex& index) {
  for (auto& [lang, sections] : m_langs)
    for (auto& [name, section] : sections) index.enrol(section.phrases);
}

const PhraseSet& Lexicon::phrases(std::string_view section, std::string_view lang) const {
  static const PhraseSet empty;
  auto lit = m_langs.find(lang);
  if (lit == m_langs.end()) lit = m_langs.find("*");
  if (lit == m_langs.end()) return empty;
  auto sit = lit->second.find(section);
  return sit == lit->second.end() ? empty : sit->second.phrases;
}

const std::vector<std::string>& Lexicon::lines(std::string_view section,
                                               std::string_view lang) const {
  static const std::vector<std::string> empty;
  auto lit = m_langs.find(lang);
  if (lit == m_langs.end()) lit = m_langs.find("*");
  if (lit == m_langs.end()) return empty;
  auto sit = lit->second.find(section);
  return sit == lit->second.end() ? empty : sit->second.lines;
}

bool Lexicon::has_language(std::string_view lang) const {
  return lang != "*" && m_langs.contains(lang);
}

namespace {

using Registry = std::map<std::string, Lexicon, std::less<>>;

Registry build_registry() {
  Registry reg;
  for (const auto& file : embedded::lexicons()) {
    // "es/return-policy.txt" -> lang "es", name "return-policy"
    const auto slash = file.path.find('/');
    if (slash == std::string_view::npos || !file.path.ends_with(".txt")) continue;
    const std::string_view lang = file.path.substr(0, slash);
    const std::string_view name = file.path.substr(slash + 1, file.path.size() - slash - 5);
    Lexicon& lex = reg[std::string(name)];
    std::string section = "default";
    for (std::string_view raw : util::split(file.content, '\n')) {
      const std::string_view line = util::trim(raw);
      if (line.empty() || line.front() == '#') continue;
      if (line.front() == '[' && line.back() == ']') {
        section = std::string(line.substr(1, line.size() - 2));
        continue;
      }
      lex.add_line(lang, section, line);
    }
  }
  // One index over every set of every lexicon (text/phrase_index.hpp): a static of its own,
  // so that the sets' pointers to it hold however the registry is moved.
  static PhraseIndex index;
  for (auto& [name, lex] : reg) {
    lex.finish();
    lex.enrol(index);
  }
  index.finish();
  return reg;
}

}  // namespace

const Lexicon& lexicon(std::string_view name) {
  static const Registry registry = build_registry();
  auto it = registry.find(name);
  if (it == registry.end()) throw std::out_of_range("no lexicon named " + std::string(name));
  return it->second;
}

const std::vector<std::string>& supported_languages() {
  static const std::vector<std::string> langs = {"en", "es"};
  return langs;
}

}  // namespace amable::text
