// AddressTable: texts are told apart by address and length, never by content; it grows past
// its expected size without losing a key.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "text/address_table.hpp"

using amable::text::AddressTable;

TEST_CASE("address table: 20,000 parts of one buffer, found by address and length, grown from 4 expected") {
  const std::string buffer(5000, 'x');
  AddressTable<int> table(4);
  std::vector<int> values(20000);
  std::map<std::pair<size_t, size_t>, int*> inserted;
  for (size_t i = 0; i < values.size(); ++i) {
    const size_t at = (i * 7919) % 4000, len = i % 50;
    int** slot = table.slot(std::string_view(buffer).substr(at, len));
    REQUIRE(slot);
    if (!*slot) {
      values[i] = static_cast<int>(i);
      *slot = &values[i];
      inserted[{at, len}] = &values[i];
    }
  }
  CHECK(table.size() == inserted.size());
  for (const auto& [key, value] : inserted) CHECK(table.find(std::string_view(buffer).substr(key.first, key.second)) == value);
  // The same bytes elsewhere are another text; the same address with another length too.
  const std::string other(5000, 'x');
  CHECK(table.find(std::string_view(other).substr(0, 10)) == nullptr);
  CHECK(table.find(std::string_view(buffer).substr(4500, 3)) == nullptr);
  // A view without an address has no slot.
  CHECK(table.slot(std::string_view()) == nullptr);
  CHECK(table.find(std::string_view()) == nullptr);
}
