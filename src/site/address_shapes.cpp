#include "site/address_shapes.hpp"

#include <cstring>

#include "util/text.hpp"

namespace amable::site {
namespace {

bool up(char c) { return c >= 'A' && c <= 'Z'; }
bool dg(char c) { return c >= '0' && c <= '9'; }
bool al(char c) { return up(c) || dg(c); }
bool boundary(std::string_view s, size_t i) { return i >= s.size() || !util::is_ascii_alnum(s[i]); }

// USPS state and territory codes.
bool us_state(std::string_view c) {
  // Three bytes a code ("AL "): the walk stops before the last code's missing space. (It used to
  // step from "MP" past the string's end: a read out of bounds that ASan found.)
  static constexpr std::string_view k_states =
      "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR "
      "PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP";
  for (size_t at = 0; at + 2 <= k_states.size(); at += 3)
    if (c == k_states.substr(at, 2)) return true;
  return false;
}

}  // namespace

std::optional<TextSpan> strong_postal_code(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && util::is_ascii_alnum(s[i - 1])) continue;
    // Eircode: a routing key (letter, two digits; or D6W) and a four-character identifier.
    if (i + 8 <= s.size() && up(s[i]) && dg(s[i + 1]) && (dg(s[i + 2]) || s[i + 2] == 'W') && s[i + 3] == ' ' &&
        al(s[i + 4]) && al(s[i + 5]) && al(s[i + 6]) && al(s[i + 7]) && boundary(s, i + 8) &&
        !(dg(s[i + 4]) && dg(s[i + 5]) && dg(s[i + 6]) && dg(s[i + 7])) && std::strchr("ACDEFHKNPRTVWXY", s[i]))
      return TextSpan{i, i + 8};
    // Canada: "V5J 5K3".
    if (i + 7 <= s.size() && up(s[i]) && dg(s[i + 1]) && up(s[i + 2]) && s[i + 3] == ' ' && dg(s[i + 4]) && up(s[i + 5]) &&
        dg(s[i + 6]) && boundary(s, i + 7))
      return TextSpan{i, i + 7};
    // UK: "DY2 0NH", "SW1A 1AA", "M1 1AE". Areas of one letter are B, E, G, L, M, N, S, W; of
    // two, never Q, V, X first nor I, J, Z second; the inward letters never C, I, K, M, O, V.
    {
      size_t j = i, letters = 0;
      while (j < s.size() && up(s[j]) && letters < 2) ++j, ++letters;
      const bool area = letters == 1 ? std::strchr("BEGLMNSW", s[i]) != nullptr
                                     : letters == 2 && !std::strchr("QVX", s[i]) && !std::strchr("IJZ", s[i + 1]);
      auto inward = [](char c) { return up(c) && !std::strchr("CIKMOV", c); };
      if (area && j < s.size() && dg(s[j])) {
        ++j;
        if (j < s.size() && al(s[j]) && s[j] != ' ') ++j;
        if (j + 4 <= s.size() && s[j] == ' ' && dg(s[j + 1]) && inward(s[j + 2]) && inward(s[j + 3]) && boundary(s, j + 4))
          return TextSpan{i, j + 4};
      }
    }
    // US: a state code and a ZIP code.
    if (i + 8 <= s.size() && up(s[i]) && up(s[i + 1]) && s[i + 2] == ' ' && dg(s[i + 3]) && dg(s[i + 4]) && dg(s[i + 5]) &&
        dg(s[i + 6]) && dg(s[i + 7]) && boundary(s, i + 8) && us_state(s.substr(i, 2)))
      return TextSpan{i, i + 8};
    // Argentina: CPA "C1213BYD".
    if (i + 8 <= s.size() && up(s[i]) && dg(s[i + 1]) && dg(s[i + 2]) && dg(s[i + 3]) && dg(s[i + 4]) && up(s[i + 5]) &&
        up(s[i + 6]) && up(s[i + 7]) && boundary(s, i + 8))
      return TextSpan{i, i + 8};
  }
  return std::nullopt;
}

std::optional<TextSpan> grid_address(const text::Tokens& t, const text::PhraseSet& street, std::string_view lang) {
  const std::string_view src = t.source();
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    const auto m = street.match_at(t, i, lang);
    if (!m || !t.capitalised(i)) continue;
    size_t k = m->first + m->count;
    if (k >= t.size() || !dg(t.original(k)[0])) continue;  // "Calle 51a": the street's number
    ++k;
    // A letter or "bis" glued to the number, and a cardinal point: "51a Sur", "7 Bis".
    while (k < t.size() && k <= m->first + m->count + 3 && !dg(t.original(k)[0])) {
      const std::string_view w = t.folded(k);
      if (!(w.size() == 1 || w == "bis" || w == "sur" || w == "norte" || w == "este" || w == "oeste")) break;
      ++k;
    }
    if (k >= t.size()) continue;
    // Then the door: "#81i-53", "No. 32-16", "N° 45-10", "Nº 5".
    const std::string_view between = src.substr(t.end(k - 1), t.begin(k) - t.end(k - 1));
    bool door = between.find('#') != std::string_view::npos;
    size_t d = k;
    const std::string_view w = t.folded(k);
    if (!door && (w == "no" || w == "n" || w == "nº" || w == "n°" || w == "numero" || w == "num") && k + 1 < t.size()) {
      door = true;
      d = k + 1;
    }
    if (!door || !dg(t.original(d)[0])) continue;
    size_t end = t.end(d);
    if (d + 1 < t.size() && src.substr(t.end(d), t.begin(d + 1) - t.end(d)) == "-" ) end = t.end(d + 1);
    return TextSpan{t.begin(i), end};
  }
  return std::nullopt;
}

std::optional<TextSpan> landmark_address(const text::Tokens& t, const text::PhraseSet& street,
                                         const text::PhraseSet& landmarks, std::string_view lang) {
  if (t.size() > 30) return std::nullopt;
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    const auto m = street.match_at(t, i, lang);
    if (!m || !t.capitalised(i)) continue;
    size_t k = m->first + m->count, names = 0;
    while (k < t.size() && (t.capitalised(k) || t.folded(k) == "de" || t.folded(k) == "del" || t.folded(k) == "la")) {
      names += t.capitalised(k);
      ++k;
    }
    if (names < 2) continue;
    for (size_t j = k; j < t.size() && j <= k + 2; ++j)
      if (auto l = landmarks.match_at(t, j, lang)) {
        const size_t last = std::min(t.size() - 1, l->first + l->count + 4);
        return TextSpan{t.begin(i), t.end(last)};
      }
  }
  return std::nullopt;
}

bool counting_house_number(std::string_view address) {
  for (size_t i = 0; i < address.size(); ++i) {
    if (!dg(address[i]) || (i > 0 && dg(address[i - 1]))) continue;
    size_t j = i;
    while (j < address.size() && dg(address[j])) ++j;
    const std::string_view n = address.substr(i, j - i);
    if (n == "123" || n == "1234" || n == "12345" || n == "123456") return true;
    i = j;
  }
  return false;
}

}  // namespace amable::site
