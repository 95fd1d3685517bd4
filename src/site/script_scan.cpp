#include "site/script_scan.hpp"

#include <algorithm>
#include <string_view>

#include "text/lexicon.hpp"
#include "util/text.hpp"

namespace amable::site {
namespace {

// Case-sensitive words, found case-blind by the scan and confirmed with an exact search.
constexpr std::string_view k_inject_apis[] = {"innerHTML", "insertAdjacentHTML", "document.write", ".load(", "fetch(", "XMLHttpRequest", "appendChild"};
constexpr std::string_view k_email[] = {"mailto:"};  // and '@' or "@": assembled_at()
constexpr std::string_view k_autoplay[] = {"autoplay: true", "autoplay:true"};

struct Needles {
  std::vector<std::string> chat, search;  // from the widgets lexicon, in its order
  size_t search_at = 0, apis = 0, email = 0, autoplay = 0;  // where each group starts in `all`
  std::vector<std::string> all;
  util::NeedleSet set{{}};
};

const Needles& needles() {
  static const Needles built = [] {
    Needles n;
    n.chat = text::lexicon("widgets").lines("chat", "any");
    n.search = text::lexicon("widgets").lines("search", "any");
    n.all = n.chat;
    n.search_at = n.all.size();
    n.all.insert(n.all.end(), n.search.begin(), n.search.end());
    n.apis = n.all.size();
    n.all.insert(n.all.end(), std::begin(k_inject_apis), std::end(k_inject_apis));
    n.email = n.all.size();
    n.all.insert(n.all.end(), std::begin(k_email), std::end(k_email));
    n.autoplay = n.all.size();
    n.all.insert(n.all.end(), std::begin(k_autoplay), std::end(k_autoplay));
    n.set = util::NeedleSet(n.all);
    return n;
  }();
  return built;
}

// The first of needles [from, to) found, in list order, or "".
std::string first_found(const std::vector<bool>& found, const Needles& n, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i)
    if (found[i]) return n.all[i];
  return {};
}

// True when one of needles [from, to) found case-blind is in `text` as written.
bool exact_any(const std::vector<bool>& found, const Needles& n, size_t from, size_t to, std::string_view text) {
  for (size_t i = from; i < to; ++i)
    if (found[i] && text.find(n.all[i]) != std::string_view::npos) return true;
  return false;
}

// An '@' put together in code: '@' or "@". Found by memchr apart from the needles: '@' is
// rare in script text, and three-byte needles would slow the scan of every byte.
bool assembled_at(std::string_view text) {
  for (size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1))
    if (at > 0 && at + 1 < text.size() && (text[at - 1] == '\'' || text[at - 1] == '"') && text[at + 1] == text[at - 1]) return true;
  return false;
}

}  // namespace

const util::NeedleSet& chat_hosts() {
  static const util::NeedleSet hosts(needles().chat);
  return hosts;
}

ScriptScan scan_scripts(const model::Page& page) {
  const Needles& n = needles();
  static const util::NeedleSet search_only(n.search);
  ScriptScan out;
  for (const auto& s : page.scripts) {
    const bool code = !util::icontains(s.type, "json") && !util::icontains(s.type, "template");
    if (!s.src.empty()) {
      if (const std::string* vendor = out.chat_vendor.empty() ? chat_hosts().first_in_list(s.src) : nullptr) out.chat_vendor = *vendor;
      if (const std::string* vendor = out.search_vendor.empty() ? search_only.first_in_list(s.src) : nullptr) out.search_vendor = *vendor;
    }
    if (s.content.empty()) continue;
    const std::vector<bool> found = n.set.all_in(s.content);
    if (s.src.empty()) {
      if (out.chat_vendor.empty() && s.content.size() < (64u << 10)) out.chat_vendor = first_found(found, n, 0, n.search_at);
      if (out.search_vendor.empty()) out.search_vendor = first_found(found, n, n.search_at, n.apis);
    }
    if (code) out.injects = out.injects || exact_any(found, n, n.apis, n.email, s.content);
    out.email = out.email || exact_any(found, n, n.email, n.autoplay, s.content) || assembled_at(s.content);
    out.autoplay = out.autoplay || exact_any(found, n, n.autoplay, n.all.size(), s.content);
  }
  return out;
}

}  // namespace amable::site
