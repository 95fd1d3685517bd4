#include "site/people.hpp"

#include <algorithm>
#include <unordered_set>

#include "site/snippet.hpp"
#include "text/fold.hpp"
#include "text/lexicon.hpp"
#include "text/tokens.hpp"
#include "util/string_hash.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

using NameSet = std::unordered_set<std::string, util::StringHash, std::equal_to<>>;

const NameSet& given_names() {
  static const NameSet names = [] {
    NameSet s;
    for (const auto& n : text::lexicon("given-names").lines("default", "any")) s.insert(text::fold(n));
    return s;
  }();
  return names;
}

bool particle(std::string_view w) { return w == "de" || w == "del" || w == "la" || w == "y" || w == "van" || w == "von"; }

struct Name {
  size_t first, last;  // tokens
};

// Given name (capitalised) plus capitalised surnames: "Ana García", "Roberto Rodriguez Pardal".
std::vector<Name> names_in(const text::Tokens& t) {
  std::vector<Name> out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!t.capitalised(i) || !given_names().contains(t.folded(i))) continue;
    // An all-capitals word is a heading or a brand more often than a name.
    const auto orig = t.original(i);
    if (orig.size() > 1 && std::all_of(orig.begin(), orig.end(), [](char c) { return !util::is_ascii_alpha(c) || (c >= 'A' && c <= 'Z'); }))
      continue;
    size_t j = i;
    while (j + 1 < t.size() && j < i + 4) {
      // Surnames may be given names too (Martín, Ramos, Vicente): any capitalised word goes on.
      if (t.capitalised(j + 1)) {
        ++j;
      } else if (j + 2 < t.size() && particle(t.folded(j + 1)) && t.capitalised(j + 2)) {
        j += 2;
      } else {
        break;
      }
    }
    out.push_back({i, j});
    i = j;
  }
  return out;
}

std::string text_of(const text::Tokens& t, const Name& n) {
  return std::string(t.source().substr(t.begin(n.first), t.end(n.last) - t.begin(n.first)));
}

bool has_channel(std::string_view text) {
  if (text.find('@') != std::string_view::npos) return true;
  size_t digits = 0;
  for (char c : text)
    if (util::is_ascii_digit(c)) ++digits;
  return digits >= 7;
}

// A role word within `reach` tokens of the name.
std::string role_near(const text::Tokens& t, const Name& n, const text::PhraseSet& roles, std::string_view lang, size_t reach) {
  for (const auto& m : roles.find_all(t, lang)) {
    const size_t end = m.first + m.count;
    const bool after = m.first > n.last && m.first - n.last <= reach;
    const bool before = end <= n.first && n.first - end <= reach;
    if (after || before) return std::string(t.source().substr(t.begin(m.first), t.end(end - 1) - t.begin(m.first)));
  }
  return {};
}

}  // namespace

bool is_given_name(std::string_view word) { return given_names().contains(text::fold(word)); }

std::vector<model::PersonHit> find_people(const model::Page& page, std::string_view lang,
                                          const std::vector<model::EmailHit>& emails, const model::StructuredFacts& sd) {
  std::vector<model::PersonHit> out;
  const auto& lex = text::lexicon("named-contact");
  const auto& phrases = lex.phrases("phrases", lang);
  const auto& roles = lex.phrases("roles", lang);
  const auto& closings = lex.phrases("closings", lang);
  auto add = [&](model::PersonHit h) {
    if (std::none_of(out.begin(), out.end(), [&](const auto& x) { return x.name == h.name; })) out.push_back(std::move(h));
  };

  const model::TextBlock* prev = nullptr;
  for (size_t bi = 0; bi < page.blocks.size(); ++bi) {
    const auto& b = page.blocks[bi];
    const model::TextBlock* next = bi + 1 < page.blocks.size() ? &page.blocks[bi + 1] : nullptr;
    // Testimonials are the customer's voice; but themes reuse "testimonial" sliders for team
    // cards, so a short name block followed by a short role block still counts there.
    const bool team_card_shape = b.has(model::k_block_quote) && next && util::count_chars(b.text) <= 40 &&
                                 util::count_chars(next->text) <= 60;
    const bool usable = b.visible() && (!b.has(model::k_block_quote) || team_card_shape) && !b.has(model::k_block_cookie) &&
                        !b.has(model::k_block_control) && !b.has(model::k_block_link);
    if (!usable) {
      prev = nullptr;
      continue;
    }
    const text::TokensOf tokens_of_b(b.text);
    const text::Tokens& t = *tokens_of_b;
    for (const auto& n : names_in(t)) {
      model::PersonHit h;
      h.name = text_of(t, n);
      h.with_channel = has_channel(b.text);
      h.where = model::Evidence{page.url, b.selector, snippet_around(b.text, t.begin(n.first), t.end(n.last)), b.region};
      const bool surname = n.last > n.first;
      // "Pregunta por Ana", "you reach Nicholas": a contact phrase right before the name.
      bool phrased = false;
      for (const auto& m : phrases.find_all(t, lang))
        if (m.first + m.count == n.first || (m.first + m.count + 1 == n.first && t.folded(n.first - 1) == "a")) phrased = true;
      std::string role = role_near(t, n, roles, lang, 8);
      // A team card: the name alone in one block, the role in the next.
      if (role.empty() && surname && t.size() <= n.last - n.first + 3 && next) {
        text::Tokens nt(next->text);
        if (nt.size() <= 10)
          for (const auto& m : roles.find_all(nt, lang)) {
            role = std::string(next->text.substr(nt.begin(m.first), nt.end(m.first + m.count - 1) - nt.begin(m.first)));
            break;
          }
      }
      // A signed letter: "Hasta pronto. Roberto Rodriguez Pardal".
      bool signed_off = false;
      if (surname) {
        for (const auto& m : closings.find_all(t, lang))
          if (m.first + m.count <= n.first && n.first - (m.first + m.count) <= 2) signed_off = true;
        if (!signed_off && prev && n.first == 0) {
          text::Tokens pt(prev->text);
          const auto c = closings.find_all(pt, lang);
          signed_off = !c.empty() && c.back().first + c.back().count + 2 >= pt.size();
        }
      }
      if (b.has(model::k_block_quote) && (phrased || signed_off || role.empty() || !surname)) continue;
      if (phrased) {
        h.how = "phrase";
        h.role = role;
        add(std::move(h));
      } else if (!role.empty() && (surname || h.with_channel)) {
        h.how = "team";
        h.role = role;
        add(std::move(h));
      } else if (signed_off) {
        h.how = "signature";
        add(std::move(h));
      }
    }
    prev = &b;
  }

  // A personal mailbox: ana@, ana.garcia@, sarah@ (not info@ or a shop name).
  for (const auto& e : emails) {
    if (!e.visible) continue;
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
    if (!p.empty()) add(model::PersonHit{p, "", "structured-data", true, model::Evidence{page.url, "script[type=\"application/ld+json\"]", p, model::Region::main}});
  return out;
}

}  // namespace amable::site
