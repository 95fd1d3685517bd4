#include "site/office_hours.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <regex>

#include "site/regions.hpp"
#include "site/snippet.hpp"
#include "text/fold.hpp"
#include "text/lexicon.hpp"
#include "text/tokens.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

// Symbols and emoji between times ("9:00 ☼ – 20:30 ☽") become spaces; dashes stay dashes.
std::string simplify(std::string_view text) {
  // ASCII text is kept byte for byte: no copy one code point at a time.
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return util::collapse_whitespace(text);
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

namespace {

// Where the separator of a time range may be, at or after `from`: a separator ("-", "to", "a",
// "al", "hasta", "till", "until", any case) with a digit right after it (after one optional
// space) and a digit at most 16 bytes before it: "9:00 - 18:00", "8 a 12hs". Every match of
// range_regex() has its separator at such a place; npos when there is none.
size_t range_separator(std::string_view s, size_t from) {
  auto digit_at = [&](size_t i) { return i < s.size() && util::is_ascii_digit(s[i]); };
  size_t last_digit = std::string_view::npos;
  for (size_t k = from > 16 ? from - 16 : 0; k < from; ++k)
    if (digit_at(k)) last_digit = k;
  for (size_t i = from; i < s.size(); ++i) {
    if (digit_at(i)) {
      last_digit = i;
      continue;
    }
    // The first time ends at most "9:00 a. m. " before the separator.
    if (last_digit == std::string_view::npos || i - last_digit > 16) continue;
    std::array<size_t, 2> lengths{0, 0};  // "a" and "al" may both start here
    switch (util::ascii_lower(s[i])) {
      case '-': lengths = {1, 0}; break;
      case 't': lengths = {util::iequals(s.substr(i, 4), "till") ? 4u : util::iequals(s.substr(i, 2), "to") ? 2u : 0u, 0}; break;
      case 'a': lengths = {util::iequals(s.substr(i, 2), "al") ? 2u : 0u, 1}; break;
      case 'h': lengths = {util::iequals(s.substr(i, 5), "hasta") ? 5u : 0u, 0}; break;
      case 'u': lengths = {util::iequals(s.substr(i, 5), "until") ? 5u : 0u, 0}; break;
      default: break;
    }
    for (const size_t l : lengths) {
      const size_t end = i + l;
      if (l > 0 && (digit_at(end) || (end < s.size() && util::is_ascii_space(s[end]) && digit_at(end + 1)))) return i;
    }
  }
  return std::string_view::npos;
}

TimeRangeMatch match_of(const std::match_results<std::string_view::const_iterator>& m, std::string_view s) {
  auto view = [&](const auto& sub) {
    return std::string_view(s.data() + (sub.first - s.begin()), static_cast<size_t>(sub.second - sub.first));
  };
  return TimeRangeMatch{static_cast<size_t>(m[0].first - s.begin()), static_cast<size_t>(m[0].second - m[0].first), view(m[1]), view(m[2])};
}

}  // namespace

bool may_hold_time_range(std::string_view s) { return range_separator(s, 0) != std::string_view::npos; }

// range_regex() is slow on long text (std::regex backtracks at every position), so it is run
// only on a window around each place a separator may be, in order: a match spans at most
// "23:59 a. m. " + "hasta " + "23:59 a. m." and its look-ahead, well inside the window. The
// window's first byte sees the byte before it (match_prev_avail), as it would in the whole
// text; a match that ends near the window's end might be cut short by it, so that rare case
// asks the whole text instead.
std::optional<TimeRangeMatch> find_time_range(std::string_view s) {
  using It = std::string_view::const_iterator;
  std::match_results<It> m;
  for (size_t sep = range_separator(s, 0); sep != std::string_view::npos; sep = range_separator(s, sep + 1)) {
    const size_t w = sep > 17 ? sep - 17 : 0, e = std::min(s.size(), sep + 48);
    auto flags = std::regex_constants::match_default;
    if (w > 0) flags |= std::regex_constants::match_prev_avail;
    if (e < s.size()) flags |= std::regex_constants::match_not_eol;
    if (!std::regex_search(s.begin() + static_cast<std::ptrdiff_t>(w), s.begin() + static_cast<std::ptrdiff_t>(e), m, range_regex(), flags)) continue;
    if (e == s.size() || static_cast<size_t>(m[0].second - s.begin()) + 16 <= e) return match_of(m, s);
    if (!std::regex_search(s.begin(), s.end(), m, range_regex())) return std::nullopt;
    return match_of(m, s);
  }
  return std::nullopt;
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

// Hours in reviews, credits, forms, other companies' text or demo pages are not the shop's.
constexpr model::ZoneSet k_hours_zones = model::zone_bit(model::Zone::main) | model::zone_bit(model::Zone::chrome);

// A line break right before token `i`: it starts a line of its block.
bool gap_has_newline(const text::Tokens& t, size_t i) {
  if (i == 0) return true;
  const size_t from = t.end(i - 1), to = t.begin(i);
  return t.source().substr(from, to - from).find('\n') != std::string_view::npos;
}

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

namespace {

// The line of `text` holding byte `pos`: hours are written a line at a time ("Timing 10 AM-6 PM"
// under a phone number in the same block).
std::string_view line_at(std::string_view text, size_t pos) {
  const size_t from = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  const size_t begin = from == std::string_view::npos || pos == 0 ? 0 : from + 1;
  const size_t end = text.find('\n', pos);
  return text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
}

// A weekday or a month followed by a day of the month ("sábado 27", "Saturday 5th", "27 de
// marzo"): a date, so the times next to it are an event's, not opening hours.
bool dated(const text::Tokens& t, const text::PhraseSet& days, const text::PhraseSet& months, std::string_view lang) {
  // A day of the month, not a time: "27" in "sábado 27 y", but not "9" in "Viernes 9:00" or
  // "Sat 10 am - 6 pm".
  auto day_number = [&](size_t i) {
    if (i >= t.size() || i == 0) return false;
    const std::string_view w = t.original(i);
    if (w.empty() || !util::is_ascii_digit(w[0]) || w.size() > 2) return false;
    const int n = std::atoi(std::string(w).c_str());
    if (n < 1 || n > 31) return false;
    if (i + 1 < t.size()) {
      const std::string_view after = t.source().substr(t.end(i), t.begin(i + 1) - t.end(i));
      const std::string_view next = t.folded(i + 1);
      if (after.find_first_of(":.-\u2013") != std::string_view::npos || next == "am" || next == "pm" || next == "a" ||
          next == "to" || next == "al" || next == "hasta" || next == "h" || next == "hs" || next == "hrs" || next == "horas")
        return false;
    }
    return true;
  };
  for (const auto& m : days.find_all(t, lang)) {
    const size_t k = m.first + m.count;
    if (m.count == 1 && k < t.size() && t.source().substr(t.end(k - 1), t.begin(k) - t.end(k - 1)) == " " && day_number(k))
      return true;
  }
  for (const auto& m : months.find_all(t, lang)) {
    const size_t before = m.first >= 2 && t.folded(m.first - 1) == "de" ? m.first - 2 : (m.first > 0 ? m.first - 1 : t.size());
    if (day_number(m.first + m.count) || (before < t.size() && day_number(before))) return true;
  }
  return false;
}

// Four or more clock times, most of them not paired into ranges (7:15, 7:16, 7:18...): a
// timeline or an itinerary, not a timetable ("9:00 - 20:00, 10:00 - 14:00" pairs every time).
bool timeline(std::string_view s) {
  size_t times = 0, paired = 0;
  for (size_t i = 1; i + 2 < s.size(); ++i) {
    if (!(s[i] == ':' && util::is_ascii_digit(s[i - 1]) && util::is_ascii_digit(s[i + 1]) && util::is_ascii_digit(s[i + 2]))) continue;
    ++times;
    // A range separator and a digit within a few characters after the time ("9:00 - 20:00",
    // "9:00am to 5pm"), or before it.
    const std::string_view after = s.substr(i + 3, 12), before = s.substr(i >= 14 ? i - 14 : 0, i >= 14 ? 12 : (i > 2 ? i - 2 : 0));
    auto ranged = [](std::string_view w) {
      for (std::string_view sep : {"-", "\xE2\x80\x93", " a ", " to ", " al ", " hasta "})
        if (const size_t p = w.find(sep); p != std::string_view::npos && w.find_first_of("0123456789", p) != std::string_view::npos)
          return true;
      return false;
    };
    if (ranged(after) || ranged(before)) ++paired;
  }
  return times >= 4 && paired * 2 < times;
}

}  // namespace

std::vector<model::HoursHit> find_office_hours(const model::Page& page, std::string_view lang, bool contact_page,
                                               const model::StructuredFacts& sd) {
  std::vector<model::HoursHit> out;
  const auto& lex = text::lexicon("office-hours");
  const auto& labels = lex.phrases("labels", lang);
  const auto& days = lex.phrases("days", lang);
  const auto& months = lex.phrases("months", lang);
  const auto& always = lex.phrases("always", lang);
  const auto& exclude = lex.phrases("exclude", lang);
  const auto& appointment = lex.phrases("appointment", lang);
  const auto& durations = lex.phrases("durations", lang);
  const auto& phone_words = text::lexicon("contact-phone").phrases("labels", lang);

  bool label_before = false;  // an hours label alone in the previous block ("Horario")
  for (const auto& b : page.blocks) {
    if (!b.visible() || !speaks(b, k_hours_zones)) {
      label_before = false;
      continue;
    }
    const text::TokensOf tokens_of_b(b.text);
    const text::Tokens& t = *tokens_of_b;
    const auto label = labels.find_first(t, lang);
    // A label counts when it heads the block or one of its lines ("Horario de atención: 8 a
    // 12hs.", "…(Customer Support)\nTiming 10 AM-6 PM").
    const bool label_heads = label && (label->first <= 3 || gap_has_newline(t, label->first));
    const bool labelled = label_before || label_heads;
    const bool only_label = label && t.size() <= label->count + 3 &&
                            !std::any_of(b.text.begin(), b.text.end(), [](char c) { return util::is_ascii_digit(c); });
    label_before = only_label;
    if (only_label) continue;

    const bool digits = std::any_of(b.text.begin(), b.text.end(), [](char c) { return util::is_ascii_digit(c); });
    const bool excluded = exclude.matches(t, lang) || dated(t, days, months, lang);
    const bool channel = b.text.find('@') != std::string::npos || phone_words.matches(t, lang);
    model::HoursHit h;
    h.in_chrome = model::is_chrome(b.region);
    h.near_channel = labelled || channel || h.in_chrome || contact_page;
    // The evidence is made only for a hit: most blocks are not one.
    auto keep = [&](model::HoursHit& hit) {
      hit.where = model::Evidence{page.url, b.selector, snippet_of(b.text), b.region, b.zone};
      out.push_back(std::move(hit));
    };

    if (digits && !excluded && (labelled || !timeline(b.text))) {
      const std::string simple = simplify(b.text);
      if (const auto m = find_time_range(simple)) {
        const bool units = has_unit(m->from) || has_unit(m->to);
        const int from = std::atoi(std::string(m->from).c_str()), to = std::atoi(std::string(m->to).c_str());
        // "3-5 días laborables", "2 to 4 weeks": a range followed by a unit of days is a duration.
        const size_t after = m->pos + m->length;
        const text::Tokens next(std::string_view(simple).substr(after, 24));
        const auto unit = durations.find_first(next, lang);
        const bool duration = unit && unit->first == 0;
        const bool plausible = from != to && to <= 24 && !duration;
        // Hours need hours context: a label, or days on the same line as the times ("Lun-Sáb
        // 10 am-7 pm"). Days elsewhere in a long text ("…lunes 7am, martes 10am") are not it.
        const size_t pos = m->pos;
        const std::string_view line = line_at(simple, pos);
        const text::Tokens line_tokens(line);
        const bool days_on_line = days.matches(line_tokens, lang) || short_day_range(line);
        const bool hours_line = days_on_line && (line_tokens.size() <= 30 || t.size() <= 40);
        if (!duration && (units || plausible) && (labelled || hours_line)) {
          h.value = util::truncate_chars(simple.substr(lead_in_start(simple, pos)), 120);
          keep(h);
          continue;
        }
      }
    }
    // "Horario de Reservas | Lunes a Domingo | Ininterrumpido": a label and a run of days; but
    // "Monday through Friday / By appointment" gives days and no hours.
    if (labelled && day_range(t, days, lang) && !excluded && !appointment.matches(t, lang)) {
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
