#include "engine/partials.hpp"

#include "parse/encoding.hpp"
#include "util/text.hpp"

namespace amable::engine {
namespace {

constexpr size_t k_max_cached_bytes = 64 << 20;  // beyond this, partials are read each time

}  // namespace

Partials::Partials(const fetch::Source& source) : m_fetcher(source.resources()) {}

std::string Partials::base_of(std::string_view page_key) const { return m_fetcher ? m_fetcher->browser_url(page_key) : std::string(); }

parse::PartialReader Partials::reader() {
  if (!m_fetcher) return {};
  return [this](const std::string& url) { return read(url); };
}

std::optional<std::string> Partials::read(const std::string& url) {
  {
    std::lock_guard lock(m_mutex);
    if (const auto it = m_cache.find(url); it != m_cache.end()) return it->second;
  }
  // Two workers may read the same partial at once the first time; both get the same text.
  const fetch::Resource r = m_fetcher->fetch(url, "GET");
  std::optional<std::string> text;
  const bool html = r.content_type.empty() || util::icontains(r.content_type, "html") || util::icontains(r.content_type, "text/plain");
  if (r.status == 200 && html) text = parse::decode_html(r.body, parse::charset_from_content_type(r.content_type)).text;
  std::lock_guard lock(m_mutex);
  if (text) m_read.insert(url);
  if (m_cached_bytes + (text ? text->size() : 0) <= k_max_cached_bytes) {
    m_cached_bytes += text ? text->size() : 0;
    m_cache.emplace(url, text);
  }
  return text;
}

void Partials::page_inlined(size_t partials) {
  if (partials == 0) return;
  std::lock_guard lock(m_mutex);
  ++m_pages;
}

std::optional<model::Message> Partials::note() const {
  std::lock_guard lock(m_mutex);
  if (m_pages == 0) return std::nullopt;
  return model::Message{"note/includes", {{"count", m_pages}, {"partials", m_read.size()}}};
}

}  // namespace amable::engine
