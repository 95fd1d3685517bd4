#pragma once
// Validates JSON against reports/schema/report.schema.json with valijson.
#include <string>

#include <nlohmann/json.hpp>

namespace amable::test {

// "" when `doc` is valid; otherwise every error, one per line.
std::string schema_errors(const nlohmann::json& doc);

}  // namespace amable::test
