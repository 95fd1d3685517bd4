# What `cmake --install` puts where, and the Debian package CPack makes of it
# (`scripts/dev package`, `cpack -G DEB`).
include(GNUInstallDirs)

install(TARGETS amable RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Man pages go in compressed (Debian policy 12.1); -n keeps the archive reproducible.
add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/amable.1.gz
  COMMAND gzip -9n -c ${CMAKE_CURRENT_SOURCE_DIR}/man/amable.1 > ${CMAKE_CURRENT_BINARY_DIR}/amable.1.gz
  DEPENDS man/amable.1 VERBATIM)
# The Debian-format changelog a native package carries (packaging/changelog; its top version is
# the project's, tests/cli/test_install.cpp checks); CHANGELOG.md has the changes themselves.
add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz
  COMMAND gzip -9n -c ${CMAKE_CURRENT_SOURCE_DIR}/packaging/changelog > ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz
  DEPENDS packaging/changelog VERBATIM)
add_custom_target(amable_man ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/amable.1.gz ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/amable.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES completions/amable.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME amable)
install(FILES completions/_amable DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES completions/amable.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES reports/schema/report.schema.json reports/schema/batch-row.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/amable/schema)
install(FILES README.md CHANGELOG.md NOTICE examples/amable.json examples/ci/github-actions.yml examples/ci/gitlab-ci.yml
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
# Debian's machine-readable copyright file (DEP-5), which names the licence by its SPDX id.
install(FILES packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME amable)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "the amable authors")
set(CPACK_PACKAGE_CONTACT "amable maintainers <maintainers@amable.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "audit an online shop for customer-friendliness")
set(CPACK_PACKAGE_DESCRIPTION "amable reads a shop's pages (a live URL, a built site or one page),
runs rules on what it found (contact channels, return and privacy policies,
order follow-up, intro clutter, visitor-centric copy) and writes a scored
report with evidence and fixes, as text, HTML, Markdown, JSON, SARIF or JUnit.
It gates CI jobs, and audits many shops at once.")
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "chromium-headless-shell")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_CURRENT_SOURCE_DIR}/LICENSE)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
