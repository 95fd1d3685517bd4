#pragma once
// Word tokens of a text, each with its byte range in the source and its folded form, so that
// a match on folded words can quote the original text exactly.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace amable::text {

class Tokens {
 public:
  Tokens() = default;
  // `source` must outlive this object.
  explicit Tokens(std::string_view source);

  size_t size() const { return m_tokens.size(); }
  bool empty() const { return m_tokens.empty(); }
  std::string_view source() const { return m_source; }
  // Case- and accent-folded form: "devolución" -> "devolucion".
  std::string_view folded(size_t i) const;
  // The token as written in the source.
  std::string_view original(size_t i) const;
  size_t begin(size_t i) const { return m_tokens[i].begin; }
  size_t end(size_t i) const { return m_tokens[i].end; }
  // Snowball stem in `lang`, computed on first use.
  std::string_view stem(size_t i, std::string_view lang) const;
  // True when the original token starts with an upper-case letter.
  bool capitalised(size_t i) const;

 private:
  struct Token {
    uint32_t begin, end;    // in m_source
    uint32_t fbegin, flen;  // in m_folded
  };
  std::string_view m_source;
  std::vector<Token> m_tokens;
  std::string m_folded;
  mutable std::string m_stem_lang;
  mutable std::vector<std::string> m_stems;
};

// Folded words of a phrase, tokenized exactly as text is: "Política de devolución" ->
// {"politica", "de", "devolucion"}.
std::vector<std::string> folded_words(std::string_view phrase);

}  // namespace amable::text
