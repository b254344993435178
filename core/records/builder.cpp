#include "core/records/builder.hpp"

#include <stdexcept>
#include <string>

#include "core/records/record_hash.hpp"

namespace convstat::core {
namespace {

const RecordType& type_named(std::string_view name) {
  const RecordType* type = find_record_type(name);
  if (!type) throw std::invalid_argument("unknown record type '" + std::string(name) + "'");
  return *type;
}

}  // namespace

RecordBuilder::RecordBuilder(const RecordType& type) {
  m_record.type = &type;
  m_record.cells.resize(type.fields.size());
}

RecordBuilder::RecordBuilder(std::string_view type_name) : RecordBuilder(type_named(type_name)) {}

int RecordBuilder::field(std::string_view name) const {
  const int index = m_record.type->field_index(name);
  if (index < 0)
    throw std::invalid_argument("record type '" + std::string(m_record.type->name) + "' has no field '" +
                                std::string(name) + "'");
  return index;
}

RecordBuilder& RecordBuilder::clear() {
  for (Cell& c : m_record.cells) c = std::monostate{};
  m_record.extra_json.clear();
  m_record.content_hash.clear();
  return *this;
}

RecordBuilder& RecordBuilder::set(int field, std::int64_t value) {
  cell(field) = value;
  return *this;
}

RecordBuilder& RecordBuilder::set(int field, double value) {
  cell(field) = value;
  return *this;
}

RecordBuilder& RecordBuilder::set(int field, std::string_view value) {
  Cell& c = cell(field);
  if (auto* text = std::get_if<std::string>(&c)) text->assign(value);
  else c.emplace<std::string>(value);
  return *this;
}

RecordBuilder& RecordBuilder::set_null(int field) {
  cell(field) = std::monostate{};
  return *this;
}

RecordBuilder& RecordBuilder::set_extra_json(std::string_view json_object) {
  m_record.extra_json.assign(json_object);
  return *this;
}

const Record& RecordBuilder::finish() {
  m_record.content_hash = content_hash(m_record);
  return m_record;
}

}  // namespace convstat::core
