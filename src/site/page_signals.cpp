// Structural signals of one page: contact access (R6), privacy text and consent (R10),
// transport security (R11), self-service tools (R16) and what the page says it is for (R13).
#include "site/page_signals.hpp"

#include <algorithm>

#include "site/page_classes.hpp"
#include "site/snippet.hpp"
#include "text/lexicon.hpp"
#include "text/tokens.hpp"
#include "util/memo.hpp"
#include "util/needles.hpp"
#include "util/url_plain.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace amable::site {
namespace {

// The label names the thing: the phrase covers most of a short text.
bool label_is(const text::PhraseSet& set, const text::Tokens& t, std::string_view lang, size_t slack = 3) {
  if (t.empty() || t.size() > 8) return false;
  for (const auto& m : set.find_all(t, lang))
    if (t.size() <= m.count + slack) return true;
  return false;
}

bool path_has_slug(std::string_view url, const text::PhraseSet& slugs) {
  std::string path;
  if (const auto plain = url::plain_path(url)) {  // most links: no libcurl parse
    path = *plain;
  } else {
    auto p = url::parse(url);
    path = p ? p->path + (p->query.empty() ? "" : "/" + p->query) : std::string(url);
  }
  for (auto seg : util::split_any(path, "/?&=")) {
    std::string_view s = seg;
    if (const auto dot = s.rfind('.'); dot != std::string_view::npos && dot > 0) s = s.substr(0, dot);
    text::Tokens t(s);
    if (t.empty()) continue;
    for (const auto& m : slugs.find_all(t, "*"))
      if (t.size() <= m.count + 1) return true;
  }
  return false;
}

bool is_http(std::string_view u) { return util::istarts_with(u, "http:"); }

}  // namespace

model::ContactAccess find_contact_access(const model::Page& page, std::string_view lang, bool chat_widget) {
  model::ContactAccess c;
  const auto& lex = text::lexicon("contact-page");
  const auto& links = lex.phrases("link", lang);
  const auto& slugs = lex.phrases("slug", "*");
  const auto& negative = text::lexicon("key-pages").phrases("not-contact", lang);
  int chrome_index = 0;
  for (const auto& l : page.links) {
    if (l.hidden || (l.block_flags & model::k_block_cookie)) continue;
    const bool chrome = model::is_chrome(l.region);
    const bool channel = util::istarts_with(l.href, "mailto:") || util::istarts_with(l.href, "tel:");
    const std::string& label = l.text.empty() ? l.label : l.text;
    // The same nav and footer links come on every page: judged once per thread.
    thread_local util::Memo<bool> judged;
    thread_local std::string key;
    key.assign(lang).append("\x1F").append(label).append("\x1F").append(l.url);
    const bool contact =
        !channel && judged.get(key, [&] {
          return !negative.matches(label, lang) &&
                 (label_is(links, *text::TokensOf(label), lang) || (!l.url.empty() && path_has_slug(l.url, slugs) && label.size() < 40));
        });
    if (chrome && (channel || contact) && c.ordinal < 0) c.ordinal = chrome_index;
    if (chrome) ++chrome_index;
    if (chrome && channel) c.channel_in_chrome = true;
    if (contact && !c.contact_link) {
      c.contact_link = true;
      c.contact_target = l.url;
      c.where = model::Evidence{page.url, l.selector, snippet_of(label), l.region, l.zone};
    }
  }
  if (chat_widget) c.channel_in_chrome = true;  // a chat bubble is on every screen
  return c;
}

model::PrivacyFacts find_privacy(const model::Page& page, std::string_view lang) {
  model::PrivacyFacts f;
  const auto& lex = text::lexicon("privacy-policy");
  static constexpr std::string_view k_items[] = {"controller", "purposes", "legal-basis", "rights", "retention", "authority"};
  std::vector<std::pair<std::string_view, const text::PhraseSet*>> items;  // the items not found yet
  for (auto item : k_items) items.emplace_back(item, &lex.phrases(item, lang));
  // "[Company name]", "[email]": template text left in place; "xxxx" as it is.
  std::vector<std::string> placeholders;
  for (const auto& ph : lex.lines("placeholders", lang)) placeholders.push_back(ph == "xxxx" ? ph : "[" + ph + "]");
  for (const auto& b : page.blocks) {
    if (!b.visible()) continue;
    const text::TokensOf tokens_of_b(b.text);
    const text::Tokens& t = *tokens_of_b;
    std::erase_if(items, [&](const auto& item) {
      if (!item.second->matches(t, lang)) return false;
      f.items.emplace_back(item.first);
      return true;
    });
    // (a plain loop: find_first_of calls memchr once per byte of the text)
    if (!f.placeholder && std::any_of(b.text.begin(), b.text.end(), [](char c) { return c == '[' || c == 'x' || c == 'X'; }))
      for (const auto& ph : placeholders)
        if (util::icontains(b.text, ph)) {
          f.placeholder = true;
          f.placeholder_where = model::Evidence{page.url, b.selector, snippet_of(b.text), b.region, b.zone};
          break;
        }
  }
  // Forms that take an e-mail address, and whether they point to the privacy policy.
  const auto& consent = lex.phrases("consent", lang);
  const auto& privacy_links = text::lexicon("key-pages").phrases("privacy", lang);
  for (size_t i = 0; i < page.forms.size(); ++i) {
    const auto& form = page.forms[i];
    const bool email = std::any_of(form.fields.begin(), form.fields.end(), [](const auto& fld) {
      return fld.type == "email" || util::icontains(fld.name, "mail") || util::icontains(fld.name, "correo");
    });
    if (!email) continue;
    ++f.email_forms;
    bool ok = consent.matches(form.text, lang);
    for (const auto& fld : form.fields) ok = ok || (fld.type == "checkbox" && consent.matches(fld.label, lang));
    for (const auto& l : page.links) ok = ok || (l.form == static_cast<int16_t>(i) && privacy_links.matches(*text::TokensOf(l.text), lang));
    if (ok) ++f.email_forms_with_consent;
  }
  return f;
}

model::SecurityFacts find_security(const model::Page& page) {
  model::SecurityFacts f;
  // Pages read from disk count as HTTPS: a built site's http: resources will be mixed content
  // once it is served securely. Pages served over plain HTTP have no mixed content to speak of.
  const bool https = !util::istarts_with(page.url, "http:");
  f.upgrade_insecure = util::icontains(page.csp, "upgrade-insecure-requests");
  // At most k_kept examples of each kind a page: the https rule shows three over the whole site
  // and needs only to know that there is one (a page with an http: URL in every card must not
  // keep hundreds of evidence texts until the report).
  constexpr size_t k_kept = 20;
  auto active = [&](std::string_view what, std::string_view url, const std::string& selector) {
    if (https && is_http(url) && f.mixed_active.size() < k_kept)
      f.mixed_active.push_back(model::Evidence{page.url, selector, std::string(what) + " " + std::string(url), model::Region::main});
  };
  for (const auto& s : page.scripts)
    if (!s.src.empty()) active("script", s.src, "script[src]");
  for (const auto& l : page.head_links)
    if (l.rel.find("stylesheet") != std::string::npos) active("stylesheet", l.href, "link[rel=stylesheet]");
  for (const auto& e : page.elements) {
    if (e.tag == "iframe" || e.tag == "frame") active(e.tag, e.attr("src"), e.selector);
    if (e.tag == "object") active("object", e.attr("data"), e.selector);
    if ((e.tag == "video" || e.tag == "audio" || e.tag == "source" || e.tag == "embed") && https && is_http(e.attr("src")) &&
        f.mixed_passive.size() < k_kept)
      f.mixed_passive.push_back(model::Evidence{page.url, e.selector, e.tag + " " + std::string(e.attr("src")), e.region});
  }
  for (const auto& img : page.images)
    if (https && is_http(img.src) && f.mixed_passive.size() < k_kept)
      f.mixed_passive.push_back(model::Evidence{page.url, "img", "img " + img.src, img.region});
  for (const auto& form : page.forms) {
    if (form.method == "none") continue;
    if (is_http(form.action)) {
      f.form_posts_http = true;
      // Mixed content only on a page that is itself secure (or will be, from disk): on a
      // plain-HTTP page every form posts over http: and its evidence would be kept for nothing.
      if (https && f.mixed_active.size() < k_kept)
        f.mixed_active.push_back(model::Evidence{page.url, form.selector, "form action " + form.action, form.region});
    }
    for (const auto& fld : form.fields) {
      if (fld.type == "password") f.password_field = true;
      if (util::icontains(fld.autocomplete, "cc-number")) f.card_field = true;
    }
  }
  return f;
}

model::SelfServiceFacts find_self_service(const model::Page& page, std::string_view lang,
                                          const model::StructuredFacts& sd, bool chat_widget, std::string_view script_search_vendor) {
  model::SelfServiceFacts f;
  const auto& lex = text::lexicon("self-service");
  const auto& search_words = lex.phrases("search", lang);
  // Search: a search form or box, SearchAction, OpenSearch, or a search service's script.
  for (const auto& form : page.forms) {
    const bool role = form.role == "search";
    const bool action = util::icontains(form.action, "/search") || util::icontains(form.action, "/buscar") ||
                        util::icontains(form.action, "/busqueda") || util::icontains(form.action, "catalogsearch") ||
                        util::icontains(form.action, "controller=search") || util::icontains(form.action, "?s=");
    for (const auto& fld : form.fields) {
      static constexpr std::string_view k_names[] = {"q", "s", "search", "query", "keyword", "keywords", "k", "term",
                                                     "search_query", "buscar", "busqueda", "b"};
      const std::string name = util::to_lower_ascii(fld.name);
      const bool named = std::find(std::begin(k_names), std::end(k_names), name) != std::end(k_names);
      if (fld.type == "search" || (role && fld.tag == "input") || (named && (action || search_words.matches(fld.placeholder, lang))) ||
          (fld.tag == "input" && search_words.matches(fld.placeholder, lang) && fld.type != "email")) {
        f.search = true;
        f.search_how = "search box";
      }
    }
  }
  if (!f.search && sd.search_action) {
    f.search = true;
    f.search_how = "SearchAction structured data";
  }
  for (const auto& l : page.head_links)
    if (!f.search && l.rel == "search" && util::icontains(l.type, "opensearch")) {
      f.search = true;
      f.search_how = "OpenSearch description";
    }
  if (!f.search && !script_search_vendor.empty()) {
    f.search = true;
    f.search_how = script_search_vendor;
  }

  // Compare: sorting and filters on listings, compare links.
  const auto& compare = lex.phrases("compare", lang);
  for (const auto& form : page.forms) {
    size_t boxes = 0;
    for (const auto& fld : form.fields) {
      const std::string n = util::to_lower_ascii(fld.name + " " + fld.id);
      if (fld.tag == "select" && (n.find("sort") != std::string::npos || n.find("order") != std::string::npos ||
                                  n.find("orden") != std::string::npos))
        f.sort_or_filter = true;
      if (fld.type == "checkbox") ++boxes;
    }
    if (boxes >= 3) f.sort_or_filter = true;
  }
  // Filter and sort parameters in listing links, case-blind, in one scan of each URL.
  static const util::NeedleSet filter_urls({"?filter", "?f=", "&price=", "pa_", "?talla=", "?color=", "?sort", "orderby="});
  for (const auto& l : page.links) {
    if (l.hidden) continue;
    if (filter_urls.any_in(l.url)) f.sort_or_filter = true;
    if (label_is(compare, *text::TokensOf(l.text), lang, 2)) {
      if (util::icontains(l.text, "compar")) f.compare = true;
      else f.sort_or_filter = true;
    }
  }

  // Ask: FAQ and help, FAQPage data, question headings, accordions, chat.
  const auto& faq = lex.phrases("faq", lang);
  for (const auto& l : page.links)
    if (!l.hidden && label_is(faq, *text::TokensOf(l.text), lang)) f.faq_link = true;
  f.faq_structured = sd.faq_page;
  for (const auto& h : page.headings) {
    if (h.level < 2 || h.level > 4) continue;
    const auto t = util::trim(h.text);
    if (t.ends_with("?") || t.starts_with("\xC2\xBF")) ++f.question_headings;
  }
  for (const auto& e : page.elements)
    if (e.tag == "details") f.accordions = true;
  (void)chat_widget;

  // Complain: complaint routes, ADR statements, complaint books; the closed EU ODR platform.
  const auto& complain = lex.phrases("complain", lang);
  static const util::NeedleSet odr_hosts(text::lexicon("widgets").lines("odr", "any"));
  for (const auto& l : page.links) {
    if (l.hidden) continue;
    if (odr_hosts.any_in(l.url)) f.odr_link = true;
    if (!f.complain && label_is(complain, *text::TokensOf(l.text), lang, 3)) {
      f.complain = true;
      f.complain_where = model::Evidence{page.url, l.selector, snippet_of(l.text), l.region, l.zone};
    }
  }
  if (!f.complain)
    for (const auto& b : page.blocks) {
      if (!b.visible() || b.has(model::k_block_cookie)) continue;
      const text::TokensOf tokens_of_b(b.text);
      const text::Tokens& t = *tokens_of_b;
      const auto m = complain.find_first(t, lang);
      // A named complaint channel ("hojas de reclamaciones", "dispute resolution"), not the word alone.
      if (m && m->count >= 2) {
        f.complain = true;
        f.complain_where = model::Evidence{page.url, b.selector, snippet_around(b.text, t.begin(m->first), t.end(m->first + m->count - 1)), b.region, b.zone};
        break;
      }
    }
  for (const auto& form : page.forms)
    for (const auto& fld : form.fields)
      for (const auto& o : fld.options)
        if (complain.matches(o, lang) || util::icontains(o, "queja") || util::icontains(o, "reclam") || util::icontains(o, "complaint"))
          f.complaint_subject = true;
  return f;
}

model::PurposeFacts find_purpose(const model::Page& page, std::string_view lang, const model::StructuredFacts& sd,
                                 bool start_page) {
  model::PurposeFacts f;
  for (const auto& h : page.headings)
    if (h.level == 1) ++f.h1_count;
  std::string intro;
  size_t words = 0;
  for (const auto& b : page.blocks) {
    if (!b.visible() || model::is_chrome(b.region) || b.has(model::k_block_link) || b.has(model::k_block_cookie)) continue;
    for (auto w : util::split_any(b.text, " \n")) {
      if (words++ >= 80) break;
      intro += std::string(w) + " ";
    }
    if (words >= 80) break;
  }
  const std::string_view opening = util::trim(intro);
  // Only the home page's opening words and menu are judged later (clear-purpose), and an audit
  // keeps the facts of every page: the others' opening is read here and not kept.
  if (start_page) {
    f.intro = opening;
    for (const auto& l : page.links)
      if (!l.text.empty() && (l.region == model::Region::nav || l.region == model::Region::header) && f.nav_labels.size() < 60)
        f.nav_labels.push_back(util::truncate_chars(l.text, 60));
  }
  f.product_names = sd.product_names;
  f.og_description = page.meta("og:description");
  const auto& lex = text::lexicon("clear-purpose");
  std::string h1;
  for (const auto& h : page.headings)
    if (h.level == 1) h1 += h.text + " ";
  const std::string opener = h1 + " " + std::string(opening.substr(0, 200)),
                    claims = page.title + " " + h1 + " " + std::string(opening) + " " + page.meta_description;
  f.maker_opener = lex.phrases("maker-openers", lang).matches(std::string_view(opener), lang);
  f.benefit = lex.phrases("benefits", lang).matches(std::string_view(claims), lang);
  return f;
}

}  // namespace amable::site
