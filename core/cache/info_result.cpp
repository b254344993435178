#include "core/cache/info_result.hpp"

#include "core/time/time.hpp"

namespace convstat::core {
namespace {
Node instant(const std::optional<std::int64_t>& ms) {
  return ms ? Node::string(format_instant_utc(*ms)) : Node::null();
}
}  // namespace

Result cache_info_result(const CacheInfo& info) {
  Node types = Node::list();
  std::int64_t total = 0;
  for (const TypeInfo& t : info.types) {
    total += t.count;
    types.push(Node::object()
                   .set("type", Node::string(t.type))
                   .set("count", Node::integer(t.count))
                   .set("oldest", instant(t.oldest_ms))
                   .set("newest", instant(t.newest_ms)));
  }
  Result result{"cache info", "Cache", Node::object(), "types"};
  result.root.set("path", Node::string(info.path))
      .set("schema_version", Node::integer(info.schema_version))
      .set("file_size_bytes", Node::integer(info.file_size_bytes))
      .set("records", Node::integer(total))
      .set("types", std::move(types));
  return result;
}

}  // namespace convstat::core
