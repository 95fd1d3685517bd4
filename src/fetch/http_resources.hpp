#pragma once
// A live shop's resources for pages in the browser (see fetch/resources.hpp).
#include <memory>
#include <string_view>

#include "fetch/http_source.hpp"
#include "fetch/resources.hpp"

namespace amable::fetch {

// Fetches what pages of the site at `start_url` ask for: GET and HEAD only, within the crawl's
// scope, allowed by robots.txt (unless ignored), with the audit's user agent and (start host
// only) headers, credentials and cookie, at most `options.max_bytes`, redirects handed back to
// the browser to ask again, and never from an address the start host's kind does not allow.
std::unique_ptr<ResourceFetcher> http_resources(std::string_view start_url, const HttpOptions& options);

}  // namespace amable::fetch
