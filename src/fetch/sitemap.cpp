#include "fetch/sitemap.hpp"

#include <expat.h>
#include <zlib.h>

#include <memory>

#include "util/text.hpp"

namespace amable::fetch {
namespace {

struct State {
  Sitemap* map;
  size_t max_urls;
  bool in_loc = false;
  std::string text;
};

std::string_view local_name(const XML_Char* name) {
  std::string_view n(name);
  if (const auto colon = n.rfind(':'); colon != std::string_view::npos) n = n.substr(colon + 1);
  return n;
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char**) {
  auto* s = static_cast<State*>(data);
  const auto n = local_name(name);
  if (n == "sitemapindex") s->map->index = true;
  if (n == "loc") {
    s->in_loc = true;
    s->text.clear();
  }
}

void XMLCALL on_end(void* data, const XML_Char* name) {
  auto* s = static_cast<State*>(data);
  if (local_name(name) != "loc" || !s->in_loc) return;
  s->in_loc = false;
  const auto url = util::trim(s->text);
  if (url.empty()) return;
  if (s->map->urls.size() >= s->max_urls) {
    s->map->truncated = true;
    return;
  }
  s->map->urls.emplace_back(url);
}

void XMLCALL on_text(void* data, const XML_Char* text, int len) {
  auto* s = static_cast<State*>(data);
  if (s->in_loc && s->text.size() < 4096) s->text.append(text, static_cast<size_t>(len));
}

}  // namespace

bool is_gzip(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1F && static_cast<unsigned char>(data[1]) == 0x8B;
}

std::expected<std::string, std::string> gunzip(std::string_view data, size_t max_out, bool& truncated) {
  truncated = false;
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return std::unexpected("cannot start gzip decoding");
  std::unique_ptr<z_stream, decltype(&inflateEnd)> guard(&zs, &inflateEnd);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buf[65536];
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    const int rc = inflate(&zs, Z_NO_FLUSH);
    const size_t got = sizeof buf - zs.avail_out;
    if (out.size() + got > max_out) {
      out.append(buf, max_out - out.size());
      truncated = true;
      return out;
    }
    out.append(buf, got);
    if (rc == Z_STREAM_END) return out;
    if (rc != Z_OK) {
      if (rc == Z_BUF_ERROR && zs.avail_in == 0) return std::unexpected("gzip data ends early");
      return std::unexpected(std::string("bad gzip data: ") + (zs.msg ? zs.msg : "corrupt"));
    }
  }
}

std::expected<Sitemap, std::string> parse_sitemap(std::string_view body, size_t max_urls, size_t max_unpacked) {
  std::string unpacked;
  Sitemap map;
  if (is_gzip(body)) {
    bool cut = false;
    auto u = gunzip(body, max_unpacked, cut);
    if (!u) return std::unexpected(u.error());
    unpacked = std::move(*u);
    map.truncated = cut;
    body = unpacked;
  }
  const auto start = util::trim(body.substr(0, std::min<size_t>(body.size(), 512)));
  if (!start.starts_with("<") && !start.starts_with("\xEF\xBB\xBF<")) {
    // A plain-text sitemap: one URL per line.
    for (auto line : util::split(body, '\n')) {
      const auto url = util::trim(line);
      if (url.empty() || (!util::istarts_with(url, "http://") && !util::istarts_with(url, "https://"))) continue;
      if (map.urls.size() >= max_urls) {
        map.truncated = true;
        break;
      }
      map.urls.emplace_back(url);
    }
    return map;
  }
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(XML_ParserCreate(nullptr),
                                                                                   &XML_ParserFree);
  if (!parser) return std::unexpected("cannot start the XML parser");
  State state{&map, max_urls, false, {}};
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), &on_start, &on_end);
  XML_SetCharacterDataHandler(parser.get(), &on_text);
  // Feed in slices: XML_Parse takes an int length.
  constexpr size_t k_slice = 1 << 20;
  for (size_t off = 0; off < body.size() || off == 0; off += k_slice) {
    const auto slice = body.substr(off, k_slice);
    const bool last = off + k_slice >= body.size();
    if (XML_Parse(parser.get(), slice.data(), static_cast<int>(slice.size()), last) == XML_STATUS_ERROR) {
      // What was read before the error is kept; the error is reported.
      if (map.urls.empty())
        return std::unexpected(std::string("not valid XML: ") + XML_ErrorString(XML_GetErrorCode(parser.get())) +
                               " at line " + std::to_string(XML_GetCurrentLineNumber(parser.get())));
      map.truncated = true;
      break;
    }
    if (last) break;
  }
  return map;
}

}  // namespace amable::fetch
