#include "fetch/start_page.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <vector>

#include "util/text.hpp"

namespace amable::fetch {
namespace fs = std::filesystem;

namespace {

// Home page names, most conventional first: Apache's and nginx's DirectoryIndex (index.html,
// index.php), IIS's default documents (default.htm, default.asp, index.htm), then names sites
// give their home page by hand.
constexpr const char* k_home_names[] = {
    "index.html", "index.htm",   "index.xhtml", "index.shtml", "index.php", "default.html", "default.htm",
    "default.asp", "default.aspx", "index.asp", "index.aspx",  "home.html", "home.htm",     "inicio.html",
    "inicio.htm",  "main.html",    "main.htm",  "start.html",  "start.htm", "welcome.html", "welcome.htm"};

bool is_page_file(const fs::path& p) {
  const std::string ext = util::to_lower_ascii(p.extension().string());
  return ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml" || ext == ".php" || ext == ".asp" ||
         ext == ".aspx";
}

// The href and src targets in the first 256 KB of a page: enough for its menus. A scan, not a
// parse: this only ranks candidates, and the page is parsed properly when it is read.
std::vector<std::string> link_targets(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string body(256 << 10, '\0');
  in.read(body.data(), static_cast<std::streamsize>(body.size()));
  body.resize(static_cast<size_t>(in.gcount()));
  const std::string lower = util::to_lower_ascii(body);
  std::vector<std::string> out;
  for (std::string_view attr : {"href", "src"}) {
    for (size_t p = lower.find(attr); p != std::string::npos; p = lower.find(attr, p + attr.size())) {
      size_t i = p + attr.size();
      while (i < body.size() && util::is_ascii_space(body[i])) ++i;
      if (i >= body.size() || body[i] != '=') continue;
      ++i;
      while (i < body.size() && util::is_ascii_space(body[i])) ++i;
      const char quote = i < body.size() && (body[i] == '"' || body[i] == '\'') ? body[i++] : '\0';
      size_t end = i;
      while (end < body.size() && (quote ? body[end] != quote : !util::is_ascii_space(body[end]) && body[end] != '>')) ++end;
      std::string target = body.substr(i, end - i);
      target = target.substr(0, target.find_first_of("?#"));
      if (!target.empty()) out.push_back(util::percent_decode(target));
    }
  }
  return out;
}

}  // namespace

std::expected<StartPage, std::string> choose_start_page(const fs::path& root) {
  // Conventional names, whatever their case (Index.HTML on a site copied from Windows).
  std::map<std::string, std::string> top;  // lower-case name -> name
  std::error_code ec;
  std::vector<fs::path> pages;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end && top.size() < 100000; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string name = it->path().filename().string();
    top.emplace(util::to_lower_ascii(name), name);
    if (is_page_file(it->path()) && pages.size() < 2000) pages.push_back(it->path());
  }
  for (const char* name : k_home_names)
    if (auto it = top.find(name); it != top.end())
      return StartPage{it->second, it->second == "index.html" ? model::Message{} : model::Message{"note/start-page", {{"page", it->second}}}};
  if (pages.empty()) return std::unexpected(root.string() + ": no web page (.html, .htm, .php...) to start from");

  // A bag of pages: the one most other pages link to.
  std::map<std::string, std::set<std::string>> linked_from;
  for (const auto& page : pages) {
    const std::string self = page.filename().string();
    for (auto target : link_targets(page)) {
      if (target.starts_with("./")) target = target.substr(2);
      if (target.starts_with("/")) target = target.substr(1);
      if (target.find("://") != std::string::npos || target.find('/') != std::string::npos || target == self) continue;
      if (auto it = top.find(util::to_lower_ascii(target)); it != top.end()) linked_from[it->second].insert(self);
    }
  }
  std::sort(pages.begin(), pages.end());
  std::string best = pages.front().filename().string();
  size_t best_links = 0;
  for (const auto& page : pages) {
    const std::string name = page.filename().string();
    const size_t n = linked_from[name].size();
    if (n > best_links) {
      best = name;
      best_links = n;
    }
  }
  return StartPage{best, best_links > 0 ? model::Message{"note/start-most-linked", {{"page", best}, {"links", best_links}}}
                                        : model::Message{"note/start-first", {{"page", best}}}};
}

}  // namespace amable::fetch
