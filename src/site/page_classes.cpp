#include "site/page_classes.hpp"

#include <algorithm>

#include "text/lexicon.hpp"
#include "text/tokens.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

struct ClassSection {
  model::PageClass cls;
  std::string_view label;     // section of link texts and titles
  std::string_view negative;  // phrases that look like it but are not ("contact lenses")
  std::string_view slug;
};

constexpr ClassSection k_sections[] = {
    {model::k_class_contact, "contact", "not-contact", "slug-contact"},
    {model::k_class_returns, "returns", "not-returns", "slug-returns"},
    {model::k_class_privacy, "privacy", "not-privacy", "slug-privacy"},
    {model::k_class_faq, "faq", "", "slug-faq"},
    {model::k_class_shipping, "shipping", "", "slug-shipping"},
    {model::k_class_about, "about", "", "slug-about"},
    {model::k_class_legal, "legal", "", "slug-legal"},
    {model::k_class_cart, "cart", "", "slug-cart"},
    {model::k_class_product, "", "", "slug-product"},
    {model::k_class_category, "", "", "slug-category"},
};

// A phrase names the label when it covers most of it: "Our return policy" yes, "Read about
// how returns work for orders placed in the sale" no.
uint16_t classes_in(const text::Tokens& t, std::string_view lang, bool slug, size_t slack) {
  if (t.empty()) return 0;
  const auto& lex = text::lexicon("key-pages");
  uint16_t out = 0;
  for (const auto& s : k_sections) {
    const std::string_view section = slug ? s.slug : s.label;
    if (section.empty()) continue;
    const auto& set = lex.phrases(section, lang);
    std::optional<text::PhraseMatch> hit;
    for (const auto& m : set.find_all(t, lang))
      if (t.size() <= m.count + slack) hit = m;
    if (!hit) continue;
    if (!s.negative.empty() && !slug) {
      bool negated = false;
      for (const auto& n : lex.phrases(s.negative, lang).find_all(t, lang))
        if (n.first <= hit->first && n.first + n.count >= hit->first + hit->count) negated = true;
      // "Return to shop" is navigation even though "return" is a returns word.
      if (negated || lex.phrases(s.negative, lang).matches_whole(t, lang)) continue;
    }
    out |= s.cls;
  }
  return out;
}

}  // namespace

uint16_t classes_from_label(std::string_view label, std::string_view lang) {
  text::Tokens t(label);
  if (t.size() > 8) return 0;
  return classes_in(t, lang, false, 3);
}

uint16_t classes_from_path(std::string_view key_or_url, std::string_view) {
  // Slugs come from the platform as often as from the shop: a Spanish shop's URL may well say
  // /contact. Every language's slugs apply.
  const std::string_view lang = "*";
  std::string_view path = key_or_url;
  if (const auto scheme = path.find("://"); scheme != std::string_view::npos) {
    const auto slash = path.find('/', scheme + 3);
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
  }
  std::string_view query;
  if (const auto q = path.find('?'); q != std::string_view::npos) {
    query = path.substr(q + 1);
    path = path.substr(0, q);
  }
  uint16_t out = 0;
  auto segments = util::split_any(path, "/");
  // Shopify's /pages/contact and /policies/refund-policy: the last two segments together.
  if (segments.size() >= 2) {
    const std::string pair = std::string(segments[segments.size() - 2]) + " " + std::string(segments.back());
    text::Tokens t(pair);
    out |= classes_in(t, lang, true, 0);
  }
  for (size_t i = 0; i < segments.size(); ++i) {
    std::string_view seg = segments[i];
    if (i + 1 == segments.size())
      if (const auto dot = seg.rfind('.'); dot != std::string_view::npos && dot > 0) seg = seg.substr(0, dot);
    text::Tokens t(seg);
    out |= classes_in(t, lang, true, 2);
  }
  for (auto kv : util::split_any(query, "&")) {
    const auto eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    std::string value = util::percent_decode(kv.substr(eq + 1));
    // OpenCart routes: information/contact
    for (auto part : util::split_any(value, "/")) {
      text::Tokens t(part);
      out |= classes_in(t, lang, true, 1) & ~(model::k_class_product | model::k_class_category);
    }
  }
  return out;
}

uint16_t own_classes(const model::Page& page, std::string_view lang, const model::StructuredFacts& sd) {
  uint16_t out = classes_from_path(page.url, lang);
  // Title segments: "Política de devoluciones | Mi Tienda".
  std::string title = page.title;
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " : ", " \xC2\xB7 ", " \xC2\xBB ", " / "})
    for (size_t p; (p = title.find(sep)) != std::string::npos;) title.replace(p, sep.size(), "\x1F");
  for (auto seg : util::split(title, '\x1F')) out |= classes_from_label(util::trim(seg), lang);
  for (const auto& h : page.headings)
    if (h.level == 1) {
      out |= classes_from_label(h.text, lang);
      break;
    }
  // A page describing one product, by its structured data.
  if (std::find(sd.types.begin(), sd.types.end(), "Product") != sd.types.end()) out |= model::k_class_product;
  // Product/category slugs say little on their own about policy classes; keep them only when
  // nothing more specific was found.
  if (out & ~(model::k_class_product | model::k_class_category))
    out &= static_cast<uint16_t>(~model::k_class_category);
  return out;
}

}  // namespace amable::site
