# Explicit source lists, one per target (shared/DESIGN.md): a new file is added here on purpose.

set(AMABLE_UTIL_SOURCES
  src/util/atomic_file.cpp
  src/util/embedded.cpp
  src/util/text.cpp
)

set(AMABLE_MODEL_SOURCES
  src/model/page.cpp
  src/model/report.cpp
  src/model/report_json.cpp
  src/model/site.cpp
)

set(AMABLE_CORE_SOURCES
  src/engine/audit.cpp
  src/engine/config.cpp
  src/engine/parse_pool.cpp
  src/engine/report_builder.cpp
  src/engine/runner.cpp
  src/fetch/http_source.cpp
  src/fetch/local_source.cpp
  src/fetch/robots.cpp
  src/fetch/scope.cpp
  src/fetch/sitemap.cpp
  src/parse/arena.cpp
  src/parse/encoding.cpp
  src/parse/html_parser.cpp
  src/site/emails.cpp
  src/site/language.cpp
  src/site/page_classes.cpp
  src/site/page_facts.cpp
  src/site/returns_text.cpp
  src/site/site_builder.cpp
  src/site/site_facts.cpp
  src/site/snippet.cpp
  src/site/structured.cpp
  src/text/fold.cpp
  src/text/lexicon.cpp
  src/text/stemmer.cpp
  src/text/tokens.cpp
  src/util/url.cpp
)

set(AMABLE_RULE_SOURCES
  rules/contact_email.cpp
  rules/return_policy.cpp
  rules/rule_list.cpp
  rules/rule_support.cpp
)

set(AMABLE_REPORT_SOURCES
  reports/json_writer.cpp
  reports/reporter_list.cpp
  reports/text_writer.cpp
)

set(AMABLE_CLI_SOURCES
  src/cli/audit_cmd.cpp
  src/cli/explain_cmd.cpp
  src/cli/rules_cmd.cpp
  src/main.cpp
)
