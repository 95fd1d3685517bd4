#include "site/shop_profile.hpp"

#include <algorithm>
#include <map>

#include "site/phones.hpp"
#include "text/fold.hpp"
#include "text/lexicon.hpp"
#include "util/ranking.hpp"
#include "util/memo.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace amable::site {
namespace {

// Folded country name -> code, from rules/lexicon/any/countries.txt ("AR | argentina | ...").
const std::map<std::string, std::string, std::less<>>& names() {
  static const auto table = [] {
    std::map<std::string, std::string, std::less<>> t;
    for (const auto& line : text::lexicon("countries").lines("default", "any")) {
      const auto parts = util::split(line, '|');
      if (parts.size() < 2) continue;
      const std::string code(util::trim(parts[0]));
      for (size_t i = 1; i < parts.size(); ++i) t.emplace(text::fold(util::trim(parts[i])), code);
    }
    return t;
  }();
  return table;
}

bool known_code(std::string_view code) {
  for (const auto& [name, c] : names())
    if (c == code) return true;
  return false;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The country named in a short text: the longest listed name found as whole words.
std::vector<std::string> countries_named_uncached(std::string_view text) {
  std::vector<std::string> out;
  const std::string folded = " " + text::fold(text) + " ";
  for (const auto& [name, code] : names()) {
    if (name.size() < 4 && name != "usa" && name != "uk") continue;  // "uk" only as a word, below
    for (size_t p = folded.find(name); p != std::string::npos; p = folded.find(name, p + 1)) {
      const char before = folded[p - 1], after = p + name.size() < folded.size() ? folded[p + name.size()] : ' ';
      if (util::is_ascii_alnum(before) || util::is_ascii_alnum(after)) continue;
      if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
      break;
    }
  }
  return out;
}

// Each of some 250 names is searched for: the footer line and the title come back on every
// page of the shop, so they are read once per thread.
const std::vector<std::string>& countries_named(std::string_view text) {
  thread_local util::Memo<std::vector<std::string>> named(1024);
  return named.get(text, [&] { return countries_named_uncached(text); });
}

void vote(std::vector<model::CountryVote>& v, const std::string& code, float w, std::string why) {
  if (code.size() != 2) return;
  for (auto& x : v)
    if (x.country == code && x.why == why) return;  // one vote per kind of signal and country
  v.push_back({code, w, std::move(why)});
}

// "£ 25", "₹499", "S/ 120", "R$ 50", "Q1,000.00": currencies that name one country.
void currency_votes(const model::TextBlock& b, std::vector<model::CountryVote>& v) {
  struct Sign {
    std::string_view text;
    const char* country;
  };
  static constexpr Sign k_signs[] = {{"\xC2\xA3", "GB"}, {"\xE2\x82\xB9", "IN"}, {"S/", "PE"}, {"R$", "BR"}};
  const std::string_view s = b.text;
  for (const auto& sign : k_signs)
    for (size_t p = s.find(sign.text); p != std::string_view::npos; p = s.find(sign.text, p + 1)) {
      size_t i = p + sign.text.size();
      while (i < s.size() && s[i] == ' ') ++i;
      if (i < s.size() && util::is_ascii_digit(s[i])) {
        vote(v, sign.country, 1, std::string("currency ") + std::string(sign.text));
        break;
      }
    }
  // Quetzales: "Q1,000.00", "Q 250": a capital Q alone before an amount with decimals.
  for (size_t p = s.find('Q'); p != std::string_view::npos; p = s.find('Q', p + 1)) {
    if (p > 0 && util::is_ascii_alnum(s[p - 1])) continue;
    size_t i = p + 1;
    if (i < s.size() && s[i] == ' ') ++i;
    size_t digits = 0;
    while (i < s.size() && (util::is_ascii_digit(s[i]) || s[i] == ',')) digits += util::is_ascii_digit(s[i++]);
    if (digits >= 2 && i + 2 < s.size() && s[i] == '.' && util::is_ascii_digit(s[i + 1]) && util::is_ascii_digit(s[i + 2])) {
      vote(v, "GT", 1, "currency Q");
      break;
    }
  }
}

// The region part of a language tag: "es-AR" -> "AR", "en_GB" -> "GB".
std::string tag_region(std::string_view tag) {
  const auto cut = tag.find_first_of("-_");
  if (cut == std::string_view::npos || tag.size() < cut + 3) return {};
  const std::string r = upper(tag.substr(cut + 1, 2));
  return r == "UK" ? "GB" : r;
}

// Postal codes that name their country: "TX 77060" (US), "DY2 0NH" (GB), "C1213BYD" (AR).
std::string postal_country(std::string_view s) {
  auto up = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto dg = [](char c) { return util::is_ascii_digit(c); };
  for (size_t i = 0; i + 8 <= s.size(); ++i)
    if (up(s[i]) && dg(s[i + 1]) && dg(s[i + 2]) && dg(s[i + 3]) && dg(s[i + 4]) && up(s[i + 5]) && up(s[i + 6]) && up(s[i + 7]) &&
        (i == 0 || !util::is_ascii_alnum(s[i - 1])))
      return "AR";
  for (size_t i = 0; i + 8 <= s.size(); ++i)
    if (up(s[i]) && up(s[i + 1]) && s[i + 2] == ' ' && dg(s[i + 3]) && dg(s[i + 4]) && dg(s[i + 5]) && dg(s[i + 6]) && dg(s[i + 7]) &&
        (i == 0 || s[i - 1] == ' ' || s[i - 1] == ',') && (i + 8 == s.size() || !dg(s[i + 8])))
      return "US";
  return {};
}

}  // namespace

std::string country_of_name(std::string_view name) {
  const std::string f = text::fold(util::trim(name));
  if (f.size() == 2 && known_code(upper(f))) return upper(f);
  if (auto it = names().find(f); it != names().end()) return it->second;
  return {};
}

std::string country_of_host(std::string_view host) {
  const auto dot = host.rfind('.');
  if (dot == std::string_view::npos) return {};
  const std::string tld = util::to_lower_ascii(host.substr(dot + 1));
  if (tld.size() != 2 || util::is_ascii_digit(tld[0])) return {};
  // Country codes sold as generic names say nothing, unless under a country's own second
  // level ("tienda.com.co" is Colombian, "app.co" is not).
  static constexpr std::string_view k_generic[] = {"io", "co", "me", "tv", "ai", "fm", "ly", "gg", "to", "cc", "ws", "eu"};
  const bool generic = std::find(std::begin(k_generic), std::end(k_generic), tld) != std::end(k_generic);
  if (generic) {
    const std::string_view rest = host.substr(0, dot);
    const auto d2 = rest.rfind('.');
    const std::string second = util::to_lower_ascii(d2 == std::string_view::npos ? rest : rest.substr(d2 + 1));
    if (!(second == "com" || second == "net" || second == "org" || second == "gob" || second == "edu")) return {};
  }
  return tld == "uk" ? "GB" : upper(tld);
}

std::vector<model::CountryVote> country_votes(const model::Page& page, const model::PageFacts& f, std::string_view tld_country) {
  std::vector<model::CountryVote> v;
  if (!tld_country.empty()) vote(v, upper(tld_country), 4, "domain ." + util::to_lower_ascii(tld_country));
  for (const auto& c : f.sd().countries)
    if (auto code = country_of_name(c); !code.empty()) vote(v, code, 3, "addressCountry " + c);
  size_t international = 0;
  for (const auto& p : f.phones) {
    if (!p.value.str().starts_with("+") || p.e164.str().empty() || international >= 3) continue;
    if (auto r = region_of_number(p.e164.str()); !r.empty()) {
      vote(v, r, 2, "phone " + p.value.str());
      ++international;
    }
  }
  for (const auto& a : f.addresses) {
    for (const auto& code : countries_named(a.value.str())) vote(v, code, 2, "address in " + code);
    if (auto code = postal_country(a.value.str()); !code.empty()) vote(v, code, 1.5, "postal code " + a.value.str());
  }
  for (const auto& b : page.blocks) {
    if (!b.visible() || !model::in(model::k_shop_zones, b.zone)) continue;
    currency_votes(b, v);
    // A short chrome line naming one or two countries ("Buenos Aires – Argentina"); a list of
    // countries (shipping destinations) says nothing.
    if (b.zone == model::Zone::chrome && b.text.size() <= 300) {
      const auto named = countries_named(b.text);
      if (named.size() <= 2)
        for (const auto& code : named) vote(v, code, 1, "named in the footer: " + code);
    }
  }
  // "Casa Carmel - Centro Histórico, Ciudad de Guatemala": the title names the place.
  if (const auto named = countries_named(page.title); named.size() == 1) vote(v, named.front(), 1.5, "title names " + named.front());
  for (const auto& e : f.emails) {
    const std::string& value = e.value.str();
    if (auto code = country_of_host(value.substr(value.find('@') + 1)); !code.empty()) vote(v, code, 1.5, "e-mail domain " + code);
  }
  if (auto r = tag_region(page.lang); !r.empty() && known_code(r)) vote(v, r, 1.5, "lang " + page.lang);
  if (auto r = tag_region(page.meta("og:locale")); !r.empty() && known_code(r)) vote(v, r, 1, "og:locale");
  return v;
}

std::string page_country(const std::vector<model::CountryVote>& votes) {
  std::map<std::string, float> sum;
  for (const auto& x : votes) sum[x.country] += x.weight;
  const auto top = util::top_two(sum);
  return top.first >= 1.5f && top.first >= 1.5f * top.second ? top.best : std::string();
}

model::ShopProfile infer_profile(const model::Site& site) {
  std::map<std::string, float> sum;
  std::map<std::string, std::vector<std::string>> why;
  for (const auto& p : site.pages) {
    if (!p.ok()) continue;
    const float k = p.url == site.start ? 2.0f : 1.0f;
    for (const auto& x : p.facts.country_votes) {
      // The domain votes on every page: once is enough.
      if (x.why.starts_with("domain ") && sum.contains(x.country) &&
          std::find(why[x.country].begin(), why[x.country].end(), x.why) != why[x.country].end())
        continue;
      sum[x.country] += x.weight * k;
      auto& w = why[x.country];
      if (std::find(w.begin(), w.end(), x.why) == w.end() && w.size() < 5) w.push_back(x.why);
    }
  }
  model::ShopProfile profile;
  const auto top = util::top_two(sum);
  if (top.first >= 1.5f && top.first >= 1.3f * top.second) profile.country = top.best;
  if (!profile.country.empty()) profile.evidence = why[profile.country];
  profile.jurisdiction = jurisdiction_of(profile.country);
  return profile;
}

std::string jurisdiction_of(std::string_view c) {
  if (c == "ES") return "es";
  static constexpr std::string_view k_eu[] = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
                                              "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "SE"};
  static constexpr std::string_view k_latam[] = {"AR", "BO", "BR", "CL", "CO", "CR", "CU", "DO", "EC", "SV",
                                                 "GT", "HN", "MX", "NI", "PA", "PY", "PE", "UY", "VE"};
  if (std::find(std::begin(k_eu), std::end(k_eu), c) != std::end(k_eu)) return "eu";
  if (c == "GB" || c == "IE") return "uk-ie";
  if (c == "US" || c == "PR") return "us";
  if (std::find(std::begin(k_latam), std::end(k_latam), c) != std::end(k_latam)) return "latam";
  return "neutral";
}

}  // namespace amable::site
