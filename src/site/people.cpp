#include "site/people.hpp"

#include <algorithm>

#include "site/person_names.hpp"
#include "site/regions.hpp"
#include "site/snippet.hpp"
#include "text/fold.hpp"
#include "text/lexicon.hpp"
#include "text/tokens.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

// People are the shop's contacts only where the shop speaks: not in reviews, credits, other
// companies' boilerplate, demo pages, forms or cookie dialogs.
constexpr model::ZoneSet k_people_zones = model::zone_bit(model::Zone::main) | model::zone_bit(model::Zone::chrome);

struct Lexicons {
  const text::PhraseSet& phrases;
  const text::PhraseSet& introductions;
  const text::PhraseSet& roles;
  const text::PhraseSet& closings;
  const text::PhraseSet& team_signoff;
  const text::PhraseSet& post_nominals;
  std::string_view lang;
};

bool has_channel(std::string_view text) {
  if (text.find('@') != std::string_view::npos) return true;
  size_t digits = 0;
  for (char c : text)
    if (util::is_ascii_digit(c)) ++digits;
  return digits >= 7;
}

// Punctuation that may sit between a name and its role on a card or a line: "Tarun Singh |
// Director", "Chuck & Sandie Klassen, Owners", "Director: Ana". A full stop ends the sentence.
bool joins(std::string_view between) {
  return std::all_of(between.begin(), between.end(), [](char c) {
    return c == ' ' || c == ',' || c == '|' || c == '-' || c == ':' || c == '(' || c == ')' || c == '/' || c == '\n' ||
           c == '&' || static_cast<unsigned char>(c) >= 0x80;  // dashes and bullets
  });
}

bool filler(std::string_view w) {
  return w == "the" || w == "our" || w == "el" || w == "la" || w == "nuestro" || w == "nuestra" || w == "is" || w == "es" ||
         w == "y" || w == "and" || w == "de";
}

// A role right after the name ("Nicholas, the owner") or right before it ("Managing Director
// Mr. Umesh Aggarwal", "Director: Ana García"), in the same sentence.
std::string role_next_to(const text::Tokens& t, const NameSpan& n, const Lexicons& lx) {
  for (const auto& m : lx.roles.find_all(t, lx.lang)) {
    const size_t end = m.first + m.count;  // one past the role
    bool adjacent = false;
    if (m.first > n.last && m.first - n.last <= 3) {
      adjacent = joins(gap(t, n.last, n.first == n.last && m.first == n.last + 1 ? m.first : n.last + 1));
      for (size_t k = n.last + 1; k < m.first && adjacent; ++k) adjacent = filler(t.folded(k)) && joins(gap(t, k - 1, k));
      if (adjacent) adjacent = joins(gap(t, m.first - 1, m.first));
    } else if (end <= n.first && n.first - end <= 2) {
      adjacent = true;
      for (size_t k = end; k < n.first && adjacent; ++k) adjacent = is_honorific(t.folded(k));
      for (size_t k = end; k <= n.first && adjacent; ++k) {
        const std::string_view between = gap(t, k - 1, k);
        adjacent = joins(between) || (k == n.first && is_honorific(t.folded(k - 1)));
      }
    }
    if (adjacent) return std::string(t.source().substr(t.begin(m.first), t.end(end - 1) - t.begin(m.first)));
  }
  return {};
}

// The role a short block holds at its start: "Owner & Director", "Responsable técnico".
std::string role_block(const model::TextBlock* b, const Lexicons& lx) {
  if (!b || !b->visible()) return {};
  const text::Tokens t(b->text);
  if (t.empty() || t.size() > 10) return {};
  size_t at = 0;
  if (filler(t.folded(0))) at = 1;
  if (at >= t.size()) return {};
  const auto m = lx.roles.match_at(t, at, lx.lang);
  if (!m) return {};
  return std::string(b->text.substr(t.begin(m->first), t.end(m->first + m->count - 1) - t.begin(m->first)));
}

// A contact phrase ending right before the name: "Pregunta por Ana", "Contact person: Tom Melby".
// "Meet" introduces products as often as people ("Meet Stella, our best-selling bag"): it needs a
// full name.
bool phrased(const text::Tokens& t, const NameSpan& n, const Lexicons& lx) {
  const size_t start = n.titled ? n.first - 1 : n.first;
  for (const auto& m : lx.phrases.find_all(t, lx.lang)) {
    const size_t end = m.first + m.count;
    if (m.count == 1 && t.folded(m.first) == "meet" && !n.surname() && !n.titled) continue;
    // Only spaces or a colon: "Email & Web" is two channels, not "Email" and a Web.
    auto plain = [](std::string_view g) { return g == " " || g == ": " || g == ":" || g == " : "; };
    if (end == start && plain(gap(t, end - 1, start))) return true;
    if (end + 1 == start && (t.folded(end) == "a" || t.folded(end) == "to") && plain(gap(t, end, start))) return true;
  }
  return false;
}

// "Hi, I'm Christy", "Soy July, la creadora", "Mi nombre es Laura Llorens".
std::optional<NameSpan> introduced(const text::Tokens& t, const Lexicons& lx) {
  const bool headline = title_case(t);
  for (const auto& m : lx.introductions.find_all(t, lx.lang)) {
    const size_t at = m.first + m.count;
    if (at >= t.size()) continue;
    const std::string_view between = gap(t, at - 1, at);
    if (between != " " && between != ", ") continue;
    if (auto n = introduced_name(t, at, lx.lang, headline)) return n;
  }
  return std::nullopt;
}

// "Jonathan C. Primack, B.A. - LMT": degree or licence letters after the name.
bool credentials_after(const text::Tokens& t, const NameSpan& n, const Lexicons& lx) {
  std::string_view rest = t.source().substr(t.end(n.last));
  size_t i = 0;
  while (i < rest.size() && (rest[i] == ',' || rest[i] == ' ')) ++i;
  if (i == 0 || i >= rest.size()) return false;
  std::string letters;
  for (; i < rest.size() && letters.size() < 6 && (util::is_ascii_alpha(rest[i]) || rest[i] == '.'); ++i)
    if (rest[i] != '.') letters.push_back(util::ascii_lower(rest[i]));
  if (letters.empty() || (i < rest.size() && util::is_ascii_alpha(rest[i]))) return false;
  if (util::count_chars(std::string_view(t.original(n.last))) == 1) return false;  // "Ana C." is an initial
  return lx.post_nominals.matches(letters, "any") && letters.size() >= 2;
}

// A closing right before the name in this block ("Hasta pronto.! Roberto Rodriguez Pardal"), or
// the previous block ending with one ("Kind regards," / "Ana García").
bool signed_after_closing(const text::Tokens& t, const NameSpan& n, const model::TextBlock* prev, const Lexicons& lx) {
  for (const auto& m : lx.closings.find_all(t, lx.lang))
    if (m.first + m.count <= n.first && n.first - (m.first + m.count) <= 2) return true;
  if (prev && n.first == 0) {
    const text::Tokens pt(prev->text);
    const auto c = lx.closings.find_all(pt, lx.lang);
    return !c.empty() && c.back().first + c.back().count + 2 >= pt.size();
  }
  return false;
}

bool is_dash(std::string_view s) {
  return s == "\xE2\x80\x94" || s == "\xE2\x80\x93" || s == "-" || s == "~" || s == "--";
}

// "— Ana" on a line of its own closing a note; "Tom, Sue and the team".
bool signature_line(const text::Tokens& t, const NameSpan& n, const Lexicons& lx) {
  if (n.last + 1 == t.size()) {
    // The dash starts the last line: "…the next day.\n— Ana" or a block "— Ana".
    const std::string_view before = n.first > 0 ? gap(t, n.first - 1, n.first) : t.source().substr(0, t.begin(0));
    const size_t line = before.rfind('\n');
    const bool line_start = n.first == 0 || line != std::string_view::npos;
    if (line_start && is_dash(util::trim(line == std::string_view::npos ? before : before.substr(line + 1)))) return true;
  }
  for (size_t k = n.last + 1; k < t.size() && k <= n.last + 4; ++k)
    if (auto m = lx.team_signoff.match_at(t, k, lx.lang); m && m->first + m->count == t.size()) {
      bool names_only = true;
      for (size_t j = n.last + 1; j < k; ++j) names_only = names_only && is_given_name(t.original(j));
      return names_only;
    }
  return false;
}

// "Written by Ana", "Photo by Ana", "por Ana García": a byline, not a contact.
bool byline(const text::Tokens& t, const NameSpan& n) {
  const size_t start = n.titled ? n.first - 1 : n.first;
  if (start == 0) return false;
  const std::string_view w = t.folded(start - 1);
  return w == "by" || w == "por" || w == "autor" || w == "author" || w == "from";
}

struct Context {
  const model::TextBlock& block;
  const model::TextBlock* prev;
  const model::TextBlock* next;
  const std::vector<std::string>& brand;  // folded words of the shop's name
};

// In a long block (an article, a history), a name with a role counts only at the start of a
// line: "Chuck & Sandie Klassen, Owners\nHusband & wife team…" is a caption; "…said
// fourth-generation owner Aaron Lions, who…" is a story about the shop, not a contact.
bool caption_position(const text::Tokens& t, size_t first) {
  if (t.size() <= 30) return true;
  size_t line_first = 0;
  for (size_t k = first; k > 0; --k)
    if (gap(t, k - 1, k).find('\n') != std::string_view::npos) {
      line_first = k;
      break;
    }
  return first - line_first <= 3;
}

// "Crystal Flow" in "call Crystal Flow" is the shop, not a person: every word of it is a word
// of the shop's name.
bool brand_name(const text::Tokens& t, const NameSpan& n, const std::vector<std::string>& brand) {
  if (brand.empty()) return false;
  for (size_t k = n.first; k <= n.last; ++k)
    if (std::find(brand.begin(), brand.end(), t.folded(k)) == brand.end()) return false;
  return true;
}

// Why the name at `n` is a contact ("phrase", "role", "team", "introduction", "signature",
// "credentials"), with its role; "" when it is only a name.
std::pair<std::string, std::string> why_contact(const text::Tokens& t, const NameSpan& n, const Context& c, const Lexicons& lx) {
  if (brand_name(t, n, c.brand)) return {};
  const bool trusted = n.titled || n.surname() || n.couple;
  if (c.block.zone == model::Zone::user_content) {
    // Themes reuse testimonial sliders for team cards: a name block with a role block after it.
    if (!trusted || t.size() > n.last - n.first + 2) return {};
    if (std::string role = role_block(c.next, lx); !role.empty()) return {"team", role};
    return {};
  }
  if (phrased(t, n, lx)) return {"phrase", role_next_to(t, n, lx)};
  if (byline(t, n)) return {};  // "Photo by Ana", but "Pregunta por Ana" is a phrase
  if (std::string role = role_next_to(t, n, lx); !role.empty() && caption_position(t, n.first)) return {"role", role};
  // A team card: the name alone in its block, the role in the next (or the one before).
  const size_t title = n.titled ? 1 : 0;
  if (trusted && t.size() <= n.last - n.first + 1 + title + 1) {
    if (std::string role = role_block(c.next, lx); !role.empty()) return {"team", role};
    if (std::string role = role_block(c.prev, lx); !role.empty()) return {"team", role};
  }
  if (trusted && credentials_after(t, n, lx)) return {"credentials", ""};
  if (signed_after_closing(t, n, c.prev, lx) && (trusted || n.last + 1 == t.size())) return {"signature", ""};
  if (signature_line(t, n, lx)) return {"signature", ""};
  return {};
}

}  // namespace

std::vector<model::PersonHit> find_people(const model::Page& page, std::string_view lang,
                                          const std::vector<model::EmailHit>& emails, const model::StructuredFacts& sd,
                                          const std::vector<std::string>& brand) {
  std::vector<model::PersonHit> out;
  const auto& lex = text::lexicon("named-contact");
  const Lexicons lx{lex.phrases("phrases", lang),      lex.phrases("introductions", lang), lex.phrases("roles", lang),
                    lex.phrases("closings", lang),     lex.phrases("team-signoff", lang),
                    text::lexicon("honorifics").phrases("post-nominals", "any"), lang};
  auto add = [&](model::PersonHit h) {
    if (std::none_of(out.begin(), out.end(), [&](const auto& x) { return x.name == h.name; })) out.push_back(std::move(h));
  };

  const model::TextBlock* prev = nullptr;
  for (size_t bi = 0; bi < page.blocks.size(); ++bi) {
    const auto& b = page.blocks[bi];
    const model::TextBlock* next = bi + 1 < page.blocks.size() ? &page.blocks[bi + 1] : nullptr;
    // Team cards may sit in a testimonial slider (see why_contact).
    const bool card = b.zone == model::Zone::user_content && util::count_chars(b.text) <= 40 && next &&
                      util::count_chars(next->text) <= 60;
    if (!b.visible() || !(speaks(b, k_people_zones) || card) || b.has(model::k_block_control) || b.has(model::k_block_link)) {
      prev = nullptr;
      continue;
    }
    const text::TokensOf tokens_of_b(b.text);
    const text::Tokens& t = *tokens_of_b;
    auto hit = [&](const NameSpan& n, std::string how, std::string role) {
      model::PersonHit h;
      h.name = name_text(t, n);
      h.role = std::move(role);
      h.how = std::move(how);
      h.with_channel = has_channel(b.text);
      h.where = model::Evidence{page.url, b.selector, snippet_around(b.text, t.begin(n.first), t.end(n.last)), b.region, b.zone};
      add(std::move(h));
    };
    if (auto n = introduced(t, lx); n && b.zone != model::Zone::user_content) hit(*n, "introduction", role_next_to(t, *n, lx));
    for (const auto& n : names_in(t, lang)) {
      auto [how, role] = why_contact(t, n, Context{b, prev, next, brand}, lx);
      if (!how.empty()) hit(n, std::move(how), std::move(role));
    }
    prev = &b;
  }

  // A personal mailbox: ana@, ana.garcia@, sarah@ (not info@ or a shop name).
  for (const auto& e : emails) {
    if (!e.visible || !model::in(k_people_zones, e.where.zone)) continue;
    const std::string& address = e.value;
    const std::string local = address.substr(0, address.find('@'));
    const auto parts = util::split_any(local, "._-");
    if (parts.empty() || !is_given_name(parts.front()) || parts.size() > 3) continue;
    std::string name(parts.front());
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    // Already named in the text ("Lucía Martín" and lucia.martin@): one person, not two.
    const std::string given = text::fold(name);
    if (std::any_of(out.begin(), out.end(), [&](const auto& x) { return text::fold(x.name).starts_with(given); })) continue;
    model::PersonHit h;
    h.name = name;
    h.how = "mailbox";
    h.with_channel = true;
    h.where = e.where;
    add(std::move(h));
  }
  for (const auto& p : sd.people)
    if (!p.empty())
      add(model::PersonHit{p, "", "structured-data", true,
                           model::Evidence{page.url, "script[type=\"application/ld+json\"]", p, model::Region::main, model::Zone::structured_data}});
  return out;
}

}  // namespace amable::site
