#pragma once
// An optional value kept on the heap: 8 bytes while empty, which most are. For the rarely set
// members of the per-page facts, which an audit keeps for every page (a std::optional of an
// Evidence is 112 bytes, set or not). Reads like std::optional.
#include <memory>
#include <optional>
#include <utility>

namespace amable::model {

template <typename T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(std::nullopt_t) {}
  Boxed(const T& v) : m_value(std::make_unique<T>(v)) {}
  Boxed(T&& v) : m_value(std::make_unique<T>(std::move(v))) {}
  Boxed(const std::optional<T>& v) : m_value(v ? std::make_unique<T>(*v) : nullptr) {}
  Boxed(std::optional<T>&& v) : m_value(v ? std::make_unique<T>(std::move(*v)) : nullptr) {}
  Boxed(const Boxed& o) : m_value(o.m_value ? std::make_unique<T>(*o.m_value) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& o) {
    if (this != &o) m_value = o.m_value ? std::make_unique<T>(*o.m_value) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;

  bool has_value() const { return m_value != nullptr; }
  explicit operator bool() const { return has_value(); }
  T* operator->() { return m_value.get(); }
  const T* operator->() const { return m_value.get(); }
  T& operator*() { return *m_value; }
  const T& operator*() const { return *m_value; }
  void reset() { m_value.reset(); }
  std::optional<T> optional() const { return m_value ? std::optional<T>(*m_value) : std::nullopt; }

 private:
  std::unique_ptr<T> m_value;
};

}  // namespace amable::model
