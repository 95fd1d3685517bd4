#pragma once
// A transparent hash so unordered containers keyed by std::string can be searched with a
// std::string_view without allocating.
#include <functional>
#include <string>
#include <string_view>

namespace amable::util {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace amable::util
