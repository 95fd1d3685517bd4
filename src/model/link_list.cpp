#include "model/link_list.hpp"

#include <algorithm>

namespace amable::model {
namespace {

bool same(const LinkRef& a, const LinkRef& b) {
  return a.target == b.target && a.text == b.text && a.selector == b.selector && a.region == b.region && a.flags == b.flags;
}

uint64_t hash_of(std::span<const LinkRef> run) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a over the fields
  auto mix = [&h](uint64_t v) {
    h ^= v;
    h *= 1099511628211ULL;
  };
  for (const auto& l : run) {
    mix(l.target);
    mix(l.text);
    mix(l.selector);
    mix(static_cast<uint64_t>(l.region) << 8 | l.flags);
  }
  return h;
}

}  // namespace

uint32_t LinkPool::intern(std::span<const LinkRef> run) {
  const uint64_t h = hash_of(run);
  const auto [from, to] = m_by_hash.equal_range(h);
  for (auto it = from; it != to; ++it) {
    const auto existing = this->run(it->second);
    if (existing.size() == run.size() && std::equal(existing.begin(), existing.end(), run.begin(), same)) return it->second;
  }
  const auto id = static_cast<uint32_t>(m_runs.size());
  m_runs.push_back(Run{static_cast<uint32_t>(m_links.size()), static_cast<uint32_t>(run.size())});
  m_links.insert(m_links.end(), run.begin(), run.end());
  m_by_hash.emplace(h, id);
  return id;
}

LinkList::LinkList(LinkPool& pool, const std::vector<LinkRef>& links) : m_pool(&pool), m_size(links.size()) {
  for (size_t b = 0; b < links.size();) {
    size_t e = b + 1;
    while (e < links.size() && links[e].region == links[b].region) ++e;
    m_runs.push_back(pool.intern(std::span<const LinkRef>(links).subspan(b, e - b)));
    b = e;
  }
  m_runs.shrink_to_fit();
}

}  // namespace amable::model
