#pragma once
// A per-thread memo for pure functions of a string that pages keep asking again: every page of
// a shop repeats the same header, nav and footer (the same links, the same phone number).
// Bounded: emptied when it reaches its capacity. Use it as a `thread_local`.
#include <string>
#include <string_view>
#include <utility>

#include <absl/container/flat_hash_map.h>

#include "util/string_hash.hpp"

namespace amable::util {

template <typename V>
class Memo {
 public:
  explicit Memo(size_t capacity = 4096) : m_capacity(capacity) {}

  // The value for `key`, computing it the first time. The reference is valid until the next
  // call on this memo.
  // A key given as a view is copied only when it is new: callers build keys in a reused
  // buffer, so a page's repeated links cost no allocation.
  template <typename Compute>
  const V& get(std::string_view key, Compute&& compute) {
    if (auto it = m_map.find(key); it != m_map.end()) return it->second;
    if (m_map.size() >= m_capacity) m_map.clear();
    return m_map.emplace(std::string(key), std::forward<Compute>(compute)()).first->second;
  }

 private:
  size_t m_capacity;
  // Flat (Abseil): a std::unordered_map's lookups chased a node per probe and hashed each
  // node's key again on the way, 2 % of a heavy page's time in url::resolve alone (perf).
  // (Our transparent hash: Debian's Abseil has its own string_view, not std::string_view.)
  absl::flat_hash_map<std::string, V, StringHash, std::equal_to<>> m_map;
};

}  // namespace amable::util
