#include "schema_validation.hpp"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "util/embedded.hpp"

namespace amable::test {

std::string schema_errors(const nlohmann::json& doc) {
  static const nlohmann::json schema_doc =
      nlohmann::json::parse(embedded::find(embedded::schemas(), "report.schema.json"));
  return errors_against(schema_doc, doc);
}

std::string errors_against(const nlohmann::json& schema_doc, const nlohmann::json& doc) {
  valijson::Schema schema;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_doc);
  parser.populateSchema(schema_adapter, schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  if (validator.validate(schema, target, &results)) return {};
  std::string out;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    std::string ctx;
    for (const auto& c : e.context) ctx += c;
    out += ctx + ": " + e.description + "\n";
  }
  return out;
}

}  // namespace amable::test
