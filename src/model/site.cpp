#include "model/site.hpp"

#include <algorithm>

namespace amable::model {

std::string_view class_name(PageClass c) {
  switch (c) {
    case k_class_home: return "home";
    case k_class_contact: return "contact";
    case k_class_returns: return "returns";
    case k_class_shipping: return "shipping";
    case k_class_privacy: return "privacy";
    case k_class_legal: return "legal";
    case k_class_faq: return "faq";
    case k_class_about: return "about";
    case k_class_product: return "product";
    case k_class_category: return "category";
    case k_class_cart: return "cart";
  }
  return "other";
}

const StructuredFacts& PageFacts::sd() const {
  static const StructuredFacts none;
  return structured ? *structured : none;
}

std::vector<std::string> class_names(uint16_t classes) {
  std::vector<std::string> out;
  for (uint16_t bit = 1; bit != 0 && bit <= k_class_cart; bit = static_cast<uint16_t>(bit << 1))
    if (classes & bit) out.emplace_back(class_name(static_cast<PageClass>(bit)));
  return out;
}

const PageRecord* Site::find(std::string_view key) const {
  auto it = m_index.find(key);
  if (it == m_index.end())
    if (auto a = aliases.find(key); a != aliases.end()) it = m_index.find(a->second);
  return it == m_index.end() ? nullptr : &pages[it->second];
}

const PageRecord* Site::key_page(PageClass c) const {
  for (const auto& [cls, idx] : key_pages)
    if (cls == c) return &pages[idx];
  return nullptr;
}

size_t Site::html_page_count() const {
  return static_cast<size_t>(std::count_if(pages.begin(), pages.end(), [](const PageRecord& p) { return p.ok(); }));
}

std::optional<uint32_t> Site::id_of(std::string_view s) const {
  auto it = m_string_ids.find(s);
  if (it == m_string_ids.end()) return std::nullopt;
  return it->second;
}

uint32_t Site::intern(std::string_view s) {
  if (auto it = m_string_ids.find(s); it != m_string_ids.end()) return it->second;
  const auto id = static_cast<uint32_t>(m_strings.size());
  m_strings.emplace_back(s);
  m_string_ids.emplace(std::string(s), id);
  return id;
}

void Site::reindex() {
  m_index.clear();
  for (size_t i = 0; i < pages.size(); ++i) index_page(i);
}

bool Site::is_template_link(const LinkRef& l) const {
  return std::find(template_links.begin(), template_links.end(), std::make_pair(l.target, l.text)) !=
         template_links.end();
}

}  // namespace amable::model
