// A folder's files as the browser's only "network": http://amable.invalid/PATH is ROOT/PATH, and
// nothing outside ROOT can be named (".." and symbolic links out of it are refused).
#include <filesystem>

#include "fetch/local_source.hpp"
#include "fetch/resources.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace amable::fetch {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_origin = "http://amable.invalid/";

class FolderResources final : public ResourceFetcher {
 public:
  FolderResources(fs::path root, size_t max_bytes) : m_root(std::move(root)), m_max_bytes(max_bytes) {}

  std::string browser_url(std::string_view key) const override {
    std::string out(k_origin);
    for (char c : key) {  // keys are relative paths as written on disk
      if (c == ' ') out += "%20";
      else if (c == '#') out += "%23";
      else if (c == '?') out += "%3F";
      else out += c;
    }
    return out;
  }

  std::string page_key(std::string_view browser_url) const override {
    const auto parts = url::parse(browser_url);
    if (!parts || parts->host != "amable.invalid") return {};
    return fs::path(util::percent_decode(parts->path)).relative_path().lexically_normal().generic_string();
  }

  Resource fetch(std::string_view url, std::string_view method) override {
    Resource r;
    const auto parts = url::parse(url);
    if (!parts || parts->host != "amable.invalid") {
      r.refused = {"error/render-off-site", {{"url", std::string(url)}}};
      return r;
    }
    if (method != "GET" && method != "HEAD") {
      r.refused = {"error/render-method", {{"method", std::string(method)}}};
      return r;
    }
    const fs::path relative = fs::path(util::percent_decode(parts->path)).relative_path().lexically_normal();
    std::error_code ec;
    fs::path file = fs::weakly_canonical(m_root / relative, ec);
    if (!ec && fs::is_directory(file, ec)) file /= "index.html";
    const auto inside = [&](const fs::path& p) {
      const auto rel = p.lexically_relative(m_root);
      return !rel.empty() && *rel.begin() != "..";
    };
    if (ec || !inside(file) || !fs::is_regular_file(file, ec)) {
      r.status = 404;
      r.content_type = "text/plain";
      return r;
    }
    bool truncated = false;
    uint64_t size = 0;
    auto body = read_file_capped(file, m_max_bytes, truncated, size);
    if (!body) {
      r.status = 500;
      return r;
    }
    r.status = 200;
    r.content_type = content_type_of_path(file.string());
    r.body = std::move(*body);
    return r;
  }

 private:
  fs::path m_root;
  size_t m_max_bytes;
};

}  // namespace

std::string content_type_of_path(std::string_view path) {
  const std::string p = util::to_lower_ascii(path);
  auto ends = [&](std::string_view e) { return p.ends_with(e); };
  if (ends(".html") || ends(".htm") || ends(".xhtml") || ends(".php") || ends(".shtml")) return "text/html; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".json")) return "application/json";
  if (ends(".css")) return "text/css";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".xml")) return "application/xml";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

std::unique_ptr<ResourceFetcher> folder_resources(const std::string& root, size_t max_bytes) {
  std::error_code ec;
  fs::path canonical = fs::canonical(root, ec);
  return std::make_unique<FolderResources>(ec ? fs::path(root) : canonical, max_bytes);
}

}  // namespace amable::fetch
