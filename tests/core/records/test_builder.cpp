#include "core/records/builder.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

#include "core/import/validate.hpp"

using namespace convstat::core;

TEST_CASE("RecordBuilder: sets cells by name or index, clears, hashes like the importer", "[builder][demo]") {
  RecordBuilder b("conversation");
  CHECK(b.type().name == "conversation");
  const int started = b.field("started_at");
  b.set("id", "c1").set("tenant", "acme").set(started, std::int64_t{1772409600000}).set("sentiment", 0.5);
  b.set_bool("id", true);  // replaces the text cell with 1
  b.set("id", "c1");
  const Record& r = b.finish();
  CHECK(r.text(0) == "c1");
  CHECK(r.integer(started) == 1772409600000);
  CHECK(std::get<double>(r.cells[static_cast<std::size_t>(b.field("sentiment"))]) == 0.5);
  CHECK(r.is_null(b.field("channel")));
  CHECK(r.content_hash == content_hash(r));
  CHECK(r.content_hash.size() == 64);

  const std::string first_hash = r.content_hash;
  b.clear();
  CHECK(b.record().content_hash.empty());
  CHECK(b.record().is_null(0));
  b.set("id", "c1").set("tenant", "acme").set(started, std::int64_t{1772409600000}).set("sentiment", 0.5);
  CHECK(b.finish().content_hash == first_hash);
  b.set("sentiment", 0.25);
  CHECK(b.finish().content_hash != first_hash);

  CHECK_THROWS_AS(b.field("no_such_field"), std::invalid_argument);
  CHECK_THROWS_AS(RecordBuilder("no_such_type"), std::invalid_argument);
}
