// JSON: the canonical form (SPEC.md, reports/schema/report.schema.json). nlohmann escapes
// every string, so site content cannot break the document.
#include "model/report_json.hpp"
#include "reports/writer.hpp"

namespace amable::reports {

std::string write_json(const model::Report& r, const WriteOptions&) {
  // Invalid UTF-8 cannot reach here (the parser repairs it), but replace rather than throw.
  return model::to_json(r).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace amable::reports
