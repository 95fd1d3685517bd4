#pragma once
// sitemap.xml and sitemap indexes (sitemaps.org), plain or gzip, and plain-text sitemaps.
// Parsed with expat as a stream; gzip is inflated with zlib under a size cap, so a small file
// that unpacks to gigabytes stops at the cap.
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace amable::fetch {

struct Sitemap {
  bool index = false;                 // <sitemapindex>: `urls` are more sitemaps
  std::vector<std::string> urls;      // <loc> values, trimmed
  bool truncated = false;             // more than the cap of URLs, or of unpacked bytes
};

// `body` may be gzip (it is detected by its magic bytes). At most `max_urls` are kept.
std::expected<Sitemap, std::string> parse_sitemap(std::string_view body, size_t max_urls = 50000,
                                                  size_t max_unpacked = 50u << 20);

// Inflates gzip data; stops with `truncated` at `max_out` bytes.
std::expected<std::string, std::string> gunzip(std::string_view data, size_t max_out, bool& truncated);

bool is_gzip(std::string_view data);

}  // namespace amable::fetch
