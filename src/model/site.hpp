#pragma once
// Site: every page read, the link graph between them, and the facts rules share. Built by
// site::SiteBuilder; rules only read it.
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/facts.hpp"
#include "model/link_list.hpp"
#include "util/string_hash.hpp"

namespace amable::model {

// What the fetcher learned about the site as a whole.
struct FetchInfo {
  std::string start;  // key of the start page (after redirects); "" = the first page read
  bool checked_http_redirect = false;
  bool http_redirects_to_https = false;
  std::string hsts;  // Strict-Transport-Security of the start page
  bool robots_found = false;
  std::vector<std::string> sitemaps;
  std::vector<Message> notes;  // limits reached, robots.txt decisions... (rules/messages/notes.json)
};

struct PageRecord {
  SharedText url;         // page key
  SharedText final_url;   // after redirects (the same text as url when there were none: one copy)
  int status = 0;
  SharedText content_type;
  uint64_t bytes = 0;
  double fetch_ms = 0;
  int crawl_depth = 0;    // depth at which the crawl found it
  int depth = -1;         // click depth over links from the start page; -1: not linked
  SharedText via;         // start, link, sitemap, folder, redirect, chrome
  SharedText rendered;    // why it was rendered in a browser ("empty-chrome"...); "" when read as HTML
  Message error;          // why it could not be read
  Message note;           // a limit hit while reading it
  bool is_html = false;
  bool parsed = false;
  uint16_t classes = 0;   // own classes plus those from the text of links pointing at it
  PageFacts facts;
  LinkList links;         // runs in Site::link_pool
  size_t index = 0;       // position in Site::pages

  bool ok() const { return parsed && error.empty(); }
};

struct FetchFailure {
  std::string url;
  Message error;
};

struct Site {
  std::string target;  // as given on the command line
  std::string kind;    // "folder", "file", "http"
  std::string start;   // key of the start page
  // A deque: a record is 3 KB, and a vector growing to 10,000 of them would copy them all
  // and hold two copies at once.
  std::deque<PageRecord> pages;
  std::vector<FetchFailure> errors;
  FetchInfo fetch;
  std::string language;  // most pages' language ("" when unknown)
  ShopProfile profile;   // country and jurisdiction (site/shop_profile.hpp)
  bool thin = false;     // the home page and most pages are built by JavaScript
  // Pages whose header or footer scripts fill, read without a browser: what those hold is
  // unknown. `chrome_by_script`: the home page or a quarter of the pages. `render_advice`: the
  // message code that tells how to read them (engine/render_stage.hpp).
  size_t script_chrome_pages = 0;
  bool chrome_by_script = false;
  std::string render_advice;
  // Key pages (PageClass -> index into pages), the best candidate of each class.
  std::vector<std::pair<PageClass, size_t>> key_pages;
  // (target, text) string ids of links present on at least 80 % of the HTML pages.
  std::vector<std::pair<uint32_t, uint32_t>> template_links;
  SiteFacts facts;
  // Runs of links shared by the pages' LinkLists (which point into it: its address is stable).
  std::shared_ptr<LinkPool> link_pool = std::make_shared<LinkPool>();

  // URLs that redirected to a page read under another key: URL -> key.
  std::unordered_map<std::string, std::string, util::StringHash, std::equal_to<>> aliases;

  const PageRecord* find(std::string_view key) const;
  const PageRecord* home() const { return find(start); }
  const PageRecord* key_page(PageClass c) const;
  std::string_view str(uint32_t id) const { return m_strings[id]; }
  size_t html_page_count() const;
  // The id of an interned string, if it is in the pool.
  std::optional<uint32_t> id_of(std::string_view s) const;
  // Interns a string in the pool (used by the builder).
  uint32_t intern(std::string_view s);
  void index_page(size_t i) {
    pages[i].index = i;
    m_index.emplace(pages[i].url, i);
  }
  void reindex();
  size_t index_of(const PageRecord& p) const { return p.index; }
  bool is_template_link(const LinkRef& l) const;

 private:
  std::vector<std::string> m_strings{std::string()};
  std::unordered_map<std::string, uint32_t, util::StringHash, std::equal_to<>> m_string_ids{{std::string(), 0}};
  std::unordered_map<std::string, size_t, util::StringHash, std::equal_to<>> m_index;
};

}  // namespace amable::model
