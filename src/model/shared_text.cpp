#include "model/shared_text.hpp"

#include <memory>
#include <mutex>
#include <unordered_map>


namespace amable::model {
namespace {

struct Pool {
  std::mutex mutex;
  // Keys are views of their node's text.
  std::unordered_map<std::string_view, std::unique_ptr<SharedText::Node>> nodes;
};

Pool& pool() {
  static Pool* p = new Pool;  // never destroyed: texts may be released while statics are torn down
  return *p;
}

}  // namespace

SharedText::Node* SharedText::empty_node() {
  // Outside the pool and never released (its count only drifts).
  static Node* e = [] {
    auto* n = new Node;
    n->refs = 1u << 30;
    return n;
  }();
  return e;
}

SharedText::Node* SharedText::acquire(std::string_view s) {
  if (s.empty()) return empty_node();
  Pool& p = pool();
  std::lock_guard lock(p.mutex);
  if (auto it = p.nodes.find(s); it != p.nodes.end()) {
    it->second->refs.fetch_add(1, std::memory_order_relaxed);
    return it->second.get();
  }
  auto node = std::make_unique<Node>();
  node->text.assign(s);
  Node* raw = node.get();
  p.nodes.emplace(std::string_view(raw->text), std::move(node));
  return raw;
}

void SharedText::release(Node* n) {
  if (n == empty_node()) return;
  // Not the last user: no lock (the count cannot reach zero here).
  for (uint32_t r = n->refs.load(std::memory_order_relaxed); r > 1;)
    if (n->refs.compare_exchange_weak(r, r - 1, std::memory_order_acq_rel)) return;
  // Maybe the last: decrement under the lock acquire() takes, so that a text found again in
  // the pool meanwhile is not removed.
  Pool& p = pool();
  std::lock_guard lock(p.mutex);
  if (n->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) p.nodes.erase(std::string_view(n->text));
}

size_t SharedText::pool_size() {
  Pool& p = pool();
  std::lock_guard lock(p.mutex);
  return p.nodes.size();
}

}  // namespace amable::model
