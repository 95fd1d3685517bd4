#pragma once
// What a page loaded in the browser asks for (scripts, partials, data): answered by amable, never
// by the browser's own network (src/render/ intercepts every request). A folder answers from
// its files under a made-up origin; a live shop through libcurl under the crawl's scope,
// robots.txt, limits and headers, and never from a private, link-local or metadata address
// unless the audited host is one itself.
#include <memory>
#include <string>
#include <string_view>

#include "model/messages.hpp"

namespace amable::fetch {

struct Resource {
  int status = 0;              // 0 when refused or failed
  std::string content_type;
  std::string location;        // of a redirect: the browser asks again, and is checked again
  std::string body;
  model::Message refused;      // why it was not fetched (off the site, robots.txt, a private address...)
};

class ResourceFetcher {
 public:
  virtual ~ResourceFetcher() = default;
  // The URL under which the browser loads page `key`.
  virtual std::string browser_url(std::string_view key) const = 0;
  // The page key a browser URL stands for (where a script sends the page); "" when it is not
  // one of the site's pages.
  virtual std::string page_key(std::string_view browser_url) const = 0;
  // A request of a page in the browser. Thread-safe: several tabs ask at once.
  virtual Resource fetch(std::string_view url, std::string_view method) = 0;
};

// A folder's files under http://amable.invalid/ (".invalid" is reserved: no such host exists).
std::unique_ptr<ResourceFetcher> folder_resources(const std::string& root, size_t max_bytes);

// The Content-Type a file's extension implies.
std::string content_type_of_path(std::string_view path);

}  // namespace amable::fetch
