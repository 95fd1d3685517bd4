#include "batch/summary.hpp"

#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

#include "batch/row_file.hpp"

namespace amable::batch {
namespace {

// What a shop lacks, by the row's facts: (name in the summary, fact, true when lacking).
struct Lack {
  const char* name;
  const char* fact;
  bool when_zero;  // lacking when the count is 0 (else: "has" when true)
};
constexpr Lack k_lacks[] = {{"no phone", "phones", true},          {"no e-mail", "emails", true},
                            {"no address", "addresses", true},     {"no return policy", "return_policy", true},
                            {"no contact page", "contact_page", true}, {"intro clutter", "intro_clutter", false},
                            {"premium-rate numbers", "premium_rate_phones", false}};

bool truthy(const nlohmann::json& v) {
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v.get<double>() != 0;
  return false;
}

void add(GroupSummary& g, const nlohmann::json& row) {
  ++g.shops;
  ++g.statuses[row.value("status", "error")];
  if (row.contains("score") && row["score"].is_number_integer()) {
    const int s = std::clamp(row["score"].get<int>(), 0, 100);
    ++g.scores[static_cast<size_t>(s)];
    ++g.scored;
  }
  if (row.contains("grade") && row["grade"].is_string() && !row["grade"].get<std::string>().empty()) ++g.grades[row["grade"].get<std::string>()];
  if (row.contains("rules") && row["rules"].is_object())
    for (const auto& [id, r] : row["rules"].items()) {
      const std::string st = r.value("status", "");
      if (st != "pass" && st != "warn" && st != "fail") continue;
      auto& c = g.rules[id];
      ++c.judged;
      if (st == "pass") ++c.pass;
    }
  if (row.contains("facts") && row["facts"].is_object()) {
    ++g.audited;
    const auto& f = row["facts"];
    for (const auto& l : k_lacks) {
      const bool has = f.contains(l.fact) && truthy(f[l.fact]);
      if (l.when_zero ? !has : has) ++g.lacking[l.name];
    }
  }
}

std::string group_of(const nlohmann::json& row, const std::string& by) {
  if (by == "tld") {
    const std::string key = row.value("key", "");
    if (key.find(':') != std::string::npos || (!key.empty() && std::isdigit(static_cast<unsigned char>(key.back())))) return "(ip)";
    const auto dot = key.rfind('.');
    std::string tld = dot == std::string::npos ? key : key.substr(dot + 1);
    if (const auto colon = tld.find(':'); colon != std::string::npos) tld.resize(colon);
    return tld.empty() ? "(none)" : tld;
  }
  if (by == "language") {
    const std::string l = row.value("language", "");
    return l.empty() ? "(unknown)" : l;
  }
  if (row.contains("kept") && row["kept"].contains(by) && row["kept"][by].is_string()) {
    const std::string v = row["kept"][by].get<std::string>();
    return v.empty() ? "(empty)" : v;
  }
  return "(none)";
}

double share(size_t part, size_t whole) { return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0; }
std::string pct(double x) {
  std::ostringstream s;
  s << std::lround(x * 100) << " %";
  return s.str();
}

std::string html_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '<') o += "&lt;";
    else if (c == '>') o += "&gt;";
    else if (c == '&') o += "&amp;";
    else if (c == '"') o += "&quot;";
    else o += c;
  }
  return o;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string o = "\"";
  for (char c : s) o += c == '"' ? std::string("\"\"") : std::string(1, c);
  return o + "\"";
}

nlohmann::ordered_json group_json(const GroupSummary& g) {
  nlohmann::ordered_json j;
  j["shops"] = g.shops;
  j["statuses"] = g.statuses;
  j["scored"] = g.scored;
  nlohmann::ordered_json p;
  for (int q : {10, 25, 50, 75, 90}) p["p" + std::to_string(q)] = g.scored ? nlohmann::ordered_json(g.percentile(q / 100.0)) : nullptr;
  j["score_percentiles"] = p;
  j["grades"] = g.grades;
  nlohmann::ordered_json rules = nlohmann::ordered_json::object();
  for (const auto& [id, c] : g.rules) rules[id] = {{"pass_rate", std::round(share(c.pass, c.judged) * 1000) / 1000}, {"judged", c.judged}};
  j["rule_pass_rate"] = rules;
  nlohmann::ordered_json lacks = nlohmann::ordered_json::object();
  for (const auto& l : k_lacks) lacks[l.name] = std::round(share(g.lacking.count(l.name) ? g.lacking.at(l.name) : 0, g.audited) * 1000) / 1000;
  j["audited"] = g.audited;
  j["share_of_audited"] = lacks;
  return j;
}

std::vector<std::pair<std::string, const GroupSummary*>> rows_of(const Summary& s) {
  std::vector<std::pair<std::string, const GroupSummary*>> out{{"all", &s.all}};
  for (const auto& [name, g] : s.groups) out.emplace_back(name, &g);
  return out;
}

std::string table(const Summary& s, bool markdown) {
  std::ostringstream o;
  const auto rows = rows_of(s);
  std::vector<std::string> head = {s.by, "shops", "audited", "p10", "p50", "p90"};
  for (const auto& l : k_lacks) head.push_back(l.name);
  std::vector<size_t> width(head.size(), 0);
  auto widen = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) width[i] = std::max(width[i], cells[i].size());
  };
  auto line = [&](const std::vector<std::string>& cells) {
    if (markdown) {
      o << "|";
      for (const auto& c : cells) o << " " << c << " |";
    } else {
      for (size_t i = 0; i < cells.size(); ++i)
        o << (i ? "  " : "") << (i ? std::string(width[i] - cells[i].size(), ' ') + cells[i] : cells[i] + std::string(width[i] - cells[i].size(), ' '));
    }
    o << "\n";
  };
  std::vector<std::vector<std::string>> body;
  for (const auto& [name, g] : rows) {
    auto p = [&](double q) { return g->scored ? std::to_string(g->percentile(q)) : std::string("-"); };
    std::vector<std::string> cells = {name, std::to_string(g->shops), std::to_string(g->audited), p(0.1), p(0.5), p(0.9)};
    for (const auto& l : k_lacks) cells.push_back(pct(share(g->lacking.count(l.name) ? g->lacking.at(l.name) : 0, g->audited)));
    body.push_back(std::move(cells));
  }
  widen(head);
  for (const auto& b : body) widen(b);
  line(head);
  if (markdown) {
    std::vector<std::string> sep(head.size(), "---");
    line(sep);
  }
  for (const auto& b : body) line(b);
  o << (markdown ? "\n**Rule pass rates (all shops)**\n\n| rule | pass rate | judged |\n|---|---|---|\n" : "\nrule pass rates (all shops):\n");
  for (const auto& [id, c] : s.all.rules) {
    if (markdown) o << "| " << id << " | " << pct(share(c.pass, c.judged)) << " | " << c.judged << " |\n";
    else o << "  " << id << "  " << pct(share(c.pass, c.judged)) << "  (" << c.judged << " judged)\n";
  }
  return o.str();
}

// A horizontal bar per group: the share of audited shops lacking each thing.
std::string html(const Summary& s) {
  std::ostringstream o;
  o << "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
       "<title>amable batch summary</title><style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}"
       "table{border-collapse:collapse;margin:1rem 0}td,th{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:right}"
       "td:first-child,th:first-child{text-align:left}svg text{font:12px system-ui,sans-serif;fill:#1a1a1a}</style></head><body>";
  o << "<h1>Batch summary</h1><p>" << s.all.shops << " shops, " << s.all.audited << " audited, grouped by " << html_escape(s.by) << ".</p>";
  o << "<h2>Shares of audited shops</h2>";
  for (const auto& [name, g] : rows_of(s)) {
    o << "<h3>" << html_escape(name) << " (" << g->audited << " audited)</h3>";
    const int bar_w = 360, row_h = 22;
    o << "<svg role=\"img\" aria-label=\"shares for " << html_escape(name) << "\" width=\"" << (200 + bar_w + 60) << "\" height=\""
      << (row_h * static_cast<int>(std::size(k_lacks)) + 4) << "\">";
    int y = 0;
    for (const auto& l : k_lacks) {
      const double x = share(g->lacking.count(l.name) ? g->lacking.at(l.name) : 0, g->audited);
      o << "<text x=\"0\" y=\"" << y + 15 << "\">" << l.name << "</text><rect x=\"200\" y=\"" << y + 3 << "\" width=\""
        << std::lround(x * bar_w) << "\" height=\"" << row_h - 6 << "\" fill=\"#3465a4\"/><text x=\"" << 206 + std::lround(x * bar_w)
        << "\" y=\"" << y + 15 << "\">" << pct(x) << "</text>";
      y += row_h;
    }
    o << "</svg>";
  }
  o << "<h2>Scores</h2><table><tr><th>" << html_escape(s.by) << "</th><th>shops</th><th>p10</th><th>p25</th><th>p50</th><th>p75</th><th>p90</th></tr>";
  for (const auto& [name, g] : rows_of(s)) {
    o << "<tr><td>" << html_escape(name) << "</td><td>" << g->shops << "</td>";
    for (double q : {0.1, 0.25, 0.5, 0.75, 0.9}) o << "<td>" << (g->scored ? std::to_string(g->percentile(q)) : "-") << "</td>";
    o << "</tr>";
  }
  o << "</table><h2>Rule pass rates</h2><table><tr><th>rule</th><th>pass rate</th><th>judged</th></tr>";
  for (const auto& [id, c] : s.all.rules) o << "<tr><td>" << html_escape(id) << "</td><td>" << pct(share(c.pass, c.judged)) << "</td><td>" << c.judged << "</td></tr>";
  o << "</table></body></html>\n";
  return o.str();
}

}  // namespace

int GroupSummary::percentile(double p) const {
  if (scored == 0) return -1;
  // Nearest rank: the smallest score with at least p of the scores at or below it.
  const size_t rank = std::max<size_t>(1, static_cast<size_t>(std::ceil(p * static_cast<double>(scored))));
  size_t seen = 0;
  for (size_t s = 0; s <= 100; ++s) {
    seen += scores[s];
    if (seen >= rank) return static_cast<int>(s);
  }
  return 100;
}

std::expected<Summary, std::string> summarize_rows(const std::filesystem::path& path, const std::string& by) {
  Summary s;
  s.by = by;
  auto counted = read_rows(path, [&](const std::string& line) {
    const auto row = nlohmann::json::parse(line);
    add(s.all, row);
    add(s.groups[group_of(row, by)], row);
  });
  if (!counted) return std::unexpected(counted.error());
  s.bad_lines = counted->bad;
  return s;
}

std::string render_summary(const Summary& s, const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json j;
    j["amable_summary"] = 1;
    j["by"] = s.by;
    j["all"] = group_json(s.all);
    nlohmann::ordered_json groups = nlohmann::ordered_json::object();
    for (const auto& [name, g] : s.groups) groups[name] = group_json(g);
    j["groups"] = groups;
    return j.dump(2) + "\n";
  }
  if (format == "csv") {
    std::ostringstream o;
    o << csv_field(s.by) << ",shops,audited,p10,p25,p50,p75,p90";
    for (const auto& l : k_lacks) o << "," << csv_field(l.name);
    o << "\n";
    for (const auto& [name, g] : rows_of(s)) {
      o << csv_field(name) << "," << g->shops << "," << g->audited;
      for (double q : {0.1, 0.25, 0.5, 0.75, 0.9}) o << "," << (g->scored ? std::to_string(g->percentile(q)) : "");
      for (const auto& l : k_lacks) o << "," << std::round(share(g->lacking.count(l.name) ? g->lacking.at(l.name) : 0, g->audited) * 1000) / 1000;
      o << "\n";
    }
    return o.str();
  }
  if (format == "html") return html(s);
  return table(s, format == "markdown");
}

}  // namespace amable::batch
