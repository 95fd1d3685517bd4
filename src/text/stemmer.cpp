#include "text/stemmer.hpp"

#include <libstemmer.h>

#include <map>
#include <memory>

namespace amable::text {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};
using StemmerPtr = std::unique_ptr<sb_stemmer, StemmerDeleter>;

const char* algorithm_for(std::string_view lang) {
  if (lang == "en") return "english";
  if (lang == "es") return "spanish";
  if (lang == "fr") return "french";
  if (lang == "de") return "german";
  if (lang == "it") return "italian";
  if (lang == "pt") return "portuguese";
  return nullptr;
}

// sb_stemmer keeps state between calls, so each thread has its own.
sb_stemmer* stemmer_for(std::string_view lang) {
  thread_local std::map<std::string, StemmerPtr, std::less<>> stemmers;
  if (auto it = stemmers.find(lang); it != stemmers.end()) return it->second.get();
  const char* algorithm = algorithm_for(lang);
  StemmerPtr s(algorithm ? sb_stemmer_new(algorithm, "UTF_8") : nullptr);
  auto* raw = s.get();
  stemmers.emplace(std::string(lang), std::move(s));
  return raw;
}

}  // namespace

std::string stem(std::string_view lower_word, std::string_view lang) {
  sb_stemmer* s = stemmer_for(lang);
  if (!s) return std::string(lower_word);
  const sb_symbol* out = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(lower_word.data()),
                                         static_cast<int>(lower_word.size()));
  if (!out) return std::string(lower_word);
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(s)));
}

}  // namespace amable::text
