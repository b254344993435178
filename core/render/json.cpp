#include <sstream>

#include "core/render/renderers.hpp"
#include "core/render/text.hpp"
#include "core/render/values.hpp"

namespace convstat::core::render {

namespace {

// `text` as a JSON string literal: quotes, backslashes and controls escaped,
// other characters kept as UTF-8, invalid UTF-8 replaced by U+FFFD.
void write_string(std::ostream& out, std::string_view text) {
  static constexpr char k_hex[] = "0123456789abcdef";
  out << '"';
  for (const char c : valid_utf8(text)) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out << "\\\""; break;
      case '\\': out << "\\\\"; break;
      case '\b': out << "\\b"; break;
      case '\f': out << "\\f"; break;
      case '\n': out << "\\n"; break;
      case '\r': out << "\\r"; break;
      case '\t': out << "\\t"; break;
      default:
        if (byte < 0x20) out << "\\u00" << k_hex[byte >> 4] << k_hex[byte & 0xF];
        else out << c;
    }
  }
  out << '"';
}

void write_node(std::ostream& out, const Node& node, int indent, int depth);

// A line break and the indentation of `depth` in pretty mode; nothing in compact mode.
void newline(std::ostream& out, int indent, int depth) {
  if (indent < 0) return;
  out << '\n' << std::string(static_cast<std::size_t>(indent * depth), ' ');
}

void write_object(std::ostream& out, const Object& object, int indent, int depth) {
  if (object.empty()) {
    out << "{}";
    return;
  }
  out << '{';
  for (std::size_t i = 0; i < object.size(); ++i) {
    if (i > 0) out << ',';
    newline(out, indent, depth + 1);
    write_string(out, object[i].first);
    out << (indent < 0 ? ":" : ": ");
    write_node(out, object[i].second, indent, depth + 1);
  }
  newline(out, indent, depth);
  out << '}';
}

void write_list(std::ostream& out, const List& list, int indent, int depth) {
  if (list.empty()) {
    out << "[]";
    return;
  }
  out << '[';
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out << ',';
    newline(out, indent, depth + 1);
    write_node(out, list[i], indent, depth + 1);
  }
  newline(out, indent, depth);
  out << ']';
}

void write_node(std::ostream& out, const Node& node, int indent, int depth) {
  if (node.is_object()) write_object(out, node.as_object(), indent, depth);
  else if (node.is_list()) write_list(out, node.as_list(), indent, depth);
  else if (node.is_string()) write_string(out, node.as_string());
  else if (node.is_bool()) out << (node.as_bool() ? "true" : "false");
  else if (node.is_null()) out << "null";
  else out << format_number(node, NumberStyle::machine).value_or("null");
}

}  // namespace

void write_json(std::ostream& out, const Node& node, int indent) { write_node(out, node, indent, 0); }

std::string compact_json(const Node& node) {
  std::ostringstream out;
  write_json(out, node, -1);
  return out.str();
}

void JsonRenderer::render(const Result& result, std::ostream& out) const {
  write_json(out, result.root, 2);
  out << '\n';
}

}  // namespace convstat::core::render
