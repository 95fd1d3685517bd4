#pragma once
// Joins pages into a Site: link graph, click depth from the start page, template links, page
// classes (own signals plus the text of links pointing at each page), key pages, language.
#include <optional>
#include <unordered_map>
#include <string>

#include "model/site.hpp"

namespace amable::site {

class SiteBuilder {
 public:
  SiteBuilder(std::string target, std::string kind);
  // A page that was read or failed. `facts` is set when it was parsed as HTML.
  void add(model::PageRecord record, std::optional<model::PageFacts> facts);
  void set_fetch_info(model::FetchInfo info);
  // `from` redirected to the page read as `to`.
  void add_alias(const std::string& from, const std::string& to);
  model::Site finish();
  size_t page_count() const { return m_site.pages.size(); }

 private:
  std::unordered_map<uint32_t, size_t> page_ids();
  void compute_depths();
  void compute_template_links();
  void compute_classes();
  void choose_key_pages();
  void choose_language();
  model::Site m_site;
};

// Convenience for tests and single pages: builds a Site from (key, html) pairs; the first is
// the start page. Links are resolved as in a folder audit.
model::Site build_site_from_html(const std::vector<std::pair<std::string, std::string>>& pages,
                                 const std::string& forced_lang = {});

}  // namespace amable::site
