#pragma once
// The texts of findings, summaries and fixes, by stable code ("contact-phone/not-on-every-page")
// and language, from rules/messages/*.json (embedded in the binary). A finding keeps its code and
// data beside its sentence, so that tools, baselines and diffs compare codes and data, never
// wording or language.
//
// A template names data fields in braces:
//   {value}         the field as text (numbers without needless decimals)
//   {share%}        a share 0..1 as a percentage: "75 %"
//   {pages}         an array joined with commas, at most five, then "and 3 more" / "y 3 más"
//   {count|page|pages}  the word that agrees with the number (the number itself is {count})
//   {reason}        a nested message ({"code", "data"}, Message::nested()), in the same language
// A code may hold variants by jurisdiction: "en@es", "en@us"... are tried before "en".
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace amable::model {

// The sentence for `code` in `lang` ("en", "es"), for a shop under `jurisdiction` ("es", "eu",
// "uk-ie", "us", "latam", "neutral" or ""). Falls back to English, then to the code itself.
std::string render_message(std::string_view code, const nlohmann::json& data, std::string_view lang,
                           std::string_view jurisdiction = {});

// Is there a text for `code` in `lang` (without falling back)?
bool has_message(std::string_view code, std::string_view lang);

// Every code of the catalog, sorted (for tests).
std::vector<std::string> message_codes();

// A message kept as code and data until a report says it in its language: crawl and page
// notes ("stopped at the page limit (--max-pages 500): 12 pages were not read").
struct Message {
  std::string code;
  nlohmann::json data = nlohmann::json::object();
  bool empty() const { return code.empty(); }
  std::string text(std::string_view lang = "en") const { return code.empty() ? std::string() : render_message(code, data, lang); }
  // As a field of another message's data: rendered in that message's language.
  nlohmann::json nested() const { return {{"code", code}, {"data", data}}; }
  bool operator==(const Message&) const = default;
};

// Languages the report can be written in.
inline constexpr std::string_view k_report_languages[] = {"en", "es"};

}  // namespace amable::model
