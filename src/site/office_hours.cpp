#include "site/office_hours.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <regex>

#include "site/snippet.hpp"
#include "text/fold.hpp"
#include "text/lexicon.hpp"
#include "text/tokens.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

// Symbols and emoji between times ("9:00 ☼ – 20:30 ☽") become spaces; dashes stay dashes.
std::string simplify(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char32_t cp = util::next_code_point(text, i);
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp == 0x2013 || cp == 0x2014 || cp == 0x2012) {
      out.push_back('-');
    } else if (text::is_word_char(cp)) {
      out.append(text.substr(start, i - start));
    } else {
      out.push_back(' ');
    }
  }
  return util::collapse_whitespace(out);
}

// Where a value that holds the match at `pos` starts: the start of its sentence when that is
// within 80 bytes ("Llámanos al 914 475 382, de lunes a viernes…"), else a word start 40 bytes back.
size_t lead_in_start(std::string_view s, size_t pos) {
  const size_t floor = pos > 80 ? pos - 80 : 0;
  for (size_t i = pos; i > floor; --i)
    if (i >= 2 && s[i - 1] == ' ' && (s[i - 2] == '.' || s[i - 2] == '?' || s[i - 2] == '!' || s[i - 2] == ':')) return i;
  if (floor == 0) return 0;
  const size_t space = s.find(' ', pos - 40);
  return space != std::string_view::npos && space < pos ? space + 1 : pos;
}

const std::regex& range_regex() {
  // A time, a range separator, a time; units: am/pm, h/hs/hrs/horas, or minutes after ':' '.' 'h'.
  static const std::regex r(
      R"((?:^|[^\d:.,/])((?:[01]?\d|2[0-3])(?:[:.h][0-5]\d)?\s?(?:a\.?\s?m\.?|p\.?\s?m\.?|hs?\.?|hrs?\.?|horas)?)\s?(?:-|to|a|al|hasta|till|until)\s?((?:[01]?\d|2[0-4])(?:[:.h][0-5]\d)?\s?(?:a\.?\s?m\.?|p\.?\s?m\.?|hs?\.?|hrs?\.?|horas)?)(?![\d/])(?=$|[^\w]|hs|hrs))",
      std::regex::icase | std::regex::optimize);
  return r;
}

bool has_unit(std::string_view s) {
  const std::string l = util::to_lower_ascii(s);
  return l.find(':') != std::string::npos || l.find('.') != std::string::npos || l.find('m') != std::string::npos ||
         l.find('h') != std::string::npos;
}

}  // namespace

// A time range needs a separator with a digit right after it (after one optional space) and a
// digit not far before it: "9:00 - 18:00", "8 a 12hs". Text without one cannot match
// range_regex(), which is slow, so it is not asked (the answer is the same either way).
bool may_hold_time_range(std::string_view s) {
  static constexpr std::string_view k_separators[] = {"-", "to", "a", "al", "hasta", "till", "until"};
  auto digit_at = [&](size_t i) { return i < s.size() && util::is_ascii_digit(s[i]); };
  for (size_t i = 0; i < s.size(); ++i) {
    for (const auto sep : k_separators) {
      if (i + sep.size() > s.size() || !util::iequals(s.substr(i, sep.size()), sep)) continue;
      const size_t end = i + sep.size();
      if (!digit_at(end) && !(end < s.size() && util::is_ascii_space(s[end]) && digit_at(end + 1))) continue;
      // The first time ends at most "9:00 a. m. " before the separator.
      for (size_t k = i > 16 ? i - 16 : 0; k < i; ++k)
        if (digit_at(k)) return true;
    }
  }
  return false;
}

// Day expressions the lexicon cannot hold: "L-V", "L a V", "Mo-Fr": the regex
// \b(L\s?-\s?V|L\s?a\s?V|L\s?-\s?S|Mo\s?-\s?Fr|M\s?-\s?F)\b, written out because it runs on
// every block.
bool short_day_range(std::string_view s) {
  static constexpr std::array<std::array<std::string_view, 3>, 5> k_forms = {{
      {"L", "-", "V"}, {"L", "a", "V"}, {"L", "-", "S"}, {"Mo", "-", "Fr"}, {"M", "-", "F"}}};
  auto word = [](char c) { return util::is_ascii_alnum(c) || c == '_'; };
  for (size_t i = 0; i < s.size(); ++i) {
    if ((s[i] != 'L' && s[i] != 'M') || (i > 0 && word(s[i - 1]))) continue;
    for (const auto& form : k_forms) {
      size_t j = i;
      bool ok = true;
      for (size_t k = 0; k < form.size() && ok; ++k) {
        if (k > 0 && j < s.size() && util::is_ascii_space(s[j])) ++j;  // \s? before the next part
        ok = s.substr(j).starts_with(form[k]);
        j += form[k].size();
      }
      if (ok && (j >= s.size() || !word(s[j]))) return true;
    }
  }
  return false;
}

namespace {

// "Lunes a Domingo", "Mon - Sat", "de lunes a viernes", "7 days", "todos los días".
bool day_range(const text::Tokens& t, const text::PhraseSet& days, std::string_view lang) {
  const auto all = days.find_all(t, lang);
  for (size_t i = 0; i + 1 < all.size(); ++i) {
    const size_t gap = all[i + 1].first - (all[i].first + all[i].count);
    if (gap <= 1) return true;
  }
  for (const auto& m : all)
    if (m.count >= 2) return true;  // "de lunes a viernes", "todos los días", "7 days"
  return false;
}

}  // namespace

std::vector<model::HoursHit> find_office_hours(const model::Page& page, std::string_view lang, bool contact_page,
                                               const model::StructuredFacts& sd) {
  std::vector<model::HoursHit> out;
  const auto& lex = text::lexicon("office-hours");
  const auto& labels = lex.phrases("labels", lang);
  const auto& days = lex.phrases("days", lang);
  const auto& always = lex.phrases("always", lang);
  const auto& exclude = lex.phrases("exclude", lang);
  const auto& durations = lex.phrases("durations", lang);
  const auto& phone_words = text::lexicon("contact-phone").phrases("labels", lang);

  bool label_before = false;  // an hours label alone in the previous block ("Horario")
  for (const auto& b : page.blocks) {
    if (!b.visible() || b.has(model::k_block_quote) || b.has(model::k_block_cookie)) {
      label_before = false;
      continue;
    }
    const text::TokensOf tokens_of_b(b.text);
    const text::Tokens& t = *tokens_of_b;
    const auto label = labels.find_first(t, lang);
    // A label counts when it heads the block ("Horario de atención: 8 a 12hs.").
    const bool labelled = label_before || (label && label->first <= 3);
    const bool only_label = label && t.size() <= label->count + 3 &&
                            !std::any_of(b.text.begin(), b.text.end(), [](char c) { return util::is_ascii_digit(c); });
    label_before = only_label;
    if (only_label) continue;

    const bool digits = std::any_of(b.text.begin(), b.text.end(), [](char c) { return util::is_ascii_digit(c); });
    const bool excluded = exclude.matches(t, lang);
    const bool has_days = days.matches(t, lang) || short_day_range(b.text);
    const bool channel = b.text.find('@') != std::string::npos || phone_words.matches(t, lang);
    model::HoursHit h;
    h.in_chrome = model::is_chrome(b.region);
    h.near_channel = labelled || channel || h.in_chrome || contact_page;
    // The evidence is made only for a hit: most blocks are not one.
    auto keep = [&](model::HoursHit& hit) {
      hit.where = model::Evidence{page.url, b.selector, snippet_of(b.text), b.region, b.zone};
      out.push_back(std::move(hit));
    };

    if (digits && !excluded) {
      const std::string simple = simplify(b.text);
      std::smatch m;
      if (may_hold_time_range(simple) && std::regex_search(simple, m, range_regex())) {
        const bool units = has_unit(m.str(1)) || has_unit(m.str(2));
        const int from = std::atoi(m.str(1).c_str()), to = std::atoi(m.str(2).c_str());
        // "3-5 días laborables", "2 to 4 weeks": a range followed by a unit of days is a duration.
        const size_t after = static_cast<size_t>(m.position(0) + m.length(0));
        const text::Tokens next(std::string_view(simple).substr(after, 24));
        const auto unit = durations.find_first(next, lang);
        const bool duration = unit && unit->first == 0;
        const bool plausible = from != to && to <= 24 && !duration;
        // "9-12 meses" is a size: a range needs a day expression, or a label and a time unit.
        if (!duration && ((has_days && (units || plausible)) || (labelled && (units || plausible)))) {
          const auto pos = static_cast<size_t>(m.position(0));
          h.value = util::truncate_chars(simple.substr(lead_in_start(simple, pos)), 120);
          keep(h);
          continue;
        }
      }
    }
    // "Horario de Reservas | Lunes a Domingo | Ininterrumpido": a label and a run of days.
    if (labelled && day_range(t, days, lang) && !excluded) {
      h.value = util::truncate_chars(util::collapse_whitespace(b.text), 120);
      keep(h);
      continue;
    }
    if (always.matches(t, lang) && !excluded) {
      h.always = true;
      h.value = util::truncate_chars(util::collapse_whitespace(b.text), 120);
      keep(h);
    }
  }
  for (const auto& s : sd.opening_hours) {
    model::HoursHit h;
    h.value = s;
    h.structured = true;
    h.where = model::Evidence{page.url, "script[type=\"application/ld+json\"]", util::truncate_chars(s, 200), model::Region::main, model::Zone::structured_data};
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace amable::site
