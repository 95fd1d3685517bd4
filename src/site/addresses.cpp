#include "site/addresses.hpp"

#include <algorithm>
#include <regex>

#include "site/address_shapes.hpp"
#include "site/regions.hpp"
#include "site/snippet.hpp"
#include "text/lexicon.hpp"
#include "text/tokens.hpp"
#include "util/needles.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

// Addresses in reviews, credits, other companies' boilerplate, forms and demo pages are not the
// shop's.
constexpr model::ZoneSet k_address_zones = model::zone_bit(model::Zone::main) | model::zone_bit(model::Zone::chrome);

bool starts_with_digit(std::string_view w) { return !w.empty() && util::is_ascii_digit(w.front()); }

// Postal codes near a street: ES/US/MX 5 digits (US with a state code), UK postcodes,
// Argentine CPA (C1213BYD), "CP 1604" / "C.P. 28013", Irish "Dublin 9".
bool has_postal_code(std::string_view window) {
  static const std::regex k_codes(
      R"((\b[A-Z]{2}\s\d{5}(-\d{4})?\b)|(\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b)|(\b[A-Z]\d{4}[A-Z]{3}\b)|(\bC\.?\s?P\.?\s?\d{4,5}\b)|(\b(0[1-9]|[1-4]\d|5[0-2])\d{3}\b)|(\bDublin\s\d{1,2}\b))",
      std::regex::optimize);
  return std::regex_search(window.begin(), window.end(), k_codes);
}

// An Argentine CPA ("C1213BYD": a letter, four digits, three letters) anywhere in `s`: every
// match of the slow k_cpa regex below holds one, so text without one is not searched.
bool has_cpa_code(std::string_view s) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  for (size_t i = 0; i + 8 <= s.size(); ++i)
    if (upper(s[i]) && util::is_ascii_digit(s[i + 1]) && util::is_ascii_digit(s[i + 2]) && util::is_ascii_digit(s[i + 3]) &&
        util::is_ascii_digit(s[i + 4]) && upper(s[i + 5]) && upper(s[i + 6]) && upper(s[i + 7]))
      return true;
  return false;
}

// ", Santry", " | Temple City", " - Santa Fe", "Lt. 3C-1, S.R. Pachacutec": a separator, then a
// capitalised place, within the next 60 characters.
bool has_locality(std::string_view after) {
  after = after.substr(0, std::min<size_t>(after.size(), 60));
  for (size_t i = 0; i < after.size(); ++i) {
    const bool sep = after[i] == ',' || after[i] == '|' || after[i] == '\n' ||
                     (after[i] == '-' && i > 0 && after[i - 1] == ' ') || after.substr(i, 2) == "\xC2\xB7";
    if (!sep) continue;
    size_t k = i + (after.substr(i, 2) == "\xC2\xB7" ? 2 : 1);
    while (k < after.size() && (after[k] == ' ' || after[k] == '(')) ++k;
    if (k >= after.size()) return false;
    const char32_t cp = util::next_code_point(after, k);
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE)) return true;
  }
  return false;
}

struct Match {
  size_t begin, end;  // bytes in the block
};

// "12 High Street", "440 Benmar Dr": a house number, capitalised words, then a capitalised
// street word (the English order).
std::optional<Match> number_then_street(const text::Tokens& t, const text::PhraseSet& street, std::string_view lang) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (!starts_with_digit(t.folded(i)) || t.folded(i).size() > 6) continue;
    size_t first = i + 1;
    // "3rd Floor": an ordinal's suffix belongs to the number.
    if (first < t.size() && (t.folded(first) == "st" || t.folded(first) == "nd" || t.folded(first) == "rd" || t.folded(first) == "th") &&
        t.begin(first) == t.end(i))
      ++first;
    for (size_t j = first; j < t.size() && j <= i + 5; ++j) {
      if (!t.capitalised(j)) break;  // "10 atco portable wood floor" is not a street
      auto m = street.match_at(t, j, lang);
      if (!m) continue;
      if (j == i + 1 && t.folded(j).size() <= 3) break;  // "1 St", "2 Dr": a name is needed
      return Match{t.begin(i), t.end(m->first + m->count - 1)};
    }
  }
  return std::nullopt;
}

// "Calle Mayor 12", "C/ Mayor, 12", "Avenida de la Paz 5", "Gral. Paz 690".
std::optional<Match> street_then_number(const text::Tokens& t, const text::PhraseSet& street, std::string_view lang) {
  for (size_t i = 0; i < t.size(); ++i) {
    auto m = street.match_at(t, i, lang);
    if (!m) continue;
    const std::string_view word = street.text(m->entry);
    const size_t after = t.end(m->first + m->count - 1);
    if (word == "c/" && (after >= t.source().size() || t.source()[after] != '/')) continue;  // "vitamin C 500"
    // The street has a capitalised name before its number ("Plaza-1" is a bed size).
    const size_t name = m->first + m->count;
    size_t k = name;
    while (k < t.size() && (t.folded(k) == "de" || t.folded(k) == "del" || t.folded(k) == "la")) ++k;
    if (k >= t.size() || !t.capitalised(k) || (!t.original(k).empty() && util::is_ascii_digit(t.original(k)[0]))) continue;
    for (size_t j = k + 1; j < t.size() && j <= name + 6; ++j)
      if (starts_with_digit(t.folded(j))) return Match{t.begin(i), t.end(j)};
  }
  return std::nullopt;
}

// The address itself: from its start to the end of the sentence that holds the postal code
// ("Calle Mayor 12, 28013 Madrid. Inscrita en el Registro…" keeps "Calle Mayor 12, 28013 Madrid").
std::string value_from(std::string_view text, size_t begin) {
  std::string v = util::collapse_whitespace(util::truncate_chars(text.substr(begin), 160));
  for (char& c : v)
    if (c == '\n') c = ' ';
  size_t digits = 0, code_end = std::string::npos;
  for (size_t i = 0; i < v.size() && code_end == std::string::npos; ++i) {
    digits = util::is_ascii_digit(v[i]) ? digits + 1 : 0;
    if (digits >= 4 && (i + 1 == v.size() || !util::is_ascii_digit(v[i + 1]))) code_end = i + 1;
  }
  // A postal code told by its shape ("V95 T2X8", "DY2 0NH") ends the address when it comes
  // first: "..., V95 T2X8. Call 1890 252 525" stops at the Eircode, not at the phone number.
  if (const auto strong = strong_postal_code(v); strong && strong->end < code_end) code_end = strong->end;
  if (code_end == std::string::npos) return v;
  if (v.ends_with('.')) v.pop_back();
  for (size_t i = code_end; i + 1 < v.size(); ++i)
    if ((v[i] == '.' || v[i] == ':' || v[i] == ';') && v[i + 1] == ' ') {
      v.resize(i);
      break;
    }
  return v;
}

bool is_place_signal(std::string_view window, const text::PhraseSet& countries, std::string_view lang) {
  return has_postal_code(window) || countries.matches(window, lang);
}

// "Clippers Ireland, The Little Farm,\nKnockananig, Fermoy,\nCo Cork, P61 EP80": a strong postal
// code closing short comma- or line-separated parts. Returns where the address starts: the
// first of at most six such parts, after any e-mail or phone number before them.
std::optional<size_t> before_postal_code(std::string_view text, const text::Tokens& t) {
  if (t.size() > 40) return std::nullopt;
  const auto code = strong_postal_code(text);
  if (!code) return std::nullopt;
  size_t end = code->begin, begin = code->begin, parts = 0;
  for (size_t guard = 0; guard < 10 && parts < 6; ++guard) {
    const size_t sep = text.substr(0, end).find_last_of(",\n");
    const size_t from = sep == std::string_view::npos ? 0 : sep + 1;
    const std::string_view part = util::trim(text.substr(from, end - from));
    if (!part.empty()) {
      const size_t digits = static_cast<size_t>(std::count_if(part.begin(), part.end(), [](char c) { return util::is_ascii_digit(c); }));
      if (digits >= 7 && part.find('@') == std::string_view::npos) break;
      // A place name: a capitalised word in lower case after its capital ("Fermoy", "Co Cork"),
      // and no digits glued to letters ("680REALME C17 6GB" is a product name).
      bool place = false, glued = false;
      for (size_t i = 0; i + 1 < part.size(); ++i) {
        const bool word_start = i == 0 || part[i - 1] == ' ';
        if (word_start && part[i] >= 'A' && part[i] <= 'Z' && part[i + 1] >= 'a' && part[i + 1] <= 'z') place = true;
        if (util::is_ascii_digit(part[i]) && util::is_ascii_alpha(part[i + 1]) && (i + 2 >= part.size() || util::is_ascii_alpha(part[i + 2])))
          glued = true;
      }
      if (glued || !place) break;
      begin = from;
      // What follows an e-mail or a phone number in the same part ("… sales@shop.ie Clippers Ireland").
      const std::string_view raw = text.substr(from, end - from);
      const size_t at = raw.rfind('@');
      size_t cut = at == std::string_view::npos ? std::string_view::npos : raw.find(' ', at);
      if (at == std::string_view::npos && digits >= 7) cut = raw.find_last_of("0123456789") + 1;
      if (cut != std::string_view::npos) {
        begin = from + cut;
        ++parts;
        break;
      }
      ++parts;
    }
    if (sep == std::string_view::npos) break;
    end = sep;
  }
  if (parts < 2) return std::nullopt;
  while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\n' || text[begin] == ',')) ++begin;
  return begin;
}

}  // namespace

std::vector<model::AddressHit> find_addresses(const model::Page& page, std::string_view lang,
                                              const model::StructuredFacts& sd) {
  std::vector<model::AddressHit> out;
  const auto& lex = text::lexicon("postal-address");
  const auto& street = lex.phrases("street", lang);
  const auto& street_after = lex.phrases("street", "en");
  const auto& street_before = lex.phrases("street", "es");
  const auto& labels = lex.phrases("labels", lang);
  const auto& po_box = lex.phrases("po-box", lang);
  const auto& countries = lex.phrases("countries", lang);
  const auto& landmarks = lex.phrases("landmarks", lang);
  const auto& placeholders = text::lexicon("placeholders").phrases("addresses", "any");
  auto add = [&](const model::TextBlock& b, size_t begin, std::string source) {
    model::AddressHit h;
    h.value = value_from(b.text, begin);
    // One address read twice in a block ("Clare Wool Ltd, 12 Abbey Street, ..." by its postal
    // code, "12 Abbey Street, ..." by its street) is one address: the shorter reading stays.
    const auto same = std::find_if(out.begin(), out.end(), [&](const auto& x) {
      return x.value == h.value || (x.where.selector == b.selector && (x.value.str().find(h.value.str()) != std::string::npos ||
                                                                        h.value.str().find(x.value.str()) != std::string::npos));
    });
    if (same != out.end()) {
      if (h.value.str().size() < same->value.str().size()) same->value = h.value;
      return;
    }
    h.source = std::move(source);
    h.in_chrome = model::is_chrome(b.region);
    h.po_box = po_box.matches(b.text, lang);
    h.placeholder = placeholders.matches(std::string_view(h.value), "");
    h.where = model::Evidence{page.url, b.selector, snippet_around(b.text, begin, begin), b.region, b.zone};
    out.push_back(std::move(h));
  };

  bool label_pending = false;  // "Dirección" alone in a block: the address follows
  for (size_t bi = 0; bi < page.blocks.size(); ++bi) {
    const auto& b = page.blocks[bi];
    // An address split over blocks ("2 Bell Road" / "Dudley" / "DY2 0NH"): what follows the
    // block counts as what follows the street.
    auto following = [&](size_t end) {
      std::string after(b.text.substr(end));
      for (size_t k = bi + 1; k < page.blocks.size() && k <= bi + 3 && after.size() < 120; ++k)
        after += " | " + page.blocks[k].text;
      return after;
    };
    // Only where the shop speaks: PayPal's office in a credit disclaimer is not the shop's.
    if (!b.visible() || !speaks(b, k_address_zones)) {
      label_pending = false;
      continue;
    }
    const bool digits = std::any_of(b.text.begin(), b.text.end(), [](char c) { return util::is_ascii_digit(c); });
    const text::TokensOf tokens_of_b(b.text);
    const text::Tokens& t = *tokens_of_b;
    const auto label = labels.find_first(t, lang);
    if (label && label->count + 2 >= t.size() && !digits) {
      label_pending = true;
      continue;
    }
    const bool labelled = label_pending || label.has_value();
    label_pending = false;
    // Landmark addresses have no numbers at all.
    if (auto l = landmark_address(t, street, landmarks, lang)) {
      add(b, l->begin, "text");
      continue;
    }
    if (!digits) continue;
    if (b.has(model::k_block_address) && (street.matches(t, lang) || has_postal_code(b.text))) {
      add(b, 0, "address-element");
      continue;
    }
    if (labelled) {
      // "Dirección: 5 avenida 12-64, zona 9", "con domicilio en [Las campas 3, 33129, Asturias]".
      const size_t from = label ? t.end(label->first + label->count - 1) : 0;
      const std::string_view rest = std::string_view(b.text).substr(from);
      text::Tokens rt(rest);
      bool number = false;
      for (size_t i = 0; i < rt.size() && i < 12 && !number; ++i) number = starts_with_digit(rt.folded(i));
      const size_t first_digit = rest.find_first_of("0123456789");
      if (number && first_digit != std::string_view::npos &&
          (street.matches(rt, lang) || has_postal_code(rest) || has_locality(rest.substr(first_digit)))) {
        size_t begin = from;
        while (begin < b.text.size() && (b.text[begin] == ':' || b.text[begin] == ' ')) ++begin;
        add(b, begin, "text");
        continue;
      }
    }
    // English streets come after their name, Spanish ones before ("1 Plaza" is a bed size).
    for (const auto& m : {number_then_street(t, street_after, "en"), street_then_number(t, street_before, "es")}) {
      if (!m) continue;
      const std::string after = following(m->end).substr(0, 120);
      if (is_place_signal(after, countries, lang) || has_locality(after)) {
        add(b, m->begin, "text");
        break;
      }
    }
    if (auto g = grid_address(t, street_before, "es")) {
      add(b, g->begin, "text");
      continue;
    }
    if (auto begin = before_postal_code(b.text, t)) {
      add(b, *begin, "text");
      continue;
    }
    // "Catamarca 211 - (C1213BYD)": a name, a number and a strong postal code.
    static const std::regex k_cpa(R"(\b[A-Z][\w\.]+(\s[A-Z][\w\.]+)*\s\d{1,5}\s?[-,]?\s?\(?[A-Z]\d{4}[A-Z]{3}\)?)", std::regex::optimize);
    std::cmatch cm;
    if (has_cpa_code(b.text) && std::regex_search(b.text.data(), b.text.data() + b.text.size(), cm, k_cpa))
      add(b, static_cast<size_t>(cm.position(0)), "text");
  }
  for (const auto& a : sd.addresses) {
    model::AddressHit h;
    h.value = a;
    h.source = "structured-data";
    h.where = model::Evidence{page.url, "script[type=\"application/ld+json\"]", util::truncate_chars(a, 200), model::Region::main, model::Zone::structured_data};
    out.push_back(std::move(h));
  }
  return out;
}

// A registry label ("Registration Number", "NIF", "CUIT", "Company No.") followed, within a few
// characters, by an identifier: five or more letters and digits, at least three of them digits
// ("259460", "B-12345678", "30-71234567-9", "03AAMCP8550D1ZG"), or a registry's own words
// ("Registro Mercantil de Madrid, tomo 123").
std::optional<model::Evidence> find_trader_id(const model::Page& page, std::string_view lang) {
  const auto& ids = text::lexicon("postal-address").phrases("trader-id", lang);
  for (const auto& b : page.blocks) {
    if (!b.visible() || !speaks(b, k_address_zones)) continue;
    const text::TokensOf tokens_of_b(b.text);
    const text::Tokens& t = *tokens_of_b;
    const auto m = ids.find_first(t, lang);
    if (!m) continue;
    const size_t from = t.begin(m->first);
    const std::string_view window = std::string_view(b.text).substr(from, std::min<size_t>(80, b.text.size() - from));
    const bool registry = util::icontains(window, "registro mercantil") || util::icontains(window, "registered in");
    bool id = false;
    const size_t after = t.end(m->first + m->count - 1) - from;
    for (size_t i = after; i < window.size() && i < after + 12 && !id; ++i) {
      if (!util::is_ascii_alnum(window[i])) continue;
      size_t j = i, digits = 0, chars = 0;
      while (j < window.size() && (util::is_ascii_alnum(window[j]) || ((window[j] == '-' || window[j] == '.') && j + 1 < window.size() && util::is_ascii_alnum(window[j + 1])))) {
        digits += util::is_ascii_digit(window[j]);
        chars += util::is_ascii_alnum(window[j]);
        ++j;
      }
      id = chars >= 5 && digits >= 3;
      i = j;
    }
    if (registry || id) return model::Evidence{page.url, b.selector, snippet_around(b.text, from, from + window.size()), b.region, b.zone};
  }
  return std::nullopt;
}

bool has_map(const model::Page& page) {
  static const util::NeedleSet map_hosts({"google.com/maps", "maps.google.", "maps.app.goo.gl", "goo.gl/maps", "openstreetmap.org", "bing.com/maps"});
  auto is_map = [](std::string_view u) { return map_hosts.any_in(u); };
  for (const auto& l : page.links)
    if (is_map(l.url)) return true;
  for (const auto& e : page.elements)
    if (e.tag == "iframe" && is_map(e.attr("src"))) return true;
  return false;
}

}  // namespace amable::site
