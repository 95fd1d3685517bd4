#include "parse/arena.hpp"

#include <algorithm>

namespace amable::parse {

void* Arena::allocate(size_t size) {
  constexpr size_t align = alignof(std::max_align_t);
  size = (size + align - 1) & ~(align - 1);
  if (size == 0) size = align;
  if (m_blocks.empty() || m_blocks.back().size - m_blocks.back().used < size) {
    const size_t block = std::max(k_block_size, size);
    m_blocks.push_back(Block{std::make_unique<std::byte[]>(block), block, 0});
  }
  Block& b = m_blocks.back();
  void* p = b.data.get() + b.used;
  b.used += size;
  m_used_total += size;
  return p;
}

void Arena::reset() {
  if (m_blocks.size() > 1) {
    // Keep the first (smallest) block: a normal page fits in it, a huge one is not kept.
    m_blocks.erase(m_blocks.begin() + 1, m_blocks.end());
  }
  if (!m_blocks.empty()) m_blocks.front().used = 0;
  m_used_total = 0;
}

void* Arena::gumbo_allocate(void* userdata, size_t size) {
  return static_cast<Arena*>(userdata)->allocate(size);
}

void Arena::gumbo_deallocate(void*, void*) {
  // Memory goes back with reset(): Gumbo's growing buffers waste at most their final size.
}

}  // namespace amable::parse
