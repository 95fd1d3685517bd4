#pragma once
// An immutable string that equal values share. A shop repeats the same evidence on every page
// (the footer's phone and address, the same selectors, the page's own URL in each of its
// findings), and an audit keeps the facts of every page until the report: one copy of each
// text, 8 bytes per use. The pool is global and thread-safe; a text leaves it with its last
// user, so evidence built and dropped while reading a page does not pile up.
#include <atomic>
#include <compare>
#include <ostream>
#include <string>
#include <string_view>

namespace amable::model {

class SharedText {
 public:
  SharedText() : m_node(empty_node()) {}
  SharedText(std::string_view s) : m_node(acquire(s)) {}
  SharedText(const std::string& s) : SharedText(std::string_view(s)) {}
  SharedText(const char* s) : SharedText(std::string_view(s)) {}
  SharedText(const SharedText& o) : m_node(o.m_node) { m_node->refs.fetch_add(1, std::memory_order_relaxed); }
  SharedText(SharedText&& o) noexcept : m_node(o.m_node) { o.m_node = empty_node(); }
  SharedText& operator=(const SharedText& o) {
    SharedText copy(o);
    std::swap(m_node, copy.m_node);
    return *this;
  }
  SharedText& operator=(SharedText&& o) noexcept {
    std::swap(m_node, o.m_node);
    return *this;
  }
  ~SharedText() { release(m_node); }

  const std::string& str() const { return m_node->text; }
  operator const std::string&() const { return m_node->text; }
  operator std::string_view() const { return m_node->text; }
  bool empty() const { return m_node->text.empty(); }
  size_t size() const { return m_node->text.size(); }
  const char* c_str() const { return m_node->text.c_str(); }

  friend bool operator==(const SharedText& a, const SharedText& b) { return a.m_node == b.m_node; }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.m_node->text == b; }
  friend bool operator==(const SharedText& a, const char* b) { return a.m_node->text == b; }
  friend bool operator==(const SharedText& a, const std::string& b) { return a.m_node->text == b; }
  friend auto operator<=>(const SharedText& a, const SharedText& b) { return a.m_node->text <=> b.m_node->text; }
  friend std::string operator+(const std::string& a, const SharedText& b) { return a + b.m_node->text; }
  friend std::string operator+(const SharedText& a, const std::string& b) { return a.m_node->text + b; }
  friend std::string operator+(const char* a, const SharedText& b) { return a + b.m_node->text; }
  friend std::ostream& operator<<(std::ostream& os, const SharedText& t) { return os << t.m_node->text; }

  // Texts in the pool now (for tests).
  static size_t pool_size();

  struct Node {
    std::string text;
    std::atomic<uint32_t> refs{1};
  };

 private:
  static Node* empty_node();
  static Node* acquire(std::string_view s);
  static void release(Node* n);
  Node* m_node;
};

}  // namespace amable::model
