#pragma once
// The partials include attributes name (parse/includes.hpp), read once per audit through the
// source's ResourceFetcher (a folder's files, or the live shop under the crawl's scope,
// robots.txt and address rules) and shared by every page that includes them: a 500-page shop
// with a header and a footer partial costs two reads. Thread-safe: parse workers ask at once.
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "fetch/source.hpp"
#include "model/messages.hpp"
#include "parse/includes.hpp"

namespace amable::engine {

class Partials {
 public:
  explicit Partials(const fetch::Source& source);

  // The reader for a page whose key is `page_key`; an empty function when the source has no
  // resources to read from.
  parse::PartialReader reader();
  // The browser URL of a page key: what includes resolve against.
  std::string base_of(std::string_view page_key) const;
  void page_inlined(size_t partials);
  // "n pages put together from m partials", when any were.
  std::optional<model::Message> note() const;

 private:
  std::optional<std::string> read(const std::string& url);

  std::unique_ptr<fetch::ResourceFetcher> m_fetcher;
  mutable std::mutex m_mutex;
  std::map<std::string, std::optional<std::string>> m_cache;  // by URL; nothing when unreadable
  size_t m_cached_bytes = 0;
  size_t m_pages = 0;
  std::set<std::string> m_read;  // partials that were read
};

}  // namespace amable::engine
