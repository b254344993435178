// The pure parts of the postgres connector; the connector itself is tested
// against a real cluster by tests/e2e/test_postgres.sh.
#include <catch2/catch.hpp>

#include "connectors/postgres.hpp"

using namespace convstat::connectors;

TEST_CASE("postgres: timestamps as printed in the UTC session become RFC 3339", "[connectors][postgres]") {
  CHECK(pg_timestamp_to_rfc3339("2026-03-02 09:15:00+00") == "2026-03-02T09:15:00Z");
  CHECK(pg_timestamp_to_rfc3339("2026-03-02 09:15:00.123456+00") == "2026-03-02T09:15:00.123456Z");
  CHECK(pg_timestamp_to_rfc3339("2026-03-02 09:15:00") == "2026-03-02T09:15:00Z");  // timestamp: read as UTC
  CHECK(pg_timestamp_to_rfc3339("2026-03-02 09:15:00+05") == "2026-03-02T09:15:00+05:00");
  CHECK(pg_timestamp_to_rfc3339("2026-03-02 09:15:00-03:30") == "2026-03-02T09:15:00-03:30");
}

TEST_CASE("postgres: page queries are keyset queries on (updated_at, id)", "[connectors][postgres]") {
  CHECK(page_query("\"conversations\"", false, 500) ==
        "SELECT * FROM \"conversations\" AS s ORDER BY s.updated_at, s.id LIMIT 500");
  CHECK(page_query("(SELECT 1)", true, 10) ==
        "SELECT * FROM (SELECT 1) AS s WHERE (s.updated_at, s.id) > ($1, $2) ORDER BY s.updated_at, s.id LIMIT 10");
}
