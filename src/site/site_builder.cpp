#include "site/site_builder.hpp"

#include <algorithm>
#include <climits>
#include <deque>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "parse/html_parser.hpp"
#include "site/page_classes.hpp"
#include "site/page_facts.hpp"
#include "site/phones.hpp"
#include "site/shop_profile.hpp"
#include "site/site_facts.hpp"
#include "util/text.hpp"

namespace amable::site {

SiteBuilder::SiteBuilder(std::string target, std::string kind) {
  m_site.target = std::move(target);
  m_site.kind = std::move(kind);
}

void SiteBuilder::add(model::PageRecord record, std::optional<model::PageFacts> facts) {
  if (m_site.pages.empty() && m_site.start.empty()) m_site.start = record.url;
  if (m_site.find(record.url)) return;  // read once; a second sighting adds nothing
  if (!record.error.empty()) m_site.errors.push_back({record.url, record.error});
  if (facts) {
    record.parsed = true;
    std::vector<model::LinkRef> refs;
    refs.reserve(facts->links.size());
    for (auto& l : facts->links) {
      model::LinkRef ref;
      ref.target = m_site.intern(l.target);
      ref.text = m_site.intern(util::collapse_whitespace(l.text));
      ref.selector = m_site.intern(l.selector);
      ref.region = l.region;
      ref.flags = l.flags;
      refs.push_back(ref);
    }
    record.links = model::LinkList(*m_site.link_pool, refs);
    facts->links.clear();
    facts->links.shrink_to_fit();
    // A copy, not a move: the copy is allocated by this (the main) thread, so the parse threads'
    // malloc arenas keep only short-lived data and are reused instead of growing around
    // long-lived facts (measured: peak RSS of a 10,000-page audit).
    record.facts = *facts;
  }
  m_site.pages.push_back(std::move(record));
  m_site.index_page(m_site.pages.size() - 1);
}

void SiteBuilder::set_fetch_info(model::FetchInfo info) {
  if (!info.start.empty()) m_site.start = info.start;
  m_site.fetch = std::move(info);
}

void SiteBuilder::add_alias(const std::string& from, const std::string& to) {
  if (from != to) m_site.aliases.emplace(from, to);
}

// Page index by the string id of its key and of every alias (redirected URLs).
std::unordered_map<uint32_t, size_t> SiteBuilder::page_ids() {
  std::unordered_map<uint32_t, size_t> page_of;
  for (size_t i = 0; i < m_site.pages.size(); ++i) page_of[m_site.intern(m_site.pages[i].url)] = i;
  for (const auto& [from, to] : m_site.aliases)
    if (const auto* p = m_site.find(to)) page_of[m_site.intern(from)] = m_site.index_of(*p);
  return page_of;
}

void SiteBuilder::compute_depths() {
  const auto* start = m_site.find(m_site.start);
  if (!start) return;
  const auto page_of = page_ids();
  std::deque<size_t> queue;
  const size_t s = m_site.index_of(*start);
  m_site.pages[s].depth = 0;
  queue.push_back(s);
  while (!queue.empty()) {
    const size_t i = queue.front();
    queue.pop_front();
    const int d = m_site.pages[i].depth;
    for (const auto& l : m_site.pages[i].links) {
      auto it = page_of.find(l.target);
      if (it == page_of.end()) continue;
      auto& target = m_site.pages[it->second];
      if (target.depth >= 0) continue;
      target.depth = d + 1;
      queue.push_back(it->second);
    }
  }
}

void SiteBuilder::compute_template_links() {
  size_t pages = 0;
  std::map<std::pair<uint32_t, uint32_t>, size_t> count;
  for (const auto& p : m_site.pages) {
    if (!p.ok()) continue;
    ++pages;
    std::vector<std::pair<uint32_t, uint32_t>> seen;
    for (const auto& l : p.links) seen.emplace_back(l.target, l.text);
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (const auto& k : seen) ++count[k];
  }
  // A template needs a few pages to show itself.
  if (pages < 3) return;
  for (const auto& [k, n] : count)
    if (n * 10 >= pages * 8) m_site.template_links.push_back(k);
  std::sort(m_site.template_links.begin(), m_site.template_links.end());
}

void SiteBuilder::compute_classes() {
  std::map<std::pair<uint32_t, std::string>, uint16_t> memo;
  std::vector<uint16_t> inbound(m_site.pages.size(), 0);
  const auto page_of = page_ids();
  for (size_t from = 0; from < m_site.pages.size(); ++from) {
    const auto& p = m_site.pages[from];
    for (const auto& l : p.links) {
      if (l.flags & (model::k_link_refresh | model::k_link_frame | model::k_link_cookie)) continue;
      auto it = page_of.find(l.target);
      // A link to the page itself ("Returns" jumping to a tab of a product page) does not
      // make the page a returns page.
      if (it == page_of.end() || l.text == 0 || it->second == from) continue;
      const auto key = std::make_pair(l.text, p.facts.lang);
      auto m = memo.find(key);
      if (m == memo.end()) m = memo.emplace(key, classes_from_label(m_site.str(l.text), p.facts.lang)).first;
      inbound[it->second] |= m->second;
    }
  }
  const auto* home = m_site.find(m_site.start);
  for (size_t i = 0; i < m_site.pages.size(); ++i) {
    auto& p = m_site.pages[i];
    p.classes = p.facts.own_classes | inbound[i];
    if (&p == home) p.classes |= model::k_class_home;
  }
}

void SiteBuilder::choose_key_pages() {
  for (const auto cls : model::k_key_classes) {
    long best = -1;
    auto rank = [&](const model::PageRecord& p) {
      // Own signals (URL, title, h1) beat link text alone; then fewer clicks.
      const int own = (p.facts.own_classes & cls) ? 0 : 1;
      const int depth = p.depth < 0 ? 1000 : p.depth;
      return std::make_pair(own, depth);
    };
    for (size_t i = 0; i < m_site.pages.size(); ++i) {
      const auto& p = m_site.pages[i];
      if (!p.ok() || !(p.classes & cls)) continue;
      if (best < 0 || rank(p) < rank(m_site.pages[static_cast<size_t>(best)])) best = static_cast<long>(i);
    }
    // Many shops keep returns as a section of their terms or FAQ page.
    if (best < 0 && cls == model::k_class_returns) {
      for (size_t i = 0; i < m_site.pages.size(); ++i) {
        const auto& p = m_site.pages[i];
        if (!p.ok() || !p.facts.returns.has_returns_heading) continue;
        if (p.facts.returns.terms.empty() && !p.facts.returns.window_days) continue;
        if (best < 0 || rank(p) < rank(m_site.pages[static_cast<size_t>(best)])) best = static_cast<long>(i);
      }
    }
    if (best >= 0) m_site.key_pages.emplace_back(cls, static_cast<size_t>(best));
  }
}

void SiteBuilder::choose_language() {
  std::map<std::string, size_t> votes;
  for (const auto& p : m_site.pages)
    if (p.ok() && !p.facts.lang.empty()) ++votes[p.facts.lang];
  size_t best = 0;
  for (const auto& [lang, n] : votes)
    if (n > best) {
      best = n;
      m_site.language = lang;
    }
  if (const auto* home = m_site.home(); home && home->ok() && !home->facts.lang.empty() &&
                                        votes[home->facts.lang] == best)
    m_site.language = home->facts.lang;
}

model::Site SiteBuilder::finish() {
  compute_depths();
  // A stable order whatever order pages arrived in (a concurrent crawl finishes them in any
  // order): by click depth, unlinked pages last, then by URL.
  // Sorted through an index and permuted in place: sorting the 3 KB records themselves would
  // need a buffer of half of them.
  auto& pages = m_site.pages;
  std::vector<size_t> order(pages.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&pages](size_t x, size_t y) {
    const auto &a = pages[x], &b = pages[y];
    const int da = a.depth < 0 ? INT32_MAX : a.depth, db = b.depth < 0 ? INT32_MAX : b.depth;
    return da != db ? da < db : a.url < b.url;
  });
  std::vector<bool> placed(pages.size(), false);
  for (size_t i = 0; i < pages.size(); ++i) {  // position k takes the record at order[k]
    if (placed[i]) continue;
    model::PageRecord held = std::move(pages[i]);
    for (size_t j = i;;) {
      placed[j] = true;
      const size_t k = order[j];
      if (k == i) {
        pages[j] = std::move(held);
        break;
      }
      pages[j] = std::move(pages[k]);
      j = k;
    }
  }
  m_site.reindex();
  compute_template_links();
  compute_classes();
  choose_key_pages();
  choose_language();
  size_t ok = 0, thin = 0;
  for (const auto& p : m_site.pages)
    if (p.ok()) {
      ++ok;
      if (p.facts.thin && p.rendered.empty()) ++thin;
    }
  // What a browser rendered is what a visitor sees: neither guard applies to it.
  const auto* home = m_site.home();
  m_site.thin = home && home->ok() && home->facts.thin && home->rendered.empty() && thin * 2 >= ok;
  auto assembled = [](const model::PageRecord& p) { return p.rendered.empty() && p.facts.script.chrome_by_script(); };
  for (const auto& p : m_site.pages)
    if (p.ok() && assembled(p)) ++m_site.script_chrome_pages;
  m_site.chrome_by_script = (home && home->ok() && assembled(*home)) || (ok > 0 && m_site.script_chrome_pages * 4 >= ok);
  m_site.profile = infer_profile(m_site);
  for (auto& p : m_site.pages)
    if (p.ok()) resolve_in_country(p.facts.phones, m_site.profile.country);
  compute_site_facts(m_site);
  return std::move(m_site);
}

model::Site build_site_from_html(const std::vector<std::pair<std::string, std::string>>& pages,
                                 const std::string& forced_lang) {
  SiteBuilder b(pages.empty() ? std::string() : pages.front().first, "folder");
  FactOptions opts;
  opts.forced_lang = forced_lang;
  opts.key_of = [](std::string_view u) {
    if (!u.starts_with("file:///")) return std::string(u);
    std::string key = util::percent_decode(u.substr(8, u.find_first_of("?#", 8) == std::string_view::npos
                                                          ? std::string_view::npos
                                                          : u.find_first_of("?#", 8) - 8));
    if (key.empty() || key.back() == '/') key += "index.html";
    return key;
  };
  std::map<std::string, int> depth;
  for (size_t i = 0; i < pages.size(); ++i) {
    const auto& [key, html] = pages[i];
    parse::ParseInput in{key, "file:///" + key, ""};
    const model::Page page = parse::parse_page(html, in);
    model::PageRecord rec;
    rec.url = key;
    rec.final_url = key;
    rec.status = 200;
    rec.content_type = "text/html";
    rec.bytes = html.size();
    rec.is_html = true;
    rec.via = i == 0 ? "start" : "link";
    b.add(std::move(rec), extract_facts(page, opts, i == 0));
  }
  return b.finish();
}

}  // namespace amable::site
