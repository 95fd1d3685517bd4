#pragma once
// The links of a page, kept as runs shared between pages. A shop repeats its header, menu and
// footer on every page (a mega-menu can be hundreds of links), so each run of consecutive
// links in one region is stored once in the site's LinkPool, and a page holds the run ids.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <unordered_map>
#include <vector>

#include "model/facts.hpp"

namespace amable::model {

class LinkPool {
 public:
  // The id of a run equal to `run`, added when new.
  uint32_t intern(std::span<const LinkRef> run);
  std::span<const LinkRef> run(uint32_t id) const {
    const Run& r = m_runs[id];
    return {m_links.data() + r.begin, r.size};
  }
  size_t link_count() const { return m_links.size(); }

 private:
  struct Run {
    uint32_t begin, size;
  };
  std::vector<LinkRef> m_links;
  std::vector<Run> m_runs;
  std::unordered_multimap<uint64_t, uint32_t> m_by_hash;
};

class LinkList {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = LinkRef;
    using difference_type = std::ptrdiff_t;
    using pointer = const LinkRef*;
    using reference = const LinkRef&;

    iterator() = default;
    iterator(const LinkList* list, size_t run, size_t at) : m_list(list), m_run(run), m_at(at) { skip_empty(); }
    reference operator*() const { return m_list->m_pool->run(m_list->m_runs[m_run])[m_at]; }
    pointer operator->() const { return &**this; }
    iterator& operator++() {
      ++m_at;
      skip_empty();
      return *this;
    }
    iterator operator++(int) {
      iterator old = *this;
      ++*this;
      return old;
    }
    bool operator==(const iterator& o) const { return m_run == o.m_run && m_at == o.m_at; }

   private:
    void skip_empty() {
      while (m_list && m_run < m_list->m_runs.size() && m_at >= m_list->m_pool->run(m_list->m_runs[m_run]).size()) {
        ++m_run;
        m_at = 0;
      }
    }
    const LinkList* m_list = nullptr;
    size_t m_run = 0, m_at = 0;
  };

  LinkList() = default;
  // Splits `links` into runs of one region each and interns them in `pool`.
  LinkList(LinkPool& pool, const std::vector<LinkRef>& links);

  iterator begin() const { return iterator(this, 0, 0); }
  iterator end() const { return iterator(this, m_runs.size(), 0); }
  size_t size() const { return m_size; }
  bool empty() const { return m_size == 0; }

 private:
  const LinkPool* m_pool = nullptr;
  std::vector<uint32_t> m_runs;
  size_t m_size = 0;
};

}  // namespace amable::model
