#pragma once
// Validates JSON against reports/schema/report.schema.json with valijson.
#include <string>

#include <nlohmann/json.hpp>

namespace amable::test {

// "" when `doc` is valid; otherwise every error, one per line.
std::string schema_errors(const nlohmann::json& doc);
// The same against any draft-7 schema (the SARIF 2.1.0 schema).
std::string errors_against(const nlohmann::json& schema, const nlohmann::json& doc);

}  // namespace amable::test
