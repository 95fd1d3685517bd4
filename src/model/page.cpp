#include "model/page.hpp"

namespace amable::model {

std::string_view to_string(Region r) {
  switch (r) {
    case Region::main: return "main";
    case Region::header: return "header";
    case Region::nav: return "nav";
    case Region::footer: return "footer";
    case Region::aside: return "aside";
  }
  return "main";
}

std::string_view Element::attr(std::string_view name) const {
  for (const auto& a : attrs)
    if (a.name == name) return a.value;
  return {};
}

std::string_view Page::meta(std::string_view name) const {
  for (const auto& m : metas)
    if (m.name == name) return m.value;
  return {};
}

}  // namespace amable::model
