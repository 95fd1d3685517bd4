#include "util/url_plain.hpp"

#include "util/text.hpp"

namespace amable::url {
namespace {

bool plain_char(char c) {
  return util::is_ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

}  // namespace

std::string remove_dot_segments(std::string_view path) {
  // The input is consumed segment by segment ("/seg"); "." segments vanish and ".." removes
  // the last output segment, as the RFC's buffer algorithm does.
  std::string out;
  out.reserve(path.size());
  size_t i = 0;
  while (i < path.size()) {
    // path[i] == '/': the segment runs to the next '/'.
    size_t next = path.find('/', i + 1);
    if (next == std::string_view::npos) next = path.size();
    const std::string_view seg = path.substr(i + 1, next - i - 1);
    const bool last = next == path.size();
    if (seg == ".") {
      if (last) out += '/';
    } else if (seg == "..") {
      const size_t cut = out.rfind('/');
      out.resize(cut == std::string::npos ? 0 : cut);
      if (last) out += '/';
    } else {
      out += '/';
      out += seg;
    }
    i = next;
  }
  if (out.empty()) out = "/";
  return out;
}

std::optional<std::string_view> plain_path(std::string_view url) {
  size_t at;
  if (url.starts_with("https://")) at = 8;
  else if (url.starts_with("http://")) at = 7;
  else if (url.starts_with("file:///")) at = 7;  // no host: the path starts at the third slash
  else return std::nullopt;
  const size_t slash = url.find('/', at);
  if (slash == std::string_view::npos || (slash == at && at != 7)) return std::nullopt;
  for (size_t i = at; i < slash; ++i) {  // a lower-case host name or address and a port
    const char c = url[i];
    if (!(util::is_ascii_digit(c) || (c >= 'a' && c <= 'z') || c == '-' || c == '.' || c == ':')) return std::nullopt;
  }
  const std::string_view path = url.substr(slash);
  if (at == 7 && path == "/") return std::nullopt;  // libcurl takes no URL for the root of a disk
  for (const char c : path)
    if (!plain_char(c)) return std::nullopt;
  if (path.find("//") != std::string_view::npos || path.find("/./") != std::string_view::npos ||
      path.find("/../") != std::string_view::npos || path.ends_with("/.") || path.ends_with("/.."))
    return std::nullopt;
  return path;
}

std::optional<std::string> resolve_plain(std::string_view base, std::string_view href) {
  if (href.empty() || href.starts_with("//")) return std::nullopt;
  for (const char c : href)
    if (!plain_char(c)) return std::nullopt;
  const size_t authority = base.find("://");
  if (authority == std::string_view::npos) return std::nullopt;
  const std::string_view scheme = base.substr(0, authority);
  if (scheme != "http" && scheme != "https" && scheme != "file") return std::nullopt;
  const size_t path_at = base.find('/', authority + 3);
  if (path_at == std::string_view::npos) return std::nullopt;  // a normalised http URL has a path
  const std::string_view origin = base.substr(0, path_at);
  std::string merged;
  if (href.front() == '/') {
    merged = href;
  } else {
    // RFC 3986 §5.2.3: the base path up to its last "/", then the href.
    std::string_view base_path = base.substr(path_at);
    base_path = base_path.substr(0, base_path.find_first_of("?#"));
    merged.assign(base_path.substr(0, base_path.rfind('/') + 1));
    merged += href;
  }
  // An empty segment ("a//b", in the href or the base) is left to libcurl, whose answer differs.
  if (merged.find("//") != std::string::npos) return std::nullopt;
  const std::string path = remove_dot_segments(merged);
  if (scheme == "file" && path == "/") return std::nullopt;  // libcurl gives no URL for the root of a disk
  std::string out;
  out.reserve(origin.size() + path.size());
  out.append(origin).append(path);
  return out;
}

}  // namespace amable::url
