#pragma once
// Builds canonical Records cell by cell, without a JSON round trip: for the
// demo generator and for tests that hand-build small datasets. The builder
// writes values as given - it does not validate them against the schema (the
// caller is trusted: the demo, a test).
#include <cstdint>
#include <string_view>

#include "core/records/schema.hpp"

namespace convstat::core {

class RecordBuilder {
public:
  explicit RecordBuilder(const RecordType& type);
  // Throws std::invalid_argument for an unknown type name (a programming error).
  explicit RecordBuilder(std::string_view type_name);

  const RecordType& type() const { return *m_record.type; }
  // Index of a field of this type; throws std::invalid_argument when the type
  // has no such field. Resolve indices once and reuse them in hot loops.
  int field(std::string_view name) const;

  // Starts a new record: every cell null, no extra fields, no hash.
  RecordBuilder& clear();
  // Cell setters by field index. Timestamps are epoch ms, booleans use set_bool,
  // string lists and objects are JSON text.
  RecordBuilder& set(int field, std::int64_t value);
  RecordBuilder& set(int field, int value) { return set(field, static_cast<std::int64_t>(value)); }
  RecordBuilder& set(int field, double value);
  RecordBuilder& set(int field, std::string_view value);
  RecordBuilder& set(int field, const char* value) { return set(field, std::string_view(value)); }
  RecordBuilder& set_bool(int field, bool value) { return set(field, std::int64_t{value ? 1 : 0}); }
  RecordBuilder& set_null(int field);
  // The same by field name (slower: a lookup per call).
  template <typename V>
  RecordBuilder& set(std::string_view name, V&& value) {
    return set(field(name), static_cast<V&&>(value));
  }
  RecordBuilder& set_bool(std::string_view name, bool value) { return set_bool(field(name), value); }
  RecordBuilder& set_extra_json(std::string_view json_object);

  // Sets content_hash (content_hash() of core/records/record_hash.hpp, as the
  // importer does) and returns the record, valid until the next clear().
  const Record& finish();
  Record& record() { return m_record; }

private:
  Cell& cell(int field) { return m_record.cells[static_cast<std::size_t>(field)]; }
  Record m_record;
};

}  // namespace convstat::core
