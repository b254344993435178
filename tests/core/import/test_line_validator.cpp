// LineValidator, the fast path of NDJSON import: where it gives a record, the
// record must be the one RecordValidator::validate() gives for the parsed
// line (cells, extra, content hash); every other line must be left to that
// general path.
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/import/validate.hpp"
#include "core/time/time.hpp"

using namespace convstat::core;
using json = nlohmann::json;

namespace {

constexpr std::int64_t k_now_ms = 1772442900000;  // 2026-03-02T09:15:00Z

// Whether the fast path took `line`; when it did, its record equals the
// general path's, which must have accepted the line.
bool fast(const std::string& line, const RecordType* forced = nullptr, const TimeZone* assume_tz = nullptr) {
  INFO(line);
  const RecordValidator validator(ValidateOptions{assume_tz, false, k_now_ms});
  LineValidator lines(validator);
  std::string text = line;
  const std::optional<Record> quick = lines.try_line(text, forced);
  CHECK(text == line);  // the text is read, never changed
  if (!quick) return false;
  const json object = json::parse(line, nullptr, false);
  REQUIRE_FALSE(object.is_discarded());
  const Validation general = validator.validate(object, forced);
  REQUIRE(general.ok());
  CHECK(quick->type == general.record->type);
  CHECK(quick->cells == general.record->cells);
  CHECK(quick->extra_json == general.record->extra_json);
  CHECK(quick->content_hash == general.record->content_hash);
  return true;
}

const RecordType& type_named(std::string_view name) { return *find_record_type(name); }

}  // namespace

TEST_CASE("line validator: plain records of every kind of field take the fast path", "[import]") {
  // the lines bench/gen_helpdesk.py writes
  CHECK(fast(R"({"type":"conversation","id":"c000000001","tenant":"bigco","bot_id":"bot-2","channel":"email",)"
             R"("started_at":"2025-07-01T11:03:33.629Z","first_response_at":"2025-07-01T11:10:12.932Z",)"
             R"("resolved_at":"2025-07-01T15:56:18.239Z","resolved_by":"human","priority":"medium",)"
             R"("team_id":"team-05","team_name":"Team 05","assignee_id":"agent-017","assignee_name":"Agent 017",)"
             R"("contact_id":"u0151209","topics":["login","password reset"],)"
             R"("first_response_due_at":"2025-07-01T12:03:33.629Z","resolution_due_at":"2025-07-02T11:03:33.629Z"})"));
  CHECK(fast(R"({"type":"csat","id":"s1","conversation_id":"c1","sent_at":"2026-03-02T09:15:00Z",)"
             R"("responded_at":"2026-03-02T10:00:00+01:00","rating":4,"comment":"fine"})"));
  // numbers: an integer and a whole float for an integer field, integers and floats for numbers
  CHECK(fast(R"({"type":"csat","id":"s1","conversation_id":"c1","sent_at":"2026-03-02T09:15:00Z","rating":4.0})"));
  CHECK(fast(R"({"type":"conversation","id":"c1","started_at":"2026-03-02T09:15:00Z","sentiment":-0.25,"ai_quality":1})"));
  CHECK(fast(R"({"type":"conversation","id":"c1","started_at":"2026-03-02T09:15:00Z","sentiment":0,"ai_quality":1e-1})"));
  CHECK(fast(R"({"type":"conversation","id":"c1","started_at":"2026-03-02T09:15:00Z","sentiment":-0.0})"));
  // booleans, and the defaults of the type rules
  CHECK(fast(R"({"type":"call","id":"k1","started_at":"2026-03-02T09:15:00Z","status":"completed",)"
             R"("outcome":"escalated","escalated":true,"first_call_resolution":false,"duration_seconds":61.5})"));
  CHECK(fast(R"({"type":"message","id":"m1","conversation_id":"c1","at":"2026-03-02T09:15:00Z","direction":"inbound"})"));
  CHECK(fast(R"({"type":"feedback","id":"f1","conversation_id":"c1","rating":1,"rating_type":"thumbs"})"));
  CHECK(fast(R"({"type":"kb_article","id":"a1","title":"VPN","published":false,"views":3})"));
  CHECK(fast(R"({"type":"lead","id":"l1","stage":"new","created_at":"2026-03-02T09:15:00Z","value":1200.5})"));
  // lower-cased text, escapes and non-ASCII in strings, an empty list, null values
  CHECK(fast(R"({"type":"conversation","id":"c\"1\\","channel":"EMAIL","subject":"caf\u00e9 \"x\"\nnext",)"
             R"("team_name":"Équipe ☕","topics":[],"status":null,"started_at":"2026-03-02T09:15:00Z"})"));
  CHECK(fast(R"({"type":"conversation","id":"c1","topics":["é","a b"],"started_at":"2026-03-02T09:15:00Z"})"));
  // whitespace between tokens; the type written last
  CHECK(fast(R"( { "id" : "c1" , "started_at" : "2026-03-02T09:15:00Z" , "type" : "conversation" } )"));
  // --type: without "type", with "type": null, with the same type
  CHECK(fast(R"({"id":"c1","started_at":"2026-03-02T09:15:00Z"})", &type_named("conversation")));
  CHECK(fast(R"({"type":null,"id":"c1","started_at":"2026-03-02T09:15:00Z"})", &type_named("conversation")));
  CHECK(fast(R"({"type":"conversations","id":"c1","started_at":"2026-03-02T09:15:00Z"})", &type_named("conversation")));
  // --assume-tz for a time without offset
  const TimeZone paris("Europe/Paris");
  CHECK(fast(R"({"type":"conversation","id":"c1","started_at":"2026-03-02T10:15:00"})", nullptr, &paris));
}

TEST_CASE("line validator: lines that need the general path are left to it", "[import]") {
  const std::string start = R"("started_at":"2026-03-02T09:15:00Z")";
  // unknown keys (kept in extra), an absent optional id (hashed from the tree), session_id, an object value
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c1","vip":true,)" + start + "}"));
  CHECK_FALSE(fast(R"({"type":"message","conversation_id":"c1","at":"2026-03-02T09:15:00Z","direction":"inbound"})"));
  CHECK_FALSE(fast(R"({"type":"feedback","id":"f1","session_id":"c1","rating":1,"rating_type":"thumbs"})"));
  CHECK_FALSE(fast(R"({"type":"feedback","id":"f1","conversation_id":"c1","rating":1,"rating_type":"thumbs","metadata":{}})"));
  // a number as an id (its text is nlohmann's printing), a key given twice
  CHECK_FALSE(fast(R"({"type":"conversation","id":42,)" + start + "}"));
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c1","id":"c2",)" + start + "}"));
  CHECK_FALSE(fast(R"({"type":"conversation","type":"conversation","id":"c1",)" + start + "}"));
  // lists whose printing differs from their text, or that are not lists of strings
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c1","topics":["a\"b"],)" + start + "}"));
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c1","topics":["a\tb"],)" + start + "}"));
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c1","topics":["a",1],)" + start + "}"));
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c1","topics":"a",)" + start + "}"));
  // not JSON, not an object, text after the object, a raw control byte, a lone surrogate
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c1",)" + start));
  CHECK_FALSE(fast(R"(["conversation"])"));
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c1",)" + start + "} x"));
  CHECK_FALSE(fast("{\"type\":\"conversation\",\"id\":\"c\x01\"," + start + "}"));
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c\ud800",)" + start + "}"));
  // every kind of invalid record
  CHECK_FALSE(fast(R"({"id":"c1",)" + start + "}"));
  CHECK_FALSE(fast(R"({"type":"convo","id":"c1",)" + start + "}"));
  CHECK_FALSE(fast(R"({"type":"csat","id":"c1",)" + start + "}", &type_named("conversation")));
  CHECK_FALSE(fast(R"({"type":"conversation","id":"",)" + start + "}"));
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c1"})"));
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c1","started_at":"yesterday"})"));
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c1","started_at":"2026-03-02T10:15:00"})"));
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c1","sentiment":2,)" + start + "}"));
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c1","sentiment":"0.5",)" + start + "}"));
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c1","priority":"asap",)" + start + "}"));
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c1","resolved_at":"2026-03-02T10:00:00Z",)" + start + "}"));
  CHECK_FALSE(fast(R"({"type":"conversation","id":"c1","first_response_at":"2026-03-02T09:00:00Z",)" + start + "}"));
  CHECK_FALSE(fast(R"({"type":"csat","id":"s1","conversation_id":"c1","sent_at":"2026-03-02T09:15:00Z","rating":4.5})"));
  CHECK_FALSE(fast(R"({"type":"csat","id":"s1","conversation_id":"c1","sent_at":"2026-03-02T09:15:00Z","rating":9223372036854775808})"));
  CHECK_FALSE(fast(R"({"type":"call","id":"k1",)" + start + R"(,"status":"completed","escalated":1})"));
  CHECK_FALSE(fast(R"({"type":"feedback","id":"f1","conversation_id":"c1","rating":5,"rating_type":"thumbs"})"));
}
