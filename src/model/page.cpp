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

std::string_view to_string(Zone z) {
  switch (z) {
    case Zone::main: return "main";
    case Zone::chrome: return "chrome";
    case Zone::consent: return "consent";
    case Zone::user_content: return "user-content";
    case Zone::third_party: return "third-party";
    case Zone::credits: return "credits";
    case Zone::form: return "form";
    case Zone::demo: return "demo";
    case Zone::structured_data: return "structured-data";
  }
  return "main";
}

std::string_view region_name(Region r, Zone z) {
  if (z == Zone::chrome || (z == Zone::main && r != Region::main)) return to_string(r);
  return to_string(z);
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
