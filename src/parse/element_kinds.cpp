#include "parse/element_kinds.hpp"

#include <algorithm>
#include <array>

namespace amable::parse::elements {

std::string tag_name(const GumboNode* n) {
  const GumboTag tag = n->v.element.tag;
  if (tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(tag);
  GumboStringPiece piece = n->v.element.original_tag;
  if (!piece.data || piece.length == 0) return {};
  gumbo_tag_from_original_text(&piece);
  return util::to_lower_ascii(std::string_view(piece.data, piece.length));
}

bool any_token_part(std::string_view value, std::initializer_list<std::string_view> parts) {
  bool found = false;
  for_each_token(value, [&](const std::string& tok) {
    for_each_piece(tok, "-_", [&](std::string_view part) {
      for (auto p : parts)
        if (part == p) found = true;
    });
  });
  return found;
}

bool any_token_contains(std::string_view value, const util::NeedleSet& needles) { return !value.empty() && needles.any_in(value); }

std::string squeeze_style(std::string_view style) {
  std::string s;
  for (char c : style)
    if (!util::is_ascii_space(c)) s.push_back(util::ascii_lower(c));
  return s;
}

bool is_block_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_BUTTON: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HR: case GUMBO_TAG_LABEL: case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_MARQUEE:
      return true;
    default:
      return false;
  }
}

int heading_level(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: return 0;
  }
}

// Tags recorded in Page::elements whatever their class.
bool is_notable_tag(std::string_view tag) {
  static constexpr std::array<std::string_view, 17> k_tags = {
      "video", "audio", "source", "object", "embed", "param", "iframe", "frame", "frameset",
      "bgsound", "marquee", "blink", "dialog", "canvas", "track", "applet", "details"};
  return std::find(k_tags.begin(), k_tags.end(), tag) != k_tags.end();
}

// id/class fragments that mark popups, preloaders, carousels, consent banners, chat and
// search widgets: the containers rules about clutter and self-service look for.
bool has_notable_class(std::string_view id, std::string_view cls) {
  static const util::NeedleSet k_needles({
      "popup", "pop-up", "modal", "lightbox", "newsletter", "preload", "loader", "loading",
      "splash", "intro", "overlay", "cookie", "consent", "gdpr", "carousel", "slider", "swiper",
      "slick", "owl-", "flickity", "glide", "splide", "age-gate", "agegate", "age-verif",
      "search", "buscador", "chat", "whatsapp", "onetrust", "cybotcookiebot", "cmplz",
      "cc-window", "interstitial", "welcome-mat"});
  return any_token_contains(id, k_needles) || any_token_contains(cls, k_needles);
}

// Page chrome named by id/class, for sites without semantic elements. Parts such as "card" or
// "modal" mark the header of a component, not of the page.
std::optional<Region> chrome_from_names(std::string_view id, std::string_view cls) {
  std::optional<Region> found;
  bool component = false;
  auto check = [&](std::string_view value) {
    for_each_token(value, [&](const std::string& tok) {
      for (auto part : util::split_any(tok, "-_")) {
        if (part == "card" || part == "modal" || part == "section" || part == "panel" ||
            part == "widget" || part == "product" || part == "post" || part == "entry" ||
            part == "article" || part == "table" || part == "accordion" || part == "dropdown" ||
            part == "tab" || part == "slider" || part == "carousel" || part == "page" ||
            part == "blog" || part == "sub")
          component = true;
        else if (part == "header" || part == "cabecera" || part == "masthead" || part == "topbar")
          found = found.value_or(Region::header);
        else if (part == "footer" || part == "pie" || part == "piedepagina")
          found = found.value_or(Region::footer);
        else if (part == "nav" || part == "navbar" || part == "navigation" || part == "menu" ||
                 part == "navegacion" || part == "mainmenu" || part == "menubar")
          found = found.value_or(Region::nav);
      }
    });
  };
  check(id);
  check(cls);
  if (component) return std::nullopt;
  return found;
}

bool is_guard_element(const GumboNode* n) {
  const auto itemprop = util::to_lower_ascii(attr(n, "itemprop"));
  static constexpr std::array<std::string_view, 10> k_props = {
      "sku", "gtin8", "gtin12", "gtin13", "gtin14", "mpn", "productid", "price", "pricecurrency",
      "gtin"};
  if (!itemprop.empty() && std::find(k_props.begin(), k_props.end(), itemprop) != k_props.end())
    return true;
  static const std::initializer_list<std::string_view> k_parts = {
      "sku", "ean", "ref", "price", "precio", "codigo", "order", "pedido", "gtin", "mpn",
      "isbn", "upc", "reference", "referencia", "amount", "importe"};
  return any_token_part(attr(n, "class"), k_parts) || any_token_part(attr(n, "id"), k_parts);
}

bool is_quote_element(const GumboNode* n, GumboTag tag) {
  if (tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_Q) return true;
  // Widget scripts mark the root ("<html class=reevoomark_CYS>"): the page is not a review.
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN) return false;
  const auto itemprop = util::to_lower_ascii(attr(n, "itemprop"));
  if (itemprop == "review" || itemprop == "reviewbody") return true;
  if (util::icontains(attr(n, "itemtype"), "review")) return true;
  // Review, Q&A and comment markup, and the class prefixes of review and Q&A widget vendors
  // (Bazaarvoice, Yotpo, Judge.me, Okendo, Stamped, Trustpilot, Feefo, Reevoo, Loox, Shopify
  // Product Reviews, PowerReviews, eKomi).
  static const util::NeedleSet k_needles({
      "testimonial", "review", "opinion", "resena", "reseña", "valoraci", "comentario", "comment", "qna",
      "question-answer", "questions-answers", "bv-content", "bv-cv2", "yotpo", "jdgm", "okendo", "stamped-",
      "trustpilot", "feefo", "reevoo", "loox", "spr-", "pr-rd-", "ekomi"});
  return any_token_contains(attr(n, "class"), k_needles);
}

bool is_cookie_element(const GumboNode* n) {
  static const util::NeedleSet k_needles({
      "cookie", "consent", "gdpr", "cmp-", "onetrust", "cybotcookiebot", "cmplz", "cc-window",
      "usercentrics", "didomi", "iubenda"});
  return any_token_contains(attr(n, "id"), k_needles) ||
         any_token_contains(attr(n, "class"), k_needles);
}

// True when the text under `n` is shorter than `limit` bytes (stops counting at the limit).
bool text_length_below(const GumboNode* n, size_t limit) {
  size_t total = 0;
  std::vector<const GumboNode*> todo{n};
  while (!todo.empty()) {
    const GumboNode* x = todo.back();
    todo.pop_back();
    if (x->type == GUMBO_NODE_TEXT) {
      total += std::strlen(x->v.text.text);
      if (total >= limit) return false;
    } else if (x->type == GUMBO_NODE_ELEMENT) {
      const GumboTag t = x->v.element.tag;
      if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE) continue;
      const GumboVector& c = x->v.element.children;
      for (unsigned i = 0; i < c.length; ++i) todo.push_back(static_cast<const GumboNode*>(c.data[i]));
    }
  }
  return true;
}

int parse_int(std::string_view s) {
  int v = 0;
  size_t i = 0;
  while (i < s.size() && util::is_ascii_space(s[i])) ++i;
  for (; i < s.size() && util::is_ascii_digit(s[i]) && v < 100000; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

}  // namespace amable::parse::elements
