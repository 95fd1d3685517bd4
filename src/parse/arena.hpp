#pragma once
// A bump allocator for the Gumbo tree. Gumbo allocates every node, attribute and string
// separately; with an arena the whole tree is released in one step (no recursive free, so
// deep nesting cannot exhaust the stack) and the blocks are reused for the next page.
#include <cstddef>
#include <memory>
#include <vector>

namespace amable::parse {

class Arena {
 public:
  void* allocate(size_t size);
  // Frees everything allocated; keeps one block for the next page.
  void reset();
  size_t bytes_in_use() const { return m_used_total; }

  // GumboOptions callbacks (userdata is the Arena).
  static void* gumbo_allocate(void* userdata, size_t size);
  static void gumbo_deallocate(void* userdata, void* ptr);

 private:
  struct Block {
    std::unique_ptr<std::byte[]> data;
    size_t size = 0, used = 0;
  };
  static constexpr size_t k_block_size = 1 << 20;
  std::vector<Block> m_blocks;
  size_t m_used_total = 0;
};

}  // namespace amable::parse
