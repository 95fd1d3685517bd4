#include <doctest/doctest.h>

#include <string>

#include "parse/encoding.hpp"
#include "parse/html_parser.hpp"
#include "util/text.hpp"

namespace parse = amable::parse;

namespace {
// "Política de devolución: 30 días" in ISO-8859-1 / windows-1252 bytes.
const std::string k_latin1_text = "Pol\xED" "tica de devoluci\xF3" "n: 30 d\xED" "as \x80 5";
const std::string k_utf8_text = "Política de devolución: 30 días € 5";
}  // namespace

TEST_CASE("encoding: declared ISO-8859-1 in <meta charset> is read as windows-1252") {
  const std::string html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>" + k_latin1_text + "</p></body></html>";
  const auto d = parse::decode_html(html);
  CHECK(d.encoding == "windows-1252");
  CHECK(d.source == "meta");
  CHECK(d.text.find(k_utf8_text) != std::string::npos);
}

TEST_CASE("encoding: http-equiv Content-Type declares windows-1252") {
  const std::string html =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>" +
      k_latin1_text + "</body></html>";
  const auto d = parse::decode_html(html);
  CHECK(d.source == "meta");
  CHECK(d.text.find(k_utf8_text) != std::string::npos);
}

TEST_CASE("encoding: the HTTP charset wins over <meta>") {
  const std::string html = "<html><head><meta charset=\"utf-8\"></head><body>" + k_latin1_text + "</body></html>";
  const auto d = parse::decode_html(html, "ISO-8859-1");
  CHECK(d.source == "http");
  CHECK(d.text.find(k_utf8_text) != std::string::npos);
}

TEST_CASE("encoding: an undeclared Latin-1 page is detected") {
  std::string body;
  for (int i = 0; i < 20; ++i)
    body += "<p>Env\xED" "o gratis en pedidos superiores a 50 euros. Devoluci\xF3" "n en 30 d\xED" "as naturales, "
            "sin preguntas. Atenci\xF3" "n al cliente de lunes a viernes.</p>";
  const auto d = parse::decode_html("<html><body>" + body + "</body></html>");
  CHECK(d.source == "detected");
  CHECK(amable::util::is_valid_utf8(d.text));
  CHECK(d.text.find("Devolución en 30 días") != std::string::npos);
}

TEST_CASE("encoding: an undeclared UTF-8 page stays UTF-8") {
  const auto d = parse::decode_html("<html><body><p>" + k_utf8_text + "</p></body></html>");
  CHECK(d.encoding == "UTF-8");
  CHECK(d.text.find(k_utf8_text) != std::string::npos);
}

TEST_CASE("encoding: a UTF-8 byte-order mark is honoured and removed") {
  const auto d = parse::decode_html("\xEF\xBB\xBF<html><head><meta charset=\"iso-8859-1\"></head><body>" + k_utf8_text + "</body></html>");
  CHECK(d.source == "bom");
  CHECK(d.text.starts_with("<html>"));
  CHECK(d.text.find(k_utf8_text) != std::string::npos);
}

TEST_CASE("encoding: a UTF-16LE byte-order mark") {
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("<p>Hola</p>")) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  const auto d = parse::decode_html(utf16);
  CHECK(d.encoding == "UTF-16LE");
  CHECK(d.text == "<p>Hola</p>");
}

TEST_CASE("encoding: invalid bytes in declared UTF-8 become U+FFFD, never an error") {
  const auto d = parse::decode_html("<html><head><meta charset=utf-8></head><body>ok \xC3\x28 \xFF end</body></html>");
  CHECK(d.had_invalid_bytes);
  CHECK(amable::util::is_valid_utf8(d.text));
  CHECK(d.text.find("ok \xEF\xBF\xBD( \xEF\xBF\xBD end") != std::string::npos);
}

TEST_CASE("encoding: an unknown charset label falls back to UTF-8 with repair") {
  const auto d = parse::decode_html("<meta charset=\"x-klingon\"><p>caf\xC3\xA9</p>");
  CHECK(d.text.find("café") != std::string::npos);
}

TEST_CASE("encoding: charset parameter of a Content-Type header") {
  CHECK(parse::charset_from_content_type("text/html; charset=ISO-8859-1") == "ISO-8859-1");
  CHECK(parse::charset_from_content_type("text/html;charset=\"utf-8\"") == "utf-8");
  CHECK(parse::charset_from_content_type("text/html") == "");
}

TEST_CASE("encoding: parse_page records the encoding it used") {
  const auto p = parse::parse_page("<html><head><meta charset=\"latin1\"></head><body><p>" + k_latin1_text + "</p></body></html>",
                                   parse::ParseInput{"a.html", "file:///a.html", ""});
  CHECK(p.encoding == "windows-1252");
  CHECK(p.encoding_source == "meta");
  REQUIRE_FALSE(p.blocks.empty());
  CHECK(p.blocks[0].text == k_utf8_text);
}

TEST_CASE("encoding: valid UTF-8 is used in place when the caller allows it; anything that changes is copied") {
  const std::string plain = "\xEF\xBB\xBF<meta charset=utf-8><p>caf\xC3\xA9</p>";
  const auto d = parse::decode_html(plain, "", parse::Copy::only_if_changed);
  CHECK(d.is_as_is);
  CHECK(d.utf8().data() == plain.data() + 3);  // the BOM is skipped, nothing copied
  CHECK(d.utf8() == parse::decode_html(plain).text);
  CHECK(d.text.empty());
  for (const std::string changed : {std::string("<p>a\0b</p>", 10), std::string("<p>ok \xC3\x28 end</p>"), std::string("<meta charset=latin1><p>caf\xE9</p>")}) {
    const auto c = parse::decode_html(changed, "", parse::Copy::only_if_changed);
    CAPTURE(changed);
    CHECK_FALSE(c.is_as_is);
    CHECK(c.utf8() == parse::decode_html(changed).text);
    CHECK(c.utf8().find('\0') == std::string_view::npos);
  }
}
