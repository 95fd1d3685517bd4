#include "site/owner.hpp"

#include "site/person_names.hpp"
#include "site/snippet.hpp"
#include "text/lexicon.hpp"
#include "text/tokens.hpp"

namespace amable::site {

std::vector<model::PersonHit> heading_subjects(const model::Page& page, std::string_view lang) {
  std::vector<model::PersonHit> out;
  const auto& lead = text::lexicon("named-contact").phrases("subject-headings", lang);
  for (const auto& b : page.blocks) {
    if (b.heading_level > 3 || b.zone != model::Zone::main) continue;
    // A heading, or the short first line of a block (old sites make headings with <b> and <br>).
    std::string_view line = b.text;
    if (!b.heading_level) {
      const size_t nl = line.find('\n');
      if (nl == std::string_view::npos) continue;
      line = line.substr(0, nl);
    }
    // "Bruce's History": the possessive is cut so that the given name is seen; where the cut
    // was marks the name as possessive.
    std::string text(line);
    size_t cut = std::string::npos;
    for (std::string_view s : {"'s ", "\xE2\x80\x99s "})
      if (const size_t p = text.find(s); p != std::string::npos && cut == std::string::npos) {
        text.replace(p, s.size() - 1, ",");  // a comma ends the name there
        cut = p;
      }
    const text::Tokens t(text);
    if (t.size() > 6) continue;
    for (const auto& n : names_in(t, lang)) {
      if (!n.known) continue;
      const bool possessive = cut != std::string::npos && t.end(n.last) == cut;
      const auto m = n.first > 0 ? lead.match_at(t, 0, lang) : std::nullopt;
      const bool led = m && m->first + m->count == n.first;
      if (!possessive && !led) continue;
      model::PersonHit h;
      h.name = name_text(t, n);
      h.how = "owner";
      h.where = model::Evidence{page.url, b.selector, snippet_of(b.text), b.region, b.zone};
      out.push_back(std::move(h));
    }
  }
  return out;
}

std::optional<model::Evidence> first_person_contact(const model::Page& page, std::string_view lang) {
  const auto& lex = text::lexicon("named-contact");
  const auto& singular = lex.phrases("first-person", lang);
  const auto& plural = lex.phrases("first-person-plural", lang);
  size_t i_count = 0, we_count = 0;
  const model::TextBlock* best = nullptr;
  for (const auto& b : page.blocks) {
    if (!b.visible() || b.zone != model::Zone::main || b.heading_level) continue;
    const text::TokensOf tokens_of_b(b.text);
    const size_t i = singular.find_all(*tokens_of_b, lang).size();
    we_count += plural.find_all(*tokens_of_b, lang).size();
    i_count += i;
    if (i >= 2 && !best) best = &b;
  }
  if (!best || i_count <= we_count) return std::nullopt;
  return model::Evidence{page.url, best->selector, snippet_of(best->text), best->region, best->zone};
}

}  // namespace amable::site
