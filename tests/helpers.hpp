#pragma once
// Shared test helpers: temporary folders, running the built binary, the shared corpus.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "model/report.hpp"
#include "model/site.hpp"
#include "site/site_builder.hpp"

namespace amable::test {

namespace fs = std::filesystem;

inline fs::path source_dir() { return AMABLE_SOURCE_DIR; }
inline fs::path amable_binary() { return AMABLE_BINARY; }

// ../shared/corpus beside the project's root, when it is there.
inline std::optional<fs::path> corpus_dir() {
  const fs::path p = source_dir().parent_path() / "shared" / "corpus";
  if (fs::exists(p / "MANIFEST.tsv")) return p;
  return std::nullopt;
}
// Every .html/.htm file under the corpus (empty when it is absent).
inline std::vector<fs::path> corpus_html_pages() {
  std::vector<fs::path> out;
  const auto corpus = corpus_dir();
  if (!corpus) return out;
  for (const auto& entry : fs::recursive_directory_iterator(*corpus)) {
    const auto ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".html" || ext == ".htm")) out.push_back(entry.path());
  }
  return out;
}
// The text of every block of every corpus page, parsed as amable parses it (empty when the
// corpus is absent): what the tests that compare a fast path with a plain one run over.
std::vector<std::string> corpus_block_texts();
inline std::optional<fs::path> conformance_dir() {
  const fs::path p = source_dir().parent_path() / "shared" / "conformance";
  if (fs::exists(p)) return p;
  return std::nullopt;
}

inline std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file(const fs::path& p, std::string_view content) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << content;
}

// A fresh folder under the system temp dir, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "amable-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    m_path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return m_path; }
  fs::path operator/(const std::string& s) const { return m_path / s; }

 private:
  fs::path m_path;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
  long max_rss_kb = 0;  // peak resident memory of the child
  int killed_by = 0;    // the signal that ended it, if one did
};

// A signal sent to the child some time after it started.
struct Interrupt {
  int signal = 0;
  std::chrono::milliseconds after{0};
};

// Runs the built `amable` with `args` (shell-quoted here), capturing stdout and stderr.
RunResult run_amable(const std::vector<std::string>& args, const std::string& env = {});
// The same for any program (an absolute path or a name on PATH).
RunResult run_program(const std::string& program, const std::vector<std::string>& args, const std::string& env = {},
                      const Interrupt& interrupt = {});
RunResult run_amable_interrupted(const std::vector<std::string>& args, const Interrupt& interrupt);

// A minimal HTML document.
std::string html_page(const std::string& lang, const std::string& title, const std::string& body);

// A Site from (key, html) pairs; the first is the start page.
inline model::Site site_of(const std::vector<std::pair<std::string, std::string>>& pages, const std::string& lang = {}) {
  return site::build_site_from_html(pages, lang);
}

// Rules whose lost points are not accounted for by their problems' points (each problem's
// points are rounded, so each may be one off): "contact-page 70, problems 20". Empty when every
// score is explained.
std::string unexplained_scores(const model::Report& r);

}  // namespace amable::test
