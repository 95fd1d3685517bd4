#pragma once
// A flat table from a text's address and length (a block of the page, a part or a sentence of
// it) to a pointer: what TokenCache looks its texts up by. Open addressing with linear probing
// in one array that doubles at half load, so an insert costs no allocation and a lookup no
// pointer chasing. Hand-written before Abseil was a dependency: std::unordered_map allocated a
// node per text and its lookups were 2.7 % of a heavy page's audit (perf). It keys by address,
// never reads the bytes, and its one hazard (a slot moves when the table grows) is tested.
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace amable::text {

template <class T>
class AddressTable {
 public:
  explicit AddressTable(size_t expected = 0) : m_cells(std::bit_ceil(std::max<size_t>(16, expected * 2))) {}

  // The pointer stored for exactly these bytes at this address, or nullptr.
  T* find(std::string_view key) const {
    if (key.data() == nullptr) return nullptr;
    for (size_t i = index(key);; i = (i + 1) & mask()) {
      const Cell& c = m_cells[i];
      if (c.data == nullptr) return nullptr;
      if (c.data == key.data() && c.size == key.size()) return c.value;
    }
  }
  // The slot for the key, added empty (nullptr) when new. A key without an address (an empty
  // view) has no slot: nullptr is returned, and the caller does without the cache. The slot
  // moves when the table grows: fill it before the next slot() call.
  T** slot(std::string_view key) {
    if (key.data() == nullptr) return nullptr;
    if ((m_used + 1) * 2 > m_cells.size()) grow();
    for (size_t i = index(key);; i = (i + 1) & mask()) {
      Cell& c = m_cells[i];
      if (c.data == nullptr) {
        c = Cell{key.data(), key.size(), nullptr};
        ++m_used;
        return &c.value;
      }
      if (c.data == key.data() && c.size == key.size()) return &c.value;
    }
  }
  size_t size() const { return m_used; }

 private:
  struct Cell {
    const char* data = nullptr;
    size_t size = 0;
    T* value = nullptr;
  };
  size_t mask() const { return m_cells.size() - 1; }
  // Fibonacci hashing of the address and length; the top bits pick the cell.
  size_t index(std::string_view key) const {
    const uint64_t h = (reinterpret_cast<uintptr_t>(key.data()) ^ (static_cast<uint64_t>(key.size()) << 40)) * 0x9E3779B97F4A7C15ULL;
    return static_cast<size_t>(h >> (64 - std::countr_zero(m_cells.size())));
  }
  void grow() {
    std::vector<Cell> old(m_cells.size() * 2);
    old.swap(m_cells);
    m_used = 0;
    for (const Cell& c : old)
      if (c.data != nullptr) *slot(std::string_view(c.data, c.size)) = c.value;
  }
  std::vector<Cell> m_cells;
  size_t m_used = 0;
};

}  // namespace amable::text
