#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/import/validate.hpp"
#include "core/time/time.hpp"
#include "core/util/sha256.hpp"

using namespace convstat::core;
using json = nlohmann::json;

namespace {

constexpr std::int64_t k_now_ms = 1772442900000;         // 2026-03-02T09:15:00Z
constexpr std::int64_t k_started_ms = 1772442900000;     // the started_at of conversation()

ValidateOptions options_with_now(ValidateOptions options) {
  if (!options.now_ms) options.now_ms = k_now_ms;
  return options;
}

// "field: reason" for each error of `object` (empty when it is valid).
std::vector<std::string> errors(const json& object, ValidateOptions options = {}) {
  const Validation v = RecordValidator(options_with_now(options)).validate(object);
  std::vector<std::string> out;
  for (const auto& e : v.errors) out.push_back(e.field + ": " + e.reason);
  return out;
}

using Errors = std::vector<std::string>;

// The record `object` validates to; fails the test when it is invalid.
Record valid(const json& object, ValidateOptions options = {}) {
  Validation v = RecordValidator(options_with_now(options)).validate(object);
  INFO(object.dump());
  for (const auto& e : v.errors) UNSCOPED_INFO(e.field + ": " + e.reason);
  REQUIRE(v.ok());
  REQUIRE(v.record);
  return std::move(*v.record);
}

const Cell& cell(const Record& r, std::string_view field) {
  const int i = r.type->field_index(field);
  REQUIRE(i >= 0);
  return r.cells[static_cast<size_t>(i)];
}
bool is_null(const Record& r, std::string_view field) { return std::holds_alternative<std::monostate>(cell(r, field)); }
std::string text(const Record& r, std::string_view field) { return std::get<std::string>(cell(r, field)); }
std::int64_t integer(const Record& r, std::string_view field) { return std::get<std::int64_t>(cell(r, field)); }
double number(const Record& r, std::string_view field) { return std::get<double>(cell(r, field)); }

json with(json base, const json& changes) {
  for (auto it = changes.begin(); it != changes.end(); ++it) {
    if (it.value().is_null()) base.erase(it.key());
    else base[it.key()] = it.value();
  }
  return base;
}
// A valid conversation, changed by `changes` (a null value removes the key).
json conversation(const json& changes = json::object()) {
  return with({{"type", "conversation"}, {"id", "c1"}, {"started_at", "2026-03-02T09:15:00Z"}}, changes);
}
json call(const json& changes = json::object()) {
  return with({{"type", "call"}, {"id", "k1"}, {"started_at", "2026-03-02T09:15:00Z"}, {"status", "completed"}}, changes);
}
json feedback(const json& changes = json::object()) {
  return with({{"type", "feedback"}, {"conversation_id", "c1"}, {"rating", 1}, {"rating_type", "thumbs"}}, changes);
}
json message(const json& changes = json::object()) {
  return with({{"type", "message"}, {"conversation_id", "c1"}, {"at", "2026-03-02T09:15:00Z"}, {"direction", "inbound"}},
              changes);
}

}  // namespace

// ---- record type -----------------------------------------------------------

TEST_CASE("validate: a missing type is an error that points at --type", "[import]") {
  CHECK(errors({{"id", "c1"}}) == Errors{"type: required (or pass --type)"});
}

TEST_CASE("validate: an unknown type suggests the nearest one", "[import]") {
  CHECK(errors(conversation({{"type", "convo"}})) ==
        Errors{"type: unknown record type 'convo' (did you mean 'conversation'?)"});
  CHECK(errors(conversation({{"type", "mesage"}})) == Errors{"type: unknown record type 'mesage' (did you mean 'message'?)"});
  CHECK(errors(conversation({{"type", "feed"}})) == Errors{"type: unknown record type 'feed' (did you mean 'feedback'?)"});
  CHECK(errors(conversation({{"type", "zzz"}})) == Errors{"type: unknown record type 'zzz'"});
}

TEST_CASE("validate: --type supplies the type; a different \"type\" key is an error", "[import]") {
  const RecordType* type = find_record_type("conversation");
  RecordValidator validator(options_with_now({}));
  json object = conversation({{"type", nullptr}});
  CHECK(validator.validate(object, type).ok());
  object["type"] = "conversations";  // the plural names the same type
  CHECK(validator.validate(object, type).ok());
  object["type"] = "call";
  const Validation v = validator.validate(object, type);
  REQUIRE(v.errors.size() == 1);
  CHECK(v.errors[0].field == "type");
  CHECK(v.errors[0].reason == "'call' does not match --type conversation");
}

TEST_CASE("validate: a value that is not an object is an error", "[import]") {
  CHECK(errors(json::array()) == Errors{"-: expected a JSON object"});
}

// ---- common rules --------------------------------------------------------------

TEST_CASE("validate: required fields are listed, all of them", "[import]") {
  CHECK(errors({{"type", "conversation"}}) == Errors{"id: required", "started_at: required"});
  CHECK(errors(call({{"status", nullptr}})) == Errors{"status: required"});
}

TEST_CASE("validate: a null value counts as absent", "[import]") {
  CHECK(errors(conversation({{"started_at", nullptr}})) == Errors{"started_at: required"});
  const Record r = valid(conversation({{"subject", nullptr}}));
  CHECK(is_null(r, "subject"));
}

TEST_CASE("validate: an empty id is an error", "[import]") {
  CHECK(errors(conversation({{"id", ""}})) == Errors{"id: must not be empty"});
}

TEST_CASE("validate: a numeric id is kept as its text", "[import]") {
  CHECK(text(valid(conversation({{"id", 42}})), "id") == "42");
}

TEST_CASE("validate: timestamps are stored as UTC epoch milliseconds", "[import]") {
  const Record r = valid(conversation({{"started_at", "2026-03-02T10:15:00+01:00"}, {"ended_at", "2026-03-02T09:16:00.250Z"}}));
  CHECK(integer(r, "started_at") == k_started_ms);
  CHECK(integer(r, "ended_at") == k_started_ms + 60250);
}

TEST_CASE("validate: a timestamp without offset needs --assume-tz", "[import]") {
  const json object = conversation({{"started_at", "2026-03-02T10:15:00"}});
  CHECK(errors(object) == Errors{"started_at: timestamp has no UTC offset (use --assume-tz ZONE)"});
  const TimeZone paris("Europe/Paris");
  ValidateOptions options;
  options.assume_tz = &paris;
  CHECK(integer(valid(object, options), "started_at") == k_started_ms);
}

TEST_CASE("validate: a timestamp must be a string", "[import]") {
  CHECK(errors(conversation({{"started_at", 1772442900}})) ==
        Errors{"started_at: must be an RFC 3339 timestamp string (got 1772442900)"});
}

TEST_CASE("validate: integers accept integral values only", "[import]") {
  CHECK(integer(valid(call({{"tickets_created", 3.0}})), "tickets_created") == 3);
  CHECK(errors(call({{"tickets_created", 2.5}})) == Errors{"tickets_created: must be an integer (got 2.5)"});
  CHECK(errors(call({{"tickets_created", "3"}})) == Errors{"tickets_created: must be an integer (got \"3\")"});
  CHECK(errors(call({{"tickets_created", 18446744073709551615ULL}})) ==
        Errors{"tickets_created: is out of range (got 18446744073709551615)"});
}

TEST_CASE("validate: numbers must be numbers", "[import]") {
  CHECK(number(valid(call({{"duration_seconds", 12}})), "duration_seconds") == 12.0);
  CHECK(errors(call({{"duration_seconds", "12"}})) == Errors{"duration_seconds: must be a number (got \"12\")"});
}

TEST_CASE("validate: booleans are JSON true or false", "[import]") {
  CHECK(integer(valid(call({{"escalated", true}})), "escalated") == 1);
  CHECK(errors(call({{"escalated", "true"}})) == Errors{"escalated: must be true or false (got \"true\")"});
  CHECK(errors(call({{"escalated", 1}})) == Errors{"escalated: must be true or false (got 1)"});
}

TEST_CASE("validate: strings must be strings", "[import]") {
  CHECK(errors(conversation({{"subject", true}})) == Errors{"subject: must be a string (got true)"});
}

TEST_CASE("validate: a choice outside the list is an error (priority)", "[import]") {
  CHECK(text(valid(conversation({{"priority", "urgent"}})), "priority") == "urgent");
  CHECK(errors(conversation({{"priority", "URGENT"}})) ==
        Errors{"priority: must be one of urgent, high, medium, low (got \"URGENT\")"});
  CHECK(errors(conversation({{"priority", "critical"}})) ==
        Errors{"priority: must be one of urgent, high, medium, low (got \"critical\")"});
}

TEST_CASE("validate: lower_string fields are lower-cased (channel)", "[import]") {
  CHECK(text(valid(conversation({{"channel", "WhatsApp"}})), "channel") == "whatsapp");
}

TEST_CASE("validate: tenant defaults to \"default\"", "[import]") {
  CHECK(text(valid(conversation()), "tenant") == "default");
  CHECK(text(valid(conversation({{"tenant", "acme"}})), "tenant") == "acme");
}

TEST_CASE("validate: bounds - sentiment -1..1, ai_quality 0..1", "[import]") {
  CHECK(number(valid(conversation({{"sentiment", -1}})), "sentiment") == -1.0);
  CHECK(errors(conversation({{"sentiment", 1.5}})) == Errors{"sentiment: must be between -1 and 1 (got 1.5)"});
  CHECK(errors(conversation({{"ai_quality", -0.1}})) == Errors{"ai_quality: must be between 0 and 1 (got -0.1)"});
}

TEST_CASE("validate: bounds - csat rating 1..5", "[import]") {
  const json csat = {{"type", "csat"}, {"id", "s1"}, {"conversation_id", "c1"}, {"sent_at", "2026-03-02T09:15:00Z"}};
  CHECK(integer(valid(with(csat, {{"rating", 5}})), "rating") == 5);
  CHECK(errors(with(csat, {{"rating", 6}})) == Errors{"rating: must be between 1 and 5 (got 6)"});
  CHECK(errors(with(csat, {{"rating", 0}})) == Errors{"rating: must be between 1 and 5 (got 0)"});
}

TEST_CASE("validate: bounds - non-negative fields", "[import]") {
  CHECK(errors(call({{"tickets_created", -1}})) == Errors{"tickets_created: must be >= 0 (got -1)"});
  CHECK(errors(call({{"duration_seconds", -0.5}})) == Errors{"duration_seconds: must be >= 0 (got -0.5)"});
}

TEST_CASE("validate: invalid UTF-8 in any string is an error", "[import]") {
  CHECK(errors(conversation({{"subject", std::string("ab\xff")}})) == Errors{"subject: invalid UTF-8 (byte 2)"});
  CHECK(errors(conversation({{"unknown_field", std::string("\xc3\x28")}})) ==
        Errors{"unknown_field: invalid UTF-8 (byte 0)"});
  CHECK(errors(conversation({{"topics", {"ok", std::string("\xed\xa0\x80")}}})) ==  // a UTF-16 surrogate
        Errors{"topics: invalid UTF-8 (byte 0)"});
}

TEST_CASE("validate: invalid_utf8_offset accepts UTF-8 and rejects overlong forms", "[import]") {
  CHECK_FALSE(invalid_utf8_offset("h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80"));
  CHECK(invalid_utf8_offset("\xc0\xaf") == std::optional<std::size_t>(0));      // overlong '/'
  CHECK(invalid_utf8_offset("ab\xf4\x90\x80\x80") == std::optional<std::size_t>(2));  // above U+10FFFF
  CHECK(invalid_utf8_offset("abc\xe2\x82") == std::optional<std::size_t>(3));   // truncated
  // long ASCII runs are skipped eight bytes at a time: offsets stay exact around them
  const std::string ascii16 = "0123456789abcdef";
  CHECK_FALSE(invalid_utf8_offset(ascii16));
  CHECK_FALSE(invalid_utf8_offset(ascii16 + "\xc3\xa9" + ascii16 + "x"));
  CHECK(invalid_utf8_offset(ascii16 + "z\xff" + ascii16) == std::optional<std::size_t>(17));
  CHECK(invalid_utf8_offset(ascii16 + "\xc3\xa9" + ascii16 + "\xe2\x82") == std::optional<std::size_t>(34));
  CHECK(invalid_utf8_offset("01234567\x80") == std::optional<std::size_t>(8));
}

TEST_CASE("validate: unknown fields are kept in extra with sorted keys, and type is not stored", "[import]") {
  const Record r = valid(conversation({{"zeta", 1}, {"alpha", {{"b", 2}, {"a", "x"}}}}));
  CHECK(r.extra_json == R"({"alpha":{"a":"x","b":2},"zeta":1})");
  CHECK(valid(conversation()).extra_json.empty());
  CHECK(r.type->field_index("type") == -1);
}

TEST_CASE("validate: string lists are arrays of strings", "[import]") {
  CHECK(text(valid(conversation({{"topics", {"billing", "refund"}}})), "topics") == R"(["billing","refund"])");
  CHECK(errors(conversation({{"topics", "billing"}})) == Errors{"topics: must be an array of strings (got \"billing\")"});
  CHECK(errors(conversation({{"topics", {"a", 1}}})) == Errors{"topics: must be an array of strings (got [\"a\",1])"});
}

// ---- hashed ids and content hashes ----------------------------------------------------

TEST_CASE("validate: an absent optional id is the SHA-256 of the object without type", "[import]") {
  const json object = message({{"text", "hi"}});
  json without_type = object;
  without_type.erase("type");
  const Record r = valid(object);
  CHECK(text(r, "id") == sha256_hex(without_type.dump()));
  CHECK(hashed_id(object) == sha256_hex(without_type.dump()));
}

TEST_CASE("validate: hashed ids do not depend on key order and are stable", "[import]") {
  const json a = json::parse(R"({"type":"message","conversation_id":"c1","at":"2026-03-02T09:15:00Z","direction":"inbound"})");
  const json b = json::parse(R"({"direction":"inbound","at":"2026-03-02T09:15:00Z","conversation_id":"c1","type":"message"})");
  CHECK(text(valid(a), "id") == text(valid(b), "id"));
  // Pinned: the hash of {"at":"2026-03-02T09:15:00Z","conversation_id":"c1","direction":"inbound"}.
  CHECK(text(valid(a), "id") ==
        sha256_hex(R"({"at":"2026-03-02T09:15:00Z","conversation_id":"c1","direction":"inbound"})"));
  // Values count as written: another value, another id.
  CHECK(text(valid(message({{"text", "hi"}})), "id") != text(valid(message({{"text", "hi!"}})), "id"));
}

TEST_CASE("validate: content hashes match for identical records and differ otherwise", "[import]") {
  const Record a = valid(json::parse(R"({"type":"conversation","id":"c1","started_at":"2026-03-02T09:15:00Z","x":1})"));
  const Record b = valid(json::parse(R"({"x":1,"started_at":"2026-03-02T10:15:00+01:00","id":"c1","type":"conversation"})"));
  CHECK(a.content_hash == b.content_hash);
  CHECK(a.content_hash.size() == 64);
  CHECK(valid(conversation({{"x", 2}})).content_hash != a.content_hash);
  CHECK(valid(conversation({{"subject", "s"}})).content_hash != valid(conversation()).content_hash);
}

// ---- conversation ----------------------------------------------------------------

TEST_CASE("validate: conversation channel defaults to chat", "[import]") {
  CHECK(text(valid(conversation()), "channel") == "chat");
}

TEST_CASE("validate: resolved_by is required when resolved_at is set", "[import]") {
  CHECK(errors(conversation({{"resolved_at", "2026-03-02T09:20:00Z"}})) ==
        Errors{"resolved_by: required when resolved_at is set"});
  const Record r = valid(conversation({{"resolved_at", "2026-03-02T09:20:00Z"}, {"resolved_by", "ai"}}));
  CHECK(text(r, "resolved_by") == "ai");
}

TEST_CASE("validate: resolved_by without resolved_at is an error", "[import]") {
  CHECK(errors(conversation({{"resolved_by", "human"}})) == Errors{"resolved_by: given without resolved_at"});
}

TEST_CASE("validate: conversation times must not be before started_at", "[import]") {
  const std::string before = "2026-03-02T09:14:59Z";
  CHECK(errors(conversation({{"ended_at", before}})) == Errors{"ended_at: must not be before started_at"});
  CHECK(errors(conversation({{"first_response_at", before}})) ==
        Errors{"first_response_at: must not be before started_at"});
  CHECK(errors(conversation({{"escalated_at", before}})) == Errors{"escalated_at: must not be before started_at"});
  CHECK(errors(conversation({{"resolved_at", before}, {"resolved_by", "ai"}})) ==
        Errors{"resolved_at: must not be before started_at"});
  CHECK(errors(conversation({{"ended_at", "2026-03-02T09:15:00Z"}})).empty());  // equal is fine
}

// ---- other types' defaults and rules -----------------------------------------------------

TEST_CASE("validate: message author defaults by direction", "[import]") {
  CHECK(text(valid(message()), "author") == "user");
  CHECK(text(valid(message({{"direction", "outbound"}})), "author") == "ai");
  CHECK(text(valid(message({{"direction", "outbound"}, {"author", "human"}})), "author") == "human");
}

TEST_CASE("validate: call defaults follow the outcome", "[import]") {
  const Record plain = valid(call());
  CHECK(number(plain, "duration_seconds") == 0.0);
  CHECK(integer(plain, "first_call_resolution") == 0);
  CHECK(integer(plain, "tickets_created") == 0);
  CHECK(integer(plain, "escalated") == 0);

  const Record ticket = valid(call({{"outcome", "ticket_created"}}));
  CHECK(integer(ticket, "first_call_resolution") == 1);
  CHECK(integer(ticket, "tickets_created") == 1);
  CHECK(integer(ticket, "escalated") == 0);

  const Record resolved = valid(call({{"outcome", "resolved"}}));
  CHECK(integer(resolved, "first_call_resolution") == 1);
  CHECK(integer(resolved, "tickets_created") == 0);

  const Record escalated = valid(call({{"outcome", "escalated"}, {"first_call_resolution", true}, {"tickets_created", 2}}));
  CHECK(integer(escalated, "escalated") == 1);
  CHECK(integer(escalated, "first_call_resolution") == 1);  // given values win
  CHECK(integer(escalated, "tickets_created") == 2);
}

TEST_CASE("validate: turn and usage defaults", "[import]") {
  const Record turn = valid({{"type", "turn"}, {"conversation_id", "s1"}, {"at", "2026-03-02T09:15:00Z"}, {"status", "success"}});
  CHECK(integer(turn, "guardrail_violations") == 0);
  CHECK(integer(turn, "guardrail_blocked") == 0);
  const Record usage = valid({{"type", "usage"}, {"at", "2026-03-02T09:15:00Z"}, {"service", "llm"}, {"provider", "x"}});
  CHECK(number(usage, "cost_usd") == 0.0);
  CHECK(integer(usage, "cached") == 0);
  CHECK(integer(usage, "error") == 0);
}

TEST_CASE("validate: lead source and kb_article defaults", "[import]") {
  const Record lead =
      valid({{"type", "lead"}, {"id", "l1"}, {"stage", "new"}, {"created_at", "2026-03-02T09:15:00Z"}});
  CHECK(text(lead, "source") == "unknown");
  const Record article = valid({{"type", "kb_article"}, {"id", "a1"}});
  CHECK(integer(article, "published") == 1);
  CHECK(integer(article, "views") == 0);
  CHECK(integer(article, "helpful") == 0);
  CHECK(integer(article, "not_helpful") == 0);
}

TEST_CASE("validate: feedback accepts session_id for conversation_id", "[import]") {
  const Record r = valid(feedback({{"conversation_id", nullptr}, {"session_id", "s9"}}));
  CHECK(text(r, "conversation_id") == "s9");
  CHECK(r.extra_json.empty());
  CHECK(errors(feedback({{"conversation_id", "a"}, {"session_id", "b"}})) ==
        Errors{"session_id: conflicts with conversation_id (got \"b\")"});
  CHECK(errors(feedback({{"conversation_id", nullptr}})) == Errors{"conversation_id: required"});
}

TEST_CASE("validate: thumbs ratings are -1 or 1", "[import]") {
  CHECK(integer(valid(feedback({{"rating", -1}})), "rating") == -1);
  CHECK(errors(feedback({{"rating", 0}})) ==
        Errors{"rating: Rating must be -1 (thumbs down) or 1 (thumbs up) for thumbs type"});
  CHECK(errors(feedback({{"rating", 5}})) ==
        Errors{"rating: Rating must be -1 (thumbs down) or 1 (thumbs up) for thumbs type"});
}

TEST_CASE("validate: stars ratings are 1 to 5", "[import]") {
  CHECK(integer(valid(feedback({{"rating", 5}, {"rating_type", "stars"}})), "rating") == 5);
  CHECK(errors(feedback({{"rating", 0}, {"rating_type", "stars"}})) ==
        Errors{"rating: Rating must be between 1 and 5 for stars type"});
  CHECK(errors(feedback({{"rating", -1}, {"rating_type", "stars"}})) ==
        Errors{"rating: Rating must be between 1 and 5 for stars type"});
}

TEST_CASE("validate: feedback created_at defaults to now, flags to false", "[import]") {
  const Record r = valid(feedback());
  CHECK(integer(r, "created_at") == k_now_ms);
  for (const char* flag : {"incorrect_response", "too_slow", "unhelpful", "offensive"}) CHECK(integer(r, flag) == 0);
  // The clock default is not part of the content hash: another "now", same hash.
  ValidateOptions later;
  later.now_ms = k_now_ms + 1000;
  CHECK(valid(feedback(), later).content_hash == r.content_hash);
  CHECK(text(valid(feedback(), later), "id") == text(r, "id"));
}

TEST_CASE("validate: feedback metadata must be an object", "[import]") {
  CHECK(text(valid(feedback({{"metadata", {{"b", 1}, {"a", 2}}}})), "metadata") == R"({"a":2,"b":1})");
  CHECK(errors(feedback({{"metadata", "x"}})) == Errors{"metadata: must be a JSON object (got \"x\")"});
}

// ---- CSV cells ---------------------------------------------------------------------------

TEST_CASE("validate: CSV cells are coerced per field kind", "[import]") {
  ValidateOptions csv;
  csv.from_csv = true;
  const json object = {{"type", "call"},          {"id", "k1"},           {"started_at", "2026-03-02T09:15:00Z"},
                       {"status", "completed"},   {"duration_seconds", "12.5"}, {"tickets_created", "3"},
                       {"escalated", "Yes"},      {"first_call_resolution", "0"}};
  const Record r = valid(object, csv);
  CHECK(number(r, "duration_seconds") == 12.5);
  CHECK(integer(r, "tickets_created") == 3);
  CHECK(integer(r, "escalated") == 1);
  CHECK(integer(r, "first_call_resolution") == 0);
}

TEST_CASE("validate: CSV booleans are true/false/1/0/yes/no in any case", "[import]") {
  ValidateOptions csv;
  csv.from_csv = true;
  for (const char* yes : {"true", "TRUE", "1", "yes", "Yes"}) CHECK(integer(valid(call({{"escalated", yes}}), csv), "escalated") == 1);
  for (const char* no : {"false", "False", "0", "no", "NO"}) CHECK(integer(valid(call({{"escalated", no}}), csv), "escalated") == 0);
  CHECK(errors(call({{"escalated", "y"}}), csv) == Errors{"escalated: must be true, false, 1, 0, yes or no (got \"y\")"});
}

TEST_CASE("validate: CSV numbers and integers must be whole cells", "[import]") {
  ValidateOptions csv;
  csv.from_csv = true;
  CHECK(errors(call({{"tickets_created", "2.5"}}), csv) == Errors{"tickets_created: must be an integer (got \"2.5\")"});
  CHECK(errors(call({{"tickets_created", "3x"}}), csv) == Errors{"tickets_created: must be an integer (got \"3x\")"});
  CHECK(errors(call({{"duration_seconds", "nan"}}), csv) == Errors{"duration_seconds: must be a number (got \"nan\")"});
  CHECK(integer(valid(call({{"tickets_created", "3.0"}}), csv), "tickets_created") == 3);
}

TEST_CASE("validate: CSV string lists are ';'-separated", "[import]") {
  ValidateOptions csv;
  csv.from_csv = true;
  CHECK(text(valid(conversation({{"topics", "billing; refund;;"}}), csv), "topics") == R"(["billing","refund"])");
}

TEST_CASE("validate: CSV objects are JSON text", "[import]") {
  ValidateOptions csv;
  csv.from_csv = true;
  CHECK(text(valid(feedback({{"rating", "1"}, {"metadata", R"({"k":"v"})"}}), csv), "metadata") == R"({"k":"v"})");
  CHECK(errors(feedback({{"rating", "1"}, {"metadata", "[1]"}}), csv) == Errors{"metadata: must be a JSON object (got \"[1]\")"});
}
