#pragma once
// A per-thread memo for pure functions of a string that pages keep asking again: every page of
// a shop repeats the same header, nav and footer (the same links, the same phone number).
// Bounded: emptied when it reaches its capacity. Use it as a `thread_local`.
#include <string>
#include <unordered_map>
#include <utility>

namespace amable::util {

template <typename V>
class Memo {
 public:
  explicit Memo(size_t capacity = 4096) : m_capacity(capacity) {}

  // The value for `key`, computing it the first time. The reference is valid until the next
  // call on this memo.
  template <typename Compute>
  const V& get(std::string key, Compute&& compute) {
    if (auto it = m_map.find(key); it != m_map.end()) return it->second;
    if (m_map.size() >= m_capacity) m_map.clear();
    return m_map.emplace(std::move(key), std::forward<Compute>(compute)()).first->second;
  }

 private:
  size_t m_capacity;
  std::unordered_map<std::string, V> m_map;
};

}  // namespace amable::util
