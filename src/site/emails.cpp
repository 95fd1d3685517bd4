#include "site/emails.hpp"

#include <libpsl.h>

#include <algorithm>
#include <unordered_set>

#include "site/regions.hpp"
#include "site/snippet.hpp"
#include "text/fold.hpp"
#include "text/lexicon.hpp"
#include "util/string_hash.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

using StringSet = std::unordered_set<std::string, util::StringHash, std::equal_to<>>;

// A top-level domain of the Public Suffix List's ICANN section (libpsl's built-in copy): every
// real TLD (.es, .press, .shop), none of the file names a scan for user@host.tld meets
// (logo@2x.png), except file extensions that are also TLDs (.zip, .mov), refused by name.
bool is_tld(const std::string& tld) {
  static constexpr std::string_view k_files[] = {"zip", "mov", "mp4", "png", "jpg", "gif", "webp", "svg", "css", "js"};
  if (std::find(std::begin(k_files), std::end(k_files), tld) != std::end(k_files)) return false;
  return psl_is_public_suffix2(psl_builtin(), tld.c_str(), PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) != 0;
}

bool is_local_char(char c) {
  return util::is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_domain_char(char c) { return util::is_ascii_alnum(c) || c == '.' || c == '-'; }

std::string local_part(std::string_view address) { return std::string(address.substr(0, address.find('@'))); }
std::string domain_part(std::string_view address) {
  const auto at = address.find('@');
  return at == std::string_view::npos ? std::string() : std::string(address.substr(at + 1));
}

// "ventas.madrid" -> "ventasmadrid": the form role lists are written in.
std::string squeeze_local(std::string_view local) {
  std::string out;
  for (char c : text::fold(local))
    if (c != '.' && c != '_' && c != '-') out.push_back(c);
  return out;
}

bool in_lines(std::string_view lexicon_name, std::string_view section, std::string_view lang,
              std::string_view value) {
  for (const auto& l : text::lexicon(lexicon_name).lines(section, lang))
    if (l == value) return true;
  return false;
}

bool ignored_domain(std::string_view domain) {
  for (const auto& d : text::lexicon("contact-email").lines("ignore-domains", "any"))
    if (domain == d || domain.ends_with("." + d)) return true;
  return false;
}

// Obfuscation markers and their replacement.
struct Marker {
  std::string_view text;
  char replacement;
};
constexpr Marker k_bracket_markers[] = {
    {"[at]", '@'},       {"(at)", '@'},     {"{at}", '@'},     {"[@]", '@'},       {"(@)", '@'},
    {"(arroba)", '@'},   {"[arroba]", '@'}, {"{arroba}", '@'}, {"[dot]", '.'},     {"(dot)", '.'},
    {"{dot}", '.'},      {"(punto)", '.'},  {"[punto]", '.'},  {"{punto}", '.'},   {" arroba ", '@'}};
constexpr Marker k_word_markers[] = {{" at ", '@'}, {" dot ", '.'}, {" punto ", '.'}};

// The text with obfuscation markers replaced, or "" when it has none.
std::string deobfuscate(std::string_view text) {
  const std::string lower = util::to_lower_ascii(text);
  bool bracket = false, word_dot = false;
  for (const auto& m : k_bracket_markers)
    if (lower.find(m.text) != std::string::npos) bracket = true;
  word_dot = lower.find(" dot ") != std::string::npos || lower.find(" punto ") != std::string::npos;
  if (!bracket && !word_dot) return {};
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    bool replaced = false;
    auto try_markers = [&](const auto& markers) {
      for (const auto& m : markers) {
        if (lower.compare(i, m.text.size(), m.text) == 0) {
          while (!out.empty() && out.back() == ' ') out.pop_back();
          out.push_back(m.replacement);
          i += m.text.size();
          while (i < text.size() && text[i] == ' ') ++i;
          replaced = true;
          return;
        }
      }
    };
    try_markers(k_bracket_markers);
    // " at " is only read as '@' when the domain is obfuscated too ("info at shop dot com").
    if (!replaced && word_dot) try_markers(k_word_markers);
    if (!replaced) out.push_back(text[i++]);
  }
  return out;
}

// An address in a review, a credit line ("Web design by studio@agency.com"), another company's
// boilerplate or a demo page is not the shop's.
constexpr model::ZoneSet k_email_zones = model::k_shop_zones | model::zone_bit(model::Zone::form);

struct Collector {
  std::vector<model::EmailHit> hits;

  void add(std::string value, std::string source, bool visible, const model::Evidence& where) {
    auto it = std::find_if(hits.begin(), hits.end(), [&](const auto& h) { return h.value == value; });
    const bool chrome = visible && model::is_chrome(where.region);
    if (it == hits.end()) {
      model::EmailHit h;
      h.value = std::move(value);
      h.source = std::move(source);
      h.visible = visible;
      h.in_chrome = chrome;
      h.where = where;
      hits.push_back(std::move(h));
      return;
    }
    if (visible && !it->visible) {  // a visible sighting is the better evidence
      it->visible = true;
      it->source = std::move(source);
      it->where = where;
    }
    it->in_chrome = it->in_chrome || chrome;
  }
};

}  // namespace

std::optional<std::string> validate_email(std::string_view candidate) {
  const auto at = candidate.find('@');
  if (at == std::string_view::npos || at == 0 || at != candidate.rfind('@')) return std::nullopt;
  const auto local = candidate.substr(0, at);
  const auto domain = candidate.substr(at + 1);
  if (local.size() > 64 || domain.size() > 253 || domain.size() < 4) return std::nullopt;
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
    return std::nullopt;
  for (char c : local)
    if (!is_local_char(c)) return std::nullopt;
  const auto labels = util::split(domain, '.');
  if (labels.size() < 2) return std::nullopt;
  for (auto l : labels) {
    if (l.empty() || l.size() > 63 || l.front() == '-' || l.back() == '-') return std::nullopt;
    for (char c : l)
      if (!util::is_ascii_alnum(c) && c != '-') return std::nullopt;
  }
  const std::string tld = util::to_lower_ascii(labels.back());
  if (!is_tld(tld)) return std::nullopt;
  std::string out(local);
  out += '@';
  out += util::to_lower_ascii(domain);
  if (ignored_domain(domain_part(out))) return std::nullopt;
  return out;
}

std::vector<EmailMatch> scan_emails(std::string_view text) {
  std::vector<EmailMatch> out;
  for (size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    // Allow one space on each side of '@' ("info @ shop.es").
    size_t l = at;
    if (l > 0 && text[l - 1] == ' ') --l;
    size_t b = l;
    while (b > 0 && is_local_char(text[b - 1])) --b;
    size_t r = at + 1;
    if (r < text.size() && text[r] == ' ') ++r;
    size_t e = r;
    while (e < text.size() && is_domain_char(text[e])) ++e;
    while (e > r && (text[e - 1] == '.' || text[e - 1] == '-')) --e;
    while (b < l && (text[b] == '.' || text[b] == '-')) ++b;
    if (b == l || e == r) continue;
    std::string candidate(text.substr(b, l - b));
    candidate += '@';
    candidate += text.substr(r, e - r);
    if (auto v = validate_email(candidate)) out.push_back({*v, b, e});
  }
  return out;
}

std::optional<std::string> decode_cfemail(std::string_view hex) {
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    c = util::ascii_lower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  if (hex.size() < 4 || hex.size() % 2 != 0) return std::nullopt;
  auto byte_at = [&](size_t i) -> int {
    const int h = nibble(hex[i]), l = nibble(hex[i + 1]);
    return (h < 0 || l < 0) ? -1 : h * 16 + l;
  };
  const int key = byte_at(0);
  if (key < 0) return std::nullopt;
  std::string out;
  for (size_t i = 2; i < hex.size(); i += 2) {
    const int b = byte_at(i);
    if (b < 0) return std::nullopt;
    out.push_back(static_cast<char>(b ^ key));
  }
  return validate_email(out);
}

bool is_role_mailbox(std::string_view address) {
  const std::string local = squeeze_local(local_part(address));
  for (const char* lang : {"en", "es"})
    if (in_lines("contact-email", "role-mailboxes", lang, local)) return true;
  return is_noreply(address);
}

bool is_noreply(std::string_view address) {
  const std::string local = squeeze_local(local_part(address));
  return local.starts_with("noreply") || local.starts_with("donotreply") ||
         local.starts_with("noresponder");
}

bool is_placeholder_email(std::string_view address) {
  const std::string local = text::fold(local_part(address));
  const std::string domain = domain_part(address);
  const auto& lex = text::lexicon("contact-email");
  for (const auto& d : lex.lines("placeholder-domains", "any")) {
    if (domain == d || domain.ends_with("." + d)) return true;
    if (d.find('.') == std::string::npos)
      for (auto label : util::split(domain, '.'))
        if (label == d) return true;
  }
  for (const auto& l : lex.lines("placeholder-locals", "any"))
    if (local == l) return true;
  return false;
}

std::vector<model::EmailHit> find_emails(const model::Page& page, std::string_view /*lang*/,
                                         const model::StructuredFacts& sd) {
  Collector c;
  auto evidence = [&](const std::string& selector, model::Region region, std::string snippet,
                      model::Zone zone = model::Zone::main) {
    return model::Evidence{page.url, selector, std::move(snippet), region, zone};
  };

  // Visible text, plain and obfuscated.
  for (const auto& block : page.blocks) {
    if (!block.visible() || !speaks(block, k_email_zones)) continue;
    if (block.text.find('@') == std::string::npos && block.text.find('(') == std::string::npos &&
        block.text.find('[') == std::string::npos && block.text.find('{') == std::string::npos &&
        block.text.find(" dot ") == std::string::npos && block.text.find(" punto ") == std::string::npos &&
        block.text.find(" arroba ") == std::string::npos)
      continue;
    for (const auto& m : scan_emails(block.text)) {
      c.add(m.value, "text", true, evidence(block.selector, block.region, snippet_around(block.text, m.begin, m.end), block.zone));
    }
    const std::string plain = deobfuscate(block.text);
    if (!plain.empty())
      for (const auto& m : scan_emails(plain))
        c.add(m.value, "obfuscated", true, evidence(block.selector, block.region, snippet_of(block.text), block.zone));
  }

  // Cloudflare Email Obfuscation: the address is real and visible once the page's script runs.
  for (const auto& e : page.elements)
    if (auto hex = e.attr("data-cfemail"); !hex.empty())
      if (auto v = decode_cfemail(hex)) c.add(*v, "cloudflare", true, evidence(e.selector, e.region, *v, model::markup_zone(0, e.region)));

  for (const auto& l : page.links) {
    if (l.hidden || !model::in(k_email_zones, l.zone)) continue;
    if (const auto p = l.href.find("/cdn-cgi/l/email-protection#"); p != std::string::npos) {
      if (auto v = decode_cfemail(l.href.substr(p + 28)))
        c.add(*v, "cloudflare", true, evidence(l.selector, l.region, *v, l.zone));
      continue;
    }
    if (!util::istarts_with(l.href, "mailto:")) continue;
    std::string_view rest = std::string_view(l.href).substr(7);
    rest = rest.substr(0, rest.find('?'));
    for (auto part : util::split(rest, ',')) {
      const std::string decoded(util::trim(util::percent_decode(part)));
      auto v = validate_email(decoded);
      if (!v) continue;
      // The address counts as seen only when the link shows it.
      const bool shown = util::icontains(l.text, *v);
      c.add(*v, "mailto", shown, evidence(l.selector, l.region, l.text.empty() ? l.href : snippet_of(l.text), l.zone));
    }
  }

  // Structured data: the address exists, but is not necessarily shown.
  for (const auto& e : sd.emails)
    if (auto v = validate_email(e)) c.add(*v, "structured-data", false, evidence("script[type=\"application/ld+json\"]", model::Region::main, *v, model::Zone::structured_data));

  return c.hits;
}

}  // namespace amable::site
