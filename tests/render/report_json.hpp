#pragma once
// Reading a JSON report in the rendering tests: its notes as text, one of its rules.
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

namespace amable::test {

inline std::string notes_of(const nlohmann::json& report) {
  std::string out;
  for (const auto& n : report["notes"]) out += n.get<std::string>() + "\n";
  return out;
}

inline const nlohmann::json& rule(const nlohmann::json& report, const std::string& id) {
  for (const auto& r : report["rules"])
    if (r["id"] == id) return r;
  FAIL("no rule " << id);
  return report;
}

}  // namespace amable::test
