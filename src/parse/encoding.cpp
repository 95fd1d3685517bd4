#include "parse/encoding.hpp"

#include <iconv.h>
#include <uchardet.h>

#include <cerrno>
#include <memory>

#include "util/text.hpp"

namespace amable::parse {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";

bool starts_with_bytes(std::string_view s, std::string_view prefix) { return s.starts_with(prefix); }

// Converts with iconv; undecodable bytes become U+FFFD and decoding goes on.
bool convert(std::string_view in, const std::string& from, std::string& out, bool& invalid) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.clear();
  out.reserve(in.size() + in.size() / 4 + 16);
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  std::string buf(16384, '\0');
  while (src_left > 0) {
    char* dst = buf.data();
    size_t dst_left = buf.size();
    const size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    out.append(buf.data(), buf.size() - dst_left);
    if (r != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) continue;
    invalid = true;
    out += k_replacement;
    if (errno == EINVAL) break;  // truncated sequence at the end
    ++src;                       // EILSEQ: skip one byte and go on
    --src_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset shift state
  }
  // Flush any shift state.
  char* dst = buf.data();
  size_t dst_left = buf.size();
  iconv(cd, nullptr, nullptr, &dst, &dst_left);
  out.append(buf.data(), buf.size() - dst_left);
  iconv_close(cd);
  return true;
}

std::string detect(std::string_view bytes) {
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> ud(uchardet_new(),
                                                                                    &uchardet_delete);
  if (!ud) return {};
  const size_t n = std::min<size_t>(bytes.size(), 256 * 1024);
  uchardet_handle_data(ud.get(), bytes.data(), n);
  uchardet_data_end(ud.get());
  const char* cs = uchardet_get_charset(ud.get());
  return cs ? std::string(cs) : std::string();
}

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// Finds attr="value" (or attr=value) inside one tag's text.
std::string attribute_in_tag(std::string_view tag, std::string_view name) {
  for (size_t p = 0; p < tag.size();) {
    const auto lower = util::to_lower_ascii(tag.substr(p));
    const size_t at = lower.find(name);
    if (at == std::string::npos) return {};
    size_t i = p + at + name.size();
    const bool boundary = (p + at == 0) || util::is_ascii_space(tag[p + at - 1]);
    while (i < tag.size() && util::is_ascii_space(tag[i])) ++i;
    if (!boundary || i >= tag.size() || tag[i] != '=') {
      p = p + at + 1;
      continue;
    }
    ++i;
    while (i < tag.size() && util::is_ascii_space(tag[i])) ++i;
    if (i >= tag.size()) return {};
    if (tag[i] == '"' || tag[i] == '\'') {
      const char q = tag[i++];
      const size_t end = tag.find(q, i);
      return std::string(tag.substr(i, (end == std::string_view::npos ? tag.size() : end) - i));
    }
    size_t end = i;
    while (end < tag.size() && !util::is_ascii_space(tag[end]) && tag[end] != '>') ++end;
    return std::string(tag.substr(i, end - i));
  }
  return {};
}

}  // namespace

std::string charset_from_content_type(std::string_view content_type) {
  const std::string lower = util::to_lower_ascii(content_type);
  const size_t at = lower.find("charset");
  if (at == std::string::npos) return {};
  size_t i = at + 7;
  while (i < lower.size() && util::is_ascii_space(lower[i])) ++i;
  if (i >= lower.size() || lower[i] != '=') return {};
  ++i;
  while (i < lower.size() && util::is_ascii_space(lower[i])) ++i;
  if (i < lower.size() && (lower[i] == '"' || lower[i] == '\'')) ++i;
  size_t end = i;
  while (end < lower.size() && !util::is_ascii_space(lower[end]) && lower[end] != ';' &&
         lower[end] != '"' && lower[end] != '\'')
    ++end;
  return std::string(content_type.substr(i, end - i));
}

std::string prescan_meta_charset(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, std::min<size_t>(bytes.size(), 4096));
  for (size_t p = 0;;) {
    size_t lt = head.find('<', p);
    if (lt == std::string_view::npos || lt + 5 > head.size()) return {};
    if (head.substr(lt, 4) == "<!--") {  // skip comments, which may hold stale meta tags
      const size_t end = head.find("-->", lt + 4);
      if (end == std::string_view::npos) return {};
      p = end + 3;
      continue;
    }
    if (!util::iequals(head.substr(lt, 5), "<meta")) {
      p = lt + 1;
      continue;
    }
    const size_t gt = head.find('>', lt);
    const std::string_view tag = head.substr(lt + 5, (gt == std::string_view::npos ? head.size() : gt) - lt - 5);
    if (auto cs = attribute_in_tag(tag, "charset"); !cs.empty()) return std::string(util::trim(cs));
    if (util::iequals(attribute_in_tag(tag, "http-equiv"), "content-type"))
      if (auto cs = charset_from_content_type(attribute_in_tag(tag, "content")); !cs.empty())
        return cs;
    if (gt == std::string_view::npos) return {};
    p = gt + 1;
  }
}

std::string canonical_encoding(std::string_view label_in) {
  const std::string label = util::to_lower_ascii(util::trim(label_in));
  if (label.empty()) return {};
  // WHATWG Encoding: these labels all mean windows-1252.
  static constexpr std::string_view k_1252[] = {
      "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
      "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
      "us-ascii", "windows-1252", "x-cp1252"};
  for (auto l : k_1252)
    if (label == l) return "windows-1252";
  if (label == "utf8" || label == "utf-8" || label == "unicode-1-1-utf-8" ||
      label == "x-unicode20utf8")
    return "UTF-8";
  if (label == "gb2312" || label == "gbk" || label == "x-gbk" || label == "chinese") return "GBK";
  if (label == "iso-8859-9" || label == "latin5" || label == "windows-1254") return "windows-1254";
  if (label == "tis-620" || label == "iso-8859-11") return "windows-874";
  // Anything else is passed to iconv as written; convert() reports whether it knows it.
  return util::to_lower_ascii(label);
}

Decoded decode_html(std::string_view bytes, std::string_view http_charset, Copy copy) {
  Decoded d;
  std::string_view body = bytes;
  std::string encoding;
  if (starts_with_bytes(body, "\xEF\xBB\xBF")) {
    body.remove_prefix(3);
    encoding = "UTF-8";
    d.source = "bom";
  } else if (starts_with_bytes(body, "\xFE\xFF")) {
    body.remove_prefix(2);
    encoding = "UTF-16BE";
    d.source = "bom";
  } else if (starts_with_bytes(body, "\xFF\xFE")) {
    body.remove_prefix(2);
    encoding = "UTF-16LE";
    d.source = "bom";
  }
  if (encoding.empty() && !http_charset.empty()) {
    encoding = canonical_encoding(http_charset);
    d.source = "http";
  }
  if (encoding.empty()) {
    encoding = canonical_encoding(prescan_meta_charset(body));
    // A <meta> cannot truthfully declare UTF-16 in a byte-oriented prescan (HTML spec).
    if (encoding.starts_with("utf-16")) encoding = "UTF-8";
    if (!encoding.empty()) d.source = "meta";
  }
  if (encoding.empty()) {
    if (is_ascii(body) || util::is_valid_utf8(body)) {
      encoding = "UTF-8";
      d.source = "default";
    } else {
      encoding = canonical_encoding(detect(body));
      d.source = "detected";
      if (encoding.empty() || encoding == "ascii") encoding = "windows-1252";
    }
  }

  if (encoding == "UTF-8") {
    if (util::is_valid_utf8(body)) {
      if (copy == Copy::only_if_changed && body.find('\0') == std::string_view::npos) {
        d.as_is = body;
        d.is_as_is = true;
        d.encoding = encoding;
        return d;
      }
      d.text.assign(body);
    } else {
      d.text = util::repair_utf8(body);
      d.had_invalid_bytes = true;
    }
  } else if (!convert(body, encoding, d.text, d.had_invalid_bytes)) {
    // An encoding iconv does not know: read the bytes as UTF-8, repairing what is not.
    d.had_invalid_bytes = !util::is_valid_utf8(body);
    d.text = d.had_invalid_bytes ? util::repair_utf8(body) : std::string(body);
    encoding = "UTF-8";
    d.source = "default";
  }
  // NUL bytes would cut C strings downstream (Gumbo reads them as U+FFFD anyway).
  for (size_t at = d.text.find('\0'); at != std::string::npos; at = d.text.find('\0', at + 1)) d.text[at] = ' ';
  d.encoding = encoding;
  return d;
}

}  // namespace amable::parse
