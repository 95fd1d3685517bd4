#include "site/phones.hpp"

#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>

#include "site/regions.hpp"
#include "site/snippet.hpp"
#include "text/lexicon.hpp"
#include "text/tokens.hpp"
#include "util/memo.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

PhoneNumberUtil& util_instance() { return *PhoneNumberUtil::GetInstance(); }

std::string line_type(const PhoneNumber& n) {
  switch (util_instance().GetNumberType(n)) {
    case PhoneNumberUtil::FIXED_LINE: return "fixed";
    case PhoneNumberUtil::MOBILE: return "mobile";
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE: return "fixed-or-mobile";
    case PhoneNumberUtil::TOLL_FREE: return "toll-free";
    case PhoneNumberUtil::PREMIUM_RATE: return "premium";
    case PhoneNumberUtil::SHARED_COST: return "shared-cost";
    case PhoneNumberUtil::VOIP: return "voip";
    default: return "unknown";
  }
}

std::string e164(const PhoneNumber& n) {
  std::string out;
  util_instance().Format(n, PhoneNumberUtil::E164, &out);
  return out;
}

std::string digits_of(std::string_view s) {
  std::string d;
  for (char c : s)
    if (util::is_ascii_digit(c)) d.push_back(c);
  return d;
}

// Seven or more digits in a row that repeat (3333333) or count up or down (1234567, 9876543).
bool repeated_or_counting(const std::string& d) {
  size_t same = 1, best_same = 1, up = 1, down = 1, best_seq = 1;
  for (size_t i = 1; i < d.size(); ++i) {
    same = d[i] == d[i - 1] ? same + 1 : 1;
    up = d[i] == d[i - 1] + 1 ? up + 1 : 1;
    down = d[i] + 1 == d[i - 1] ? down + 1 : 1;
    best_same = std::max(best_same, same);
    best_seq = std::max({best_seq, up, down});
  }
  return best_same >= 7 || best_seq >= 7;
}

// Theme placeholders: 3333333333, 123456789, 555-01xx, +34 000 000 000, +1 (555).
bool placeholder_number(const std::string& e) {
  const std::string d = digits_of(e);
  if (d.size() < 7) return false;
  if (repeated_or_counting(d)) return true;
  if (e.starts_with("+1") && d.size() == 11 && (d.substr(1, 3) == "555" || d.substr(4, 5) == "55501")) return true;
  return false;
}

// Digits of a text span that placeholder_number could accept once parsed: spares the lenient
// matcher pass on the many spans that cannot be one.
bool may_hold_placeholder(std::string_view span) {
  const std::string d = digits_of(span);
  return d.find("555") != std::string::npos || repeated_or_counting(d);
}

// The words just before a match, folded: "Tel.:", "SKU", "Fax".
std::vector<std::string> words_before(std::string_view text, size_t pos, size_t chars) {
  const size_t from = pos > chars ? pos - chars : 0;
  text::Tokens t(text.substr(from, pos - from));
  std::vector<std::string> out;
  for (size_t i = 0; i < t.size(); ++i) out.emplace_back(t.folded(i));
  return out;
}

bool any_in(const std::vector<std::string>& words, const text::PhraseSet& set, std::string_view lang) {
  std::string joined;
  for (const auto& w : words) joined += w + " ";
  text::Tokens t(joined);
  return set.matches(t, lang);
}

// The last phone label among `words` ("tel", "fax", "whatsapp"), or "".
std::string last_label(const std::vector<std::string>& words, const text::PhraseSet& labels, std::string_view lang) {
  std::string joined;
  for (const auto& w : words) joined += w + " ";
  text::Tokens t(joined);
  const auto all = labels.find_all(t, lang);
  if (all.empty()) return {};
  return std::string(labels.text(all.back().entry));
}

// Spans of text holding 7 to 15 digits with phone punctuation between them.
std::vector<std::pair<size_t, size_t>> candidate_spans(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (!(util::is_ascii_digit(c) || c == '+' || c == '(')) {
      ++i;
      continue;
    }
    size_t j = i, digits = 0, last_digit = i;
    while (j < text.size()) {
      const char d = text[j];
      if (util::is_ascii_digit(d)) {
        ++digits;
        last_digit = j;
      } else if (!(d == ' ' || d == '-' || d == '.' || d == '(' || d == ')' || d == '/' || d == '+')) {
        break;
      }
      // Two spaces or separators in a row end a number.
      if (!util::is_ascii_digit(d) && j + 1 < text.size() && !util::is_ascii_digit(text[j + 1]) && text[j + 1] != '(' &&
          text[j + 1] != '+' && d != ')')
        break;
      ++j;
    }
    if (digits >= 7 && digits <= 15) out.emplace_back(i, last_digit + 1);
    i = std::max(j, i + 1);
  }
  return out;
}

// "2019-2025", "20-03-2004", "2004/03/20": years and dates, not numbers to call.
bool date_like(std::string_view span) {
  std::vector<std::string> groups;
  std::string cur;
  for (char c : span) {
    if (util::is_ascii_digit(c)) {
      cur.push_back(c);
    } else if (!cur.empty()) {
      groups.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) groups.push_back(cur);
  auto year = [](const std::string& g) { return g.size() == 4 && (g.starts_with("19") || g.starts_with("20")); };
  auto small = [](const std::string& g, int max) { return g.size() <= 2 && std::stoi(g) >= 1 && std::stoi(g) <= max; };
  if (groups.size() == 2 && year(groups[0]) && year(groups[1])) return true;
  if (groups.size() == 3 && year(groups[2]) && small(groups[0], 31) && small(groups[1], 31)) return true;
  if (groups.size() == 3 && year(groups[0]) && small(groups[1], 12) && small(groups[2], 31)) return true;
  return false;
}

// "Wed Dec 02 2026 21:08:33" (a script's Date), "2 March 2024 10:30": a month's name before, or
// a clock time after, makes digits a date and not a number to call.
bool timestamp_like(std::string_view text, size_t begin, size_t end, const std::vector<std::string>& before,
                    const text::PhraseSet& months, std::string_view lang) {
  if (end + 2 < text.size() && text[end] == ':' && util::is_ascii_digit(text[end + 1]) && util::is_ascii_digit(text[end + 2])) return true;
  if (before.empty()) return false;
  const text::Tokens t(before.back());
  return util::is_ascii_digit(text[begin]) && months.matches_whole(t, lang);
}

bool overlaps_guard(const model::TextBlock& b, size_t begin, size_t end) {
  for (const auto& g : b.guarded)
    if (begin < g.end && g.begin < end) return true;
  return false;
}

bool near_currency(std::string_view text, size_t begin, size_t end) {
  auto has = [&](std::string_view s) {
    return s.find("\xE2\x82\xAC") != std::string_view::npos || s.find('$') != std::string_view::npos ||
           s.find("\xC2\xA3") != std::string_view::npos;
  };
  return has(text.substr(begin > 3 ? begin - 3 : 0, begin > 3 ? 3 : begin)) || has(text.substr(end, 3));
}

// Numbers in reviews, credits, other companies' boilerplate and demo pages are not the shop's.
constexpr model::ZoneSet k_phone_zones = model::k_shop_zones | model::zone_bit(model::Zone::form);

struct Collector {
  std::vector<model::PhoneHit> hits;
  // Keep the visible sighting; a number offered only through WhatsApp (even when its digits
  // are the link's text) is a WhatsApp channel, unless a tel: link or a phone label offers it.
  void add(model::PhoneHit h) {
    auto it = std::find_if(hits.begin(), hits.end(), [&](const auto& x) { return phone_key(x) == phone_key(h); });
    if (it == hits.end()) {
      hits.push_back(std::move(h));
      return;
    }
    merge_phone(*it, h);
  }
};

// What libphonenumber said of a number: its E.164 form and line type.
struct Parsed {
  std::string e164, line_type;
};
// A number libphonenumber found in a span of text, and where.
struct Matched {
  Parsed number;
  size_t start = 0, length = 0;
  std::string raw;
};

// libphonenumber is the slowest step a page goes through, and shops repeat the same numbers
// in the header and footer of every page: its answers are remembered per thread.
using util::Memo;

Parsed describe(const PhoneNumber& n) { return Parsed{e164(n), line_type(n)}; }

const std::optional<Parsed>& parse_number(std::string_view raw, const std::vector<std::string>& regions) {
  thread_local Memo<std::optional<Parsed>> memo;
  std::string key(raw);
  for (const auto& r : regions) key += "\x1F" + r;
  return memo.get(key, [&]() -> std::optional<Parsed> {
    auto& util = util_instance();
    for (const auto& region : regions) {
      PhoneNumber n;
      if (util.Parse(std::string(raw), region, &n) == PhoneNumberUtil::NO_PARSING_ERROR && util.IsValidNumber(n))
        return describe(n);
    }
    return std::nullopt;
  });
}

// The first number PhoneNumberMatcher finds in `span` read from `region`.
const std::optional<Matched>& match_span(const std::string& span, const std::string& region, PhoneNumberMatcher::Leniency leniency) {
  thread_local Memo<std::optional<Matched>> memo;
  return memo.get(span + "\x1F" + region + "\x1F" + std::to_string(static_cast<int>(leniency)), [&]() -> std::optional<Matched> {
    PhoneNumberMatcher m(util_instance(), span, region, leniency, 5);
    if (!m.HasNext()) return std::nullopt;
    PhoneNumberMatch match;
    m.Next(&match);
    return Matched{describe(match.number()), static_cast<size_t>(match.start()), static_cast<size_t>(match.length()),
                   match.raw_string()};
  });
}

}  // namespace

void merge_phone(model::PhoneHit& into, const model::PhoneHit& h) {
  into.tel_link = into.tel_link || h.tel_link;
  into.labelled = into.labelled || h.labelled;
  into.whatsapp_link = into.whatsapp_link || h.whatsapp_link;
  into.in_chrome = into.in_chrome || h.in_chrome;
  if (h.visible && !into.visible) {
    into.visible = true;
    into.where = h.where;
    into.value = h.value;
  }
  if (into.kind != "fax" && h.kind == "fax") into.kind = "fax";
  if (into.kind == "fax") return;
  // A number offered as a phone (a tel: link, a phone label) is a phone; one offered only
  // through WhatsApp stays a WhatsApp channel, whatever structured data calls it.
  const bool structured = h.where.zone == model::Zone::structured_data;
  if (into.tel_link || into.labelled) into.kind = "phone";
  else if (into.whatsapp_link || into.kind == "whatsapp" || h.kind == "whatsapp") into.kind = "whatsapp";
  else if (h.kind == "phone" && !structured) into.kind = "phone";
}

std::string region_of_number(std::string_view e164) {
  PhoneNumber n;
  auto& u = util_instance();
  if (u.Parse(std::string(e164), "ZZ", &n) != PhoneNumberUtil::NO_PARSING_ERROR) return {};
  std::string region;
  u.GetRegionCodeForNumber(n, &region);
  return region == "ZZ" ? std::string() : region;
}

std::string phone_key(const model::PhoneHit& h) {
  return h.e164.str().empty() ? "local:" + digits_of(h.value.str()) : h.e164.str();
}

void resolve_in_country(std::vector<model::PhoneHit>& hits, std::string_view country) {
  if (country.size() != 2) return;
  auto& u = util_instance();
  const std::string region(country);
  for (auto& h : hits) {
    const std::string& value = h.value.str();
    const std::string_view v = util::trim(value);
    // Written with a country code, or a WhatsApp link's international number: nothing to guess.
    if (v.starts_with("+") || v.starts_with("00") || h.whatsapp_link || digits_of(v).size() < 6) continue;
    // The footer's number comes back on every page of the shop: read once per thread.
    struct InCountry {
      bool parsed = false, valid = false, local_only = false;
      Parsed number;
    };
    thread_local util::Memo<InCountry> read;
    const InCountry& r = read.get(region + "\x1F" + value, [&] {
      InCountry out;
      PhoneNumber n;
      if (u.Parse(value, region, &n) != PhoneNumberUtil::NO_PARSING_ERROR) return out;
      out.parsed = true;
      out.valid = u.IsValidNumber(n);
      if (out.valid) out.number = describe(n);
      else out.local_only = u.IsPossibleNumberWithReason(n) == PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY;
      return out;
    });
    if (!r.parsed) continue;
    if (r.valid) {
      h.e164 = r.number.e164;
      h.line_type = r.number.line_type;
      h.placeholder = placeholder_number(r.number.e164);
    } else if ((h.labelled || h.tel_link) && r.local_only) {
      h.e164 = "";
      h.line_type = "unknown";
    }
  }
  // Two sightings read apart before may be one number now.
  std::vector<model::PhoneHit> merged;
  for (auto& h : hits) {
    auto it = std::find_if(merged.begin(), merged.end(), [&](const auto& x) { return phone_key(x) == phone_key(h); });
    if (it == merged.end()) merged.push_back(std::move(h));
    else merge_phone(*it, h);
  }
  hits = std::move(merged);
}

std::vector<std::string> phone_regions(std::string_view tld_region, std::string_view lang_tag, std::string_view og_locale,
                                       std::string_view lang) {
  std::vector<std::string> out;
  auto add = [&](std::string r) {
    r = util::to_lower_ascii(r);
    for (auto& c : r) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (r == "UK") r = "GB";
    if (r.size() == 2 && std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  };
  if (!tld_region.empty()) add(std::string(tld_region));
  for (std::string_view tag : {lang_tag, og_locale}) {
    const auto cut = tag.find_first_of("-_");
    if (cut != std::string_view::npos) add(std::string(tag.substr(cut + 1, 2)));
  }
  // Without a clue, the countries where the language's shops are.
  if (lang == "es")
    for (const char* r : {"ES", "MX", "AR", "CO", "CL", "PE", "UY", "EC", "GT", "VE", "US"}) add(r);
  else if (lang == "en")
    for (const char* r : {"US", "GB", "IE", "CA", "AU", "IN", "NZ"}) add(r);
  else
    for (const char* r : {"US", "GB", "ES", "FR", "DE", "IT", "MX", "AR"}) add(r);
  return out;
}

std::vector<model::PhoneHit> find_phones(const model::Page& page, std::string_view lang, const PhoneOptions& opt,
                                         const model::StructuredFacts& sd) {
  Collector c;
  auto& util = util_instance();
  const auto& lex = text::lexicon("contact-phone");
  const auto& labels = lex.phrases("labels", lang);
  // Identifiers ("ABN", "NIF", "SKU") block a number in any language: a Spanish book page of an
  // Australian shop still shows the shop's ABN.
  const auto& blockers = lex.phrases("blockers", "");
  const auto& months = text::lexicon("office-hours").phrases("months", lang);
  const auto& fax = lex.phrases("fax", lang);
  const auto& whatsapp = lex.phrases("whatsapp", lang);

  // tel: links: a phone channel even when the link text is a call to action.
  for (const auto& l : page.links) {
    if (l.hidden || !util::istarts_with(l.href, "tel:") || !model::in(k_phone_zones, l.zone)) continue;
    const std::string raw = util::percent_decode(std::string_view(l.href).substr(4));
    model::PhoneHit h;
    h.tel_link = true;
    h.in_chrome = model::is_chrome(l.region);
    h.where = model::Evidence{page.url, l.selector, snippet_of(l.text.empty() ? raw : l.text), l.region, l.zone};
    const std::string d = digits_of(raw);
    h.visible = !d.empty() && digits_of(l.text).find(d.size() > 8 ? d.substr(d.size() - 8) : d) != std::string::npos;
    // "F: (832) 218-1782" as a tel: link is the fax number.
    {
      const text::Tokens lt(l.text);
      if (!lt.empty() && fax.match_at(lt, 0, lang) && lt.folded(0) != "telefax") h.kind = "fax";
    }
    if (const auto& n = parse_number(raw, opt.regions)) {
      h.e164 = n->e164;
      h.line_type = n->line_type;
    } else if (d.size() >= 7 || std::any_of(raw.begin(), raw.end(), [](char ch) { return util::is_ascii_alpha(ch); })) {
      h.e164 = raw;  // vanity numbers (1-800-FLOWERS) and numbers of unknown regions
    } else {
      continue;
    }
    // The number as the visitor reads it ("914 475 382"), when the link shows just the number.
    const std::string shown(util::trim(l.text));
    const bool number_only = h.visible && std::none_of(shown.begin(), shown.end(), [](char ch) { return util::is_ascii_alpha(ch); });
    h.value = number_only ? shown : raw;
    h.placeholder = placeholder_number(h.e164);
    c.add(std::move(h));
  }
  // WhatsApp links: a channel, but not a phone number shown to the visitor.
  for (const auto& l : page.links) {
    if (l.hidden) continue;
    const bool wa = util::icontains(l.url, "wa.me/") || util::icontains(l.url, "api.whatsapp.com/send") ||
                    util::istarts_with(l.url, "whatsapp:");
    if (!wa) continue;
    model::PhoneHit h;
    const auto phone = l.url.find("phone=");
    // The number only: "wa.me/50250255434?text=Hola%2C…" carries digits in its message too.
    std::string raw = phone != std::string::npos ? l.url.substr(phone + 6) : l.url.substr(0, l.url.find('?'));
    if (phone == std::string::npos) raw = raw.substr(raw.rfind('/') + 1);
    raw = digits_of(raw.substr(0, raw.find_first_of("&?#")));
    if (raw.size() < 7) continue;
    PhoneNumber n;
    if (util.Parse("+" + raw, "ZZ", &n) != PhoneNumberUtil::NO_PARSING_ERROR) continue;
    h.e164 = e164(n);
    h.value = "+" + raw;
    h.kind = "whatsapp";
    h.whatsapp_link = true;
    h.visible = false;
    h.line_type = line_type(n);
    h.where = model::Evidence{page.url, l.selector, snippet_of(l.text.empty() ? l.url : l.text), l.region, l.zone};
    c.add(std::move(h));
  }

  // Visible text: the matcher runs only on spans of 7 to 15 digits (it is slow).
  for (const auto& block : page.blocks) {
    if (!block.visible() || !speaks(block, k_phone_zones)) continue;
    for (const auto& [sb, se] : candidate_spans(block.text)) {
      if (overlaps_guard(block, sb, se) || near_currency(block.text, sb, se)) continue;
      if (date_like(std::string_view(block.text).substr(sb, se - sb))) continue;
      const auto before = words_before(block.text, sb, 24);
      if (timestamp_like(block.text, sb, se, before, months, lang)) continue;
      if (!before.empty() && (any_in({before.back()}, blockers, lang) ||
                              (before.size() >= 2 && any_in({before[before.size() - 2], before.back()}, blockers, lang))))
        continue;
      if (sb > 0 && block.text[sb - 1] == '#') continue;
      const std::string span(block.text.substr(sb, se - sb));
      const std::optional<Matched>* found = nullptr;
      for (const auto& region : opt.regions)
        if (const auto& m = match_span(span, region, PhoneNumberMatcher::VALID)) {
          found = &m;
          break;
        }
      // Template numbers (555-01xx) are not valid ones; a second, lenient pass finds them only
      // to report them as placeholders.
      if (!found && !opt.regions.empty() && may_hold_placeholder(span))
        if (const auto& m = match_span(span, opt.regions.front(), PhoneNumberMatcher::POSSIBLE); m && placeholder_number(m->number.e164))
          found = &m;
      if (!found) continue;
      const Matched& match = **found;
      const std::string& raw = match.raw;
      const size_t b = sb + match.start, e = b + match.length;
      // A bare run of digits is a phone only with support: a label, the chrome, the contact page.
      const auto near = words_before(block.text, b, 40);
      const bool labelled = any_in(near, labels, lang);
      const bool grouped = raw.find_first_of(" -.()/") != std::string::npos || raw.front() == '+';
      if (!labelled && !model::is_chrome(block.region) && !opt.contact_page && !grouped) continue;
      model::PhoneHit h;
      h.value = raw;
      h.e164 = match.number.e164;
      h.line_type = match.number.line_type;
      h.placeholder = placeholder_number(h.e164);
      h.in_chrome = model::is_chrome(block.region);
      // The label right before the number decides: "Fax:", "WhatsApp:" ("Telefax" is a phone).
      const std::string label = last_label(words_before(block.text, b, 28), labels, lang);
      h.labelled = !label.empty() && !whatsapp.matches(label, lang);
      if (!label.empty() && fax.matches(label, lang) && label != "telefax") h.kind = "fax";
      if (!label.empty() && whatsapp.matches(label, lang)) h.kind = "whatsapp";
      h.where = model::Evidence{page.url, block.selector, snippet_around(block.text, b, e), block.region, block.zone};
      c.add(std::move(h));
    }
  }

  // Structured data: the number exists; whether it is shown is up to the text.
  for (const auto& t : sd.telephones) {
    if (const auto& n = parse_number(t, opt.regions)) {
      model::PhoneHit h;
      h.value = t;
      h.e164 = n->e164;
      h.line_type = n->line_type;
      h.visible = false;
      h.placeholder = placeholder_number(h.e164);
      h.where = model::Evidence{page.url, "script[type=\"application/ld+json\"]", t, model::Region::main, model::Zone::structured_data};
      c.add(std::move(h));
    }
  }
  return c.hits;
}

}  // namespace amable::site
