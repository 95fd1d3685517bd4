#include "model/messages.hpp"

#include <cmath>
#include <map>

#include <fmt/format.h>

#include "util/embedded.hpp"

namespace amable::model {
namespace {

using Catalog = std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>>;

// Every rules/messages/*.json merged: code -> "lang" or "lang@jurisdiction" -> template. A
// malformed file is a build error caught by the tests, so parsing throws here.
const Catalog& catalog() {
  static const Catalog c = [] {
    Catalog out;
    for (const auto& f : embedded::messages()) {
      const auto j = nlohmann::json::parse(f.content);
      for (const auto& [code, texts] : j.items())
        for (const auto& [lang, text] : texts.items())
          if (text.is_string()) out[code][lang] = text.get<std::string>();
    }
    return out;
  }();
  return c;
}

std::string number_text(const nlohmann::json& v) {
  const double d = v.get<double>();
  if (std::abs(d - std::round(d)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(d)));
  return fmt::format("{:.1f}", d);
}

std::string value_text(const nlohmann::json& v, std::string_view lang) {
  if (v.is_string()) return v.get<std::string>();
  // A message inside a message ("robots.txt could not be read ({reason})"): said in the same language.
  if (v.is_object() && v.contains("code") && v["code"].is_string())
    return render_message(v["code"].get<std::string>(), v.value("data", nlohmann::json::object()), lang);
  if (v.is_number()) return number_text(v);
  if (v.is_boolean()) return v.get<bool>() ? (lang == "es" ? "sí" : "yes") : "no";
  if (v.is_array()) {
    std::string out;
    size_t n = 0;
    for (const auto& x : v) {
      if (n == 5) {
        const size_t more = v.size() - 5;
        out += lang == "es" ? fmt::format(" y {} más", more) : fmt::format(" and {} more", more);
        break;
      }
      if (n > 0) out += ", ";
      out += value_text(x, lang);
      ++n;
    }
    return out;
  }
  return {};
}

std::string fill(std::string_view tmpl, const nlohmann::json& data, std::string_view lang) {
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{') {
      out.push_back(tmpl[i]);
      continue;
    }
    const size_t close = tmpl.find('}', i);
    if (close == std::string_view::npos) {
      out.append(tmpl.substr(i));
      break;
    }
    std::string_view key = tmpl.substr(i + 1, close - i - 1);
    std::string_view format;
    if (const size_t bar = key.find('|'); bar != std::string_view::npos) {
      format = key.substr(bar + 1);
      key = key.substr(0, bar);
    }
    const bool percent = key.ends_with('%');
    if (percent) key.remove_suffix(1);
    const auto it = data.is_object() ? data.find(std::string(key)) : data.end();
    if (it == data.end()) {
      out.append(tmpl.substr(i, close - i + 1));  // left visible: a test catches it
    } else if (percent && it->is_number()) {
      out += fmt::format("{} %", std::lround(it->get<double>() * 100));
    } else if (const size_t bar = format.find('|'); bar != std::string_view::npos) {
      // {count|page|pages}: the word that agrees with the number (one, or any other count).
      const bool one = it->is_number() && std::abs(it->get<double>() - 1.0) < 1e-9;
      out += one ? format.substr(0, bar) : format.substr(bar + 1);
    } else {
      out += value_text(*it, lang);
    }
    i = close;
  }
  return out;
}

}  // namespace

std::string render_message(std::string_view code, const nlohmann::json& data, std::string_view lang,
                           std::string_view jurisdiction) {
  const auto it = catalog().find(code);
  if (it == catalog().end()) return std::string(code);
  const auto& texts = it->second;
  for (const std::string_view l : {lang, std::string_view("en")}) {
    if (!jurisdiction.empty())
      if (auto t = texts.find(std::string(l) + "@" + std::string(jurisdiction)); t != texts.end()) return fill(t->second, data, l);
    if (auto t = texts.find(l); t != texts.end()) return fill(t->second, data, l);
  }
  return std::string(code);
}

bool has_message(std::string_view code, std::string_view lang) {
  const auto it = catalog().find(code);
  return it != catalog().end() && it->second.contains(lang);
}

std::vector<std::string> message_codes() {
  std::vector<std::string> out;
  for (const auto& [code, texts] : catalog()) out.push_back(code);
  return out;
}

}  // namespace amable::model
