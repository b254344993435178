#include "core/hot/hot_columns.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <numeric>
#include <vector>

#include "core/cache/raw_statement.hpp"
#include "core/query/columns.hpp"
#include "core/query/conversations.hpp"

namespace convstat::core {
namespace {

// ---- building ----------------------------------------------------------------

// Strings to codes through an open-addressing table of (hash, code) pairs
// over the dictionary's own bytes: one probe is one cache line, where a
// node-based map of millions of strings (contacts) missed the cache two or
// three times per lookup.
class DictionaryBuilder {
public:
  DictionaryBuilder() : m_slots(1024) {}
  // The code of `text` (1-based), added when new.
  std::uint32_t code(std::string_view text) {
    const std::uint64_t hash = std::hash<std::string_view>{}(text);
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    std::size_t i = static_cast<std::size_t>(hash) & (m_slots.size() - 1);
    for (;; i = (i + 1) & (m_slots.size() - 1)) {
      const Slot slot = m_slots[i];
      if (slot.code == 0) break;
      if (slot.tag == tag && at(slot.code) == text) return slot.code;
    }
    m_bytes += text;
    m_offsets.push_back(m_bytes.size());
    const auto code = static_cast<std::uint32_t>(m_offsets.size() - 1);
    m_slots[i] = {tag, static_cast<std::uint32_t>(hash), code};
    if (code * 2 > m_slots.size()) grow();
    return code;
  }
  const std::vector<std::uint64_t>& offsets() const { return m_offsets; }
  const std::string& bytes() const { return m_bytes; }

private:
  struct Slot {
    std::uint32_t tag = 0, low = 0;  // the hash's high and low halves
    std::uint32_t code = 0;          // 0: empty
  };
  std::string_view at(std::uint32_t code) const {
    return std::string_view(m_bytes).substr(m_offsets[code - 1], m_offsets[code] - m_offsets[code - 1]);
  }
  void grow() {
    std::vector<Slot> slots(m_slots.size() * 2);
    for (const Slot& slot : m_slots) {
      if (slot.code == 0) continue;
      const std::uint64_t hash = (static_cast<std::uint64_t>(slot.tag) << 32) | slot.low;
      std::size_t i = static_cast<std::size_t>(hash) & (slots.size() - 1);
      while (slots[i].code != 0) i = (i + 1) & (slots.size() - 1);
      slots[i] = slot;
    }
    m_slots = std::move(slots);
  }
  std::vector<Slot> m_slots;
  std::vector<std::uint64_t> m_offsets{0};
  std::string m_bytes;
};

struct StringsBuilder {
  std::vector<std::uint64_t> offsets{0};
  std::string bytes;
  void add(std::string_view s) {
    bytes += s;
    offsets.push_back(bytes.size());
  }
};

// The shared raw statement, with the hot columns' readings of a column: an
// instant (k_no_time for NULL) and a dictionary code (0 for NULL).
class HotStatement : public RawStatement {
public:
  using RawStatement::RawStatement;
  std::int64_t time(int i) const { return null(i) ? k_no_time : integer(i); }
  std::uint32_t code(int i, DictionaryBuilder& dictionary) const { return null(i) ? 0 : dictionary.code(text(i)); }
};

// The strings of a JSON list of plain strings (["a", "b"]) without parsing a
// document; nullopt for anything else (escapes, other items), which the
// caller hands to the full parser.
std::optional<std::vector<std::string_view>> simple_string_list(std::string_view s) {
  std::vector<std::string_view> items;
  std::size_t i = 0;
  const auto skip = [&] { while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i; };
  skip();
  if (i == s.size() || s[i++] != '[') return std::nullopt;
  skip();
  if (i < s.size() && s[i] == ']') {
    ++i;
    skip();
    return i == s.size() ? std::optional(items) : std::nullopt;
  }
  while (true) {
    if (i == s.size() || s[i++] != '"') return std::nullopt;
    const std::size_t start = i;
    while (i < s.size() && s[i] != '"' && s[i] != '\\' && static_cast<unsigned char>(s[i]) >= 0x20) ++i;
    if (i == s.size() || s[i] != '"') return std::nullopt;
    items.push_back(s.substr(start, i - start));
    ++i;
    skip();
    if (i == s.size()) return std::nullopt;
    if (s[i] == ']') break;
    if (s[i++] != ',') return std::nullopt;
    skip();
  }
  ++i;
  skip();
  if (i != s.size()) return std::nullopt;
  return items;
}

struct Dictionaries {
  DictionaryBuilder tenants, channels, team_ids, team_names, assignee_ids, assignee_names, contacts, topics;
};

struct ConversationBuild {
  // Room for `rows` rows up front: no copies while the columns grow.
  void reserve(std::size_t rows) {
    for (auto* v : {&started_at, &ended_at, &first_response_at, &resolved_at, &escalated_at, &first_response_due_at,
                    &resolution_due_at})
      v->reserve(rows);
    for (auto* v : {&tenant, &channel, &team_id, &team_name, &assignee_id, &assignee_name, &contact}) v->reserve(rows);
    resolved_by.reserve(rows);
    priority.reserve(rows);
    id.offsets.reserve(rows + 1);
    topic_offsets.reserve(rows + 1);
  }
  std::vector<std::int64_t> started_at, ended_at, first_response_at, resolved_at, escalated_at,
      first_response_due_at, resolution_due_at;
  std::vector<std::uint32_t> tenant, channel, team_id, team_name, assignee_id, assignee_name, contact;
  std::vector<std::uint8_t> resolved_by, priority;
  StringsBuilder id;
  std::vector<std::uint64_t> topic_offsets{0};
  std::vector<std::uint32_t> topic_codes;
};

void read_conversations(sqlite3* db, Dictionaries& d, ConversationBuild& b) {
  {
    HotStatement count(db, "SELECT count(*) FROM conversations");
    if (count.step()) b.reserve(static_cast<std::size_t>(count.integer(0)));
  }
  HotStatement q(db,
                 "SELECT rid, id, tenant, channel, team_id, team_name, assignee_id, assignee_name, contact_id, "
                 "started_at, ended_at, first_response_at, resolved_at, escalated_at, first_response_due_at, "
                 "resolution_due_at, resolved_by, priority, topics FROM conversations ORDER BY rid");
  std::string key;
  std::vector<std::uint32_t> codes;
  while (q.step()) {
    // A start that is not a number never falls in a range on the SQL path either.
    if (q.type(9) != SQLITE_INTEGER && q.type(9) != SQLITE_FLOAT) continue;
    b.id.add(q.text(1));
    b.tenant.push_back(d.tenants.code(q.text(2)));
    b.channel.push_back(q.null(3) ? d.channels.code("chat") : d.channels.code(q.text(3)));
    b.team_id.push_back(q.code(4, d.team_ids));
    b.team_name.push_back(q.code(5, d.team_names));
    b.assignee_id.push_back(q.code(6, d.assignee_ids));
    b.assignee_name.push_back(q.code(7, d.assignee_names));
    if (q.null(8)) {
      b.contact.push_back(0);
    } else {
      key.assign(q.text(2)).append(1, '\x1f').append(q.text(8));
      b.contact.push_back(d.contacts.code(key));
    }
    b.started_at.push_back(q.integer(9));
    b.ended_at.push_back(q.time(10));
    b.first_response_at.push_back(q.time(11));
    b.resolved_at.push_back(q.time(12));
    b.escalated_at.push_back(q.time(13));
    b.first_response_due_at.push_back(q.time(14));
    b.resolution_due_at.push_back(q.time(15));
    b.resolved_by.push_back(static_cast<std::uint8_t>(
        q.null(16) ? HotResolvedBy::none : q.text(16) == "ai" ? HotResolvedBy::ai : HotResolvedBy::human));
    b.priority.push_back(static_cast<std::uint8_t>(q.null(17) ? Priority::unset : priority_named(q.text(17))));
    codes.clear();
    if (!q.null(18)) {
      if (auto simple = simple_string_list(q.text(18))) {
        for (const std::string_view t : *simple) codes.push_back(d.topics.code(t));
      } else {
        for (const std::string& t : string_list_of(std::string(q.text(18)))) codes.push_back(d.topics.code(t));
      }
      std::sort(codes.begin(), codes.end());
      codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    }
    b.topic_codes.insert(b.topic_codes.end(), codes.begin(), codes.end());
    b.topic_offsets.push_back(b.topic_codes.size());
  }
}

template <class T>
void permute(std::vector<T>& column, const std::vector<std::uint32_t>& order) {
  std::vector<T> out(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) out[i] = column[order[i]];
  column = std::move(out);
}

// Reorders the rows by (started_at, rid): rows were read by rid, so a stable sort by started_at.
void order_by_start(ConversationBuild& b) {
  std::vector<std::uint32_t> order(b.started_at.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t x, std::uint32_t y) { return b.started_at[x] < b.started_at[y]; });
  for (auto* c : {&b.started_at, &b.ended_at, &b.first_response_at, &b.resolved_at, &b.escalated_at,
                  &b.first_response_due_at, &b.resolution_due_at})
    permute(*c, order);
  for (auto* c : {&b.tenant, &b.channel, &b.team_id, &b.team_name, &b.assignee_id, &b.assignee_name, &b.contact})
    permute(*c, order);
  permute(b.resolved_by, order);
  permute(b.priority, order);
  StringsBuilder ids;
  std::vector<std::uint64_t> topic_offsets{0};
  std::vector<std::uint32_t> topic_codes;
  topic_codes.reserve(b.topic_codes.size());
  for (const std::uint32_t row : order) {
    ids.add(std::string_view(b.id.bytes).substr(b.id.offsets[row], b.id.offsets[row + 1] - b.id.offsets[row]));
    topic_codes.insert(topic_codes.end(), b.topic_codes.begin() + static_cast<std::ptrdiff_t>(b.topic_offsets[row]),
                       b.topic_codes.begin() + static_cast<std::ptrdiff_t>(b.topic_offsets[row + 1]));
    topic_offsets.push_back(topic_codes.size());
  }
  b.id = std::move(ids);
  b.topic_offsets = std::move(topic_offsets);
  b.topic_codes = std::move(topic_codes);
}

struct CsatBuild {
  std::vector<std::int64_t> sent_at, responded_at, conversation_started_at;
  std::vector<std::int32_t> rating;
  std::vector<std::uint32_t> tenant, assignee_id, assignee_name;
  StringsBuilder conversation_id;
  std::vector<std::uint32_t> by_responded_at;
};

// The csat records with their conversation's assignee, as load_csat_records joins them.
// False when a rating reads as k_no_rating (the copy could not tell it from none).
bool read_csat(sqlite3* db, Dictionaries& d, CsatBuild& b) {
  HotStatement q(db,
                 "SELECT s.sent_at, s.responded_at, s.rating, s.tenant, s.conversation_id, c.assignee_id, "
                 "c.assignee_name, c.started_at FROM csat s LEFT JOIN conversations c "
                 "ON c.tenant = s.tenant AND c.id = s.conversation_id ORDER BY s.sent_at, s.rid");
  while (q.step()) {
    b.sent_at.push_back(q.time(0));
    b.responded_at.push_back(q.time(1));
    const std::int32_t rating = q.null(2) ? k_no_rating : q.integer32(2);
    if (!q.null(2) && rating == k_no_rating) return false;
    b.rating.push_back(rating);
    b.tenant.push_back(d.tenants.code(q.text(3)));
    b.conversation_id.add(q.text(4));
    b.assignee_id.push_back(q.code(5, d.assignee_ids));
    b.assignee_name.push_back(q.code(6, d.assignee_names));
    b.conversation_started_at.push_back(q.time(7));
  }
  if (!std::is_sorted(b.sent_at.begin(), b.sent_at.end())) return false;  // a value of another type
  b.by_responded_at.resize(b.sent_at.size());
  std::iota(b.by_responded_at.begin(), b.by_responded_at.end(), 0u);
  std::stable_sort(b.by_responded_at.begin(), b.by_responded_at.end(),
                   [&](std::uint32_t x, std::uint32_t y) { return b.responded_at[x] < b.responded_at[y]; });
  return true;
}

struct EmailBuild {
  std::vector<std::int64_t> at;
  std::vector<std::uint32_t> tenant;
  std::vector<std::uint8_t> direction;
};

// The messages of email conversations, as count_email_messages joins them.
void read_email_messages(sqlite3* db, Dictionaries& d, EmailBuild& b) {
  HotStatement q(db,
                 "SELECT m.at, m.tenant, m.direction FROM messages m JOIN conversations c "
                 "ON c.tenant = m.tenant AND c.id = m.conversation_id WHERE c.channel = 'email' AND m.at IS NOT NULL "
                 "ORDER BY m.at");
  while (q.step()) {
    b.at.push_back(q.integer(0));
    b.tenant.push_back(d.tenants.code(q.text(1)));
    const std::string_view direction = q.null(2) ? std::string_view() : q.text(2);
    b.direction.push_back(direction == "inbound"    ? k_direction_inbound
                          : direction == "outbound" ? k_direction_outbound
                                                    : k_direction_other);
  }
}

template <class T>
std::string_view bytes_of(const std::vector<T>& v) {
  return {reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T)};
}

// ---- reading -----------------------------------------------------------------

// Hands out the sections in the order they were written, typed.
class SectionReader {
public:
  explicit SectionReader(const SectionFile& file) : m_file(file) {}
  template <class T>
  std::span<const T> next() {
    if (m_next >= m_file.section_count()) {
      m_ok = false;
      return {};
    }
    const std::string_view s = m_file.section(m_next++);
    if (s.size() % sizeof(T) != 0) m_ok = false;
    return {reinterpret_cast<const T*>(s.data()), s.size() / sizeof(T)};
  }
  std::string_view bytes() { return m_next < m_file.section_count() ? m_file.section(m_next++) : (m_ok = false, std::string_view()); }
  HotDictionary dictionary() {
    const auto offsets = next<std::uint64_t>();
    const std::string_view b = bytes();
    HotDictionary d(offsets, b);
    if (offsets.empty() || !d.consistent()) m_ok = false;
    return d;
  }
  HotStrings strings(std::size_t rows) {
    HotStrings s{next<std::uint64_t>(), bytes()};
    // Only the ends are checked here; rows are checked as they are read.
    if (s.offsets.size() != rows + 1 || s.offsets.front() != 0 || s.offsets.back() != s.bytes.size()) m_ok = false;
    return s;
  }
  bool ok() const { return m_ok && m_next == m_file.section_count(); }

private:
  const SectionFile& m_file;
  std::size_t m_next = 0;
  bool m_ok = true;
};

bool all_sized(std::size_t n, std::initializer_list<std::size_t> sizes) {
  return std::all_of(sizes.begin(), sizes.end(), [n](std::size_t s) { return s == n; });
}

constexpr int k_hot_schema_version = 6;  // the first with hot_changes

std::string last_row(Cache& cache, const char* table) {
  sqlite3* db = cache.db().getHandle();
  HotStatement q(db, std::string("SELECT rid, content_hash FROM ") + table + " ORDER BY rid DESC LIMIT 1");
  return q.step() ? std::to_string(q.integer(0)) + ":" + std::string(q.text(1)) : "0:";
}

}  // namespace

std::uint32_t HotDictionary::find(std::string_view text) const {
  for (std::uint32_t code = 1; code <= size(); ++code)
    if (at(code) == text) return code;
  return 0;
}

bool HotDictionary::consistent() const {
  if (m_offsets.empty() || m_offsets.front() != 0 || m_offsets.back() != m_bytes.size()) return false;
  return std::is_sorted(m_offsets.begin(), m_offsets.end());
}

std::optional<std::string> hot_fingerprint(Cache& cache) {
  if (cache.schema_version() < k_hot_schema_version) return std::nullopt;
  SQLite::Statement q(cache.db(), "SELECT n, cache_id FROM hot_changes");
  if (!q.executeStep()) return std::nullopt;
  const std::int64_t changes = q.getColumn(0).getInt64();
  return "hot-v1 schema " + std::to_string(cache.schema_version()) + " cache " + q.getColumn(1).getString() +
         " changes " + std::to_string(changes) +
         " conversations " + last_row(cache, "conversations") + " csat " + last_row(cache, "csat") + " messages " +
         last_row(cache, "messages");
}

bool HotColumns::build(Cache& cache, const std::string& path) {
  Dictionaries d;
  ConversationBuild c;
  CsatBuild s;
  EmailBuild m;
  std::string stamp;
  sqlite3* const db = cache.db().getHandle();
  // Read through the bounded page cache, not the memory map: a full read of a
  // mapped file would count every page of it as this process's memory.
  const std::int64_t mmap_size = cache.db().execAndGet("PRAGMA mmap_size").getInt64();
  cache.db().exec("PRAGMA mmap_size = 0");
  struct RestoreMap {
    Cache& cache;
    std::int64_t size;
    ~RestoreMap() {
      try {
        cache.db().exec("PRAGMA mmap_size = " + std::to_string(size));
      } catch (...) {  // a later statement only reads without the map
      }
    }
  } restore{cache, mmap_size};
  cache.db().exec("BEGIN");  // one snapshot for the fingerprint and the rows
  try {
    stamp = hot_fingerprint(cache).value_or("");
    read_conversations(db, d, c);
    if (!read_csat(db, d, s)) stamp.clear();
    read_email_messages(db, d, m);
    if (!std::is_sorted(m.at.begin(), m.at.end())) stamp.clear();
    cache.db().exec("COMMIT");
  } catch (...) {
    cache.db().exec("ROLLBACK");
    throw;
  }
  if (stamp.empty()) return false;
  order_by_start(c);
  std::vector<std::string_view> sections;
  for (const DictionaryBuilder* dict : {&d.tenants, &d.channels, &d.team_ids, &d.team_names, &d.assignee_ids,
                                        &d.assignee_names, &d.contacts, &d.topics}) {
    sections.push_back(bytes_of(dict->offsets()));
    sections.push_back(dict->bytes());
  }
  for (const auto* v : {&c.started_at, &c.ended_at, &c.first_response_at, &c.resolved_at, &c.escalated_at,
                        &c.first_response_due_at, &c.resolution_due_at})
    sections.push_back(bytes_of(*v));
  for (const auto* v : {&c.tenant, &c.channel, &c.team_id, &c.team_name, &c.assignee_id, &c.assignee_name, &c.contact})
    sections.push_back(bytes_of(*v));
  sections.push_back(bytes_of(c.resolved_by));
  sections.push_back(bytes_of(c.priority));
  sections.push_back(bytes_of(c.id.offsets));
  sections.push_back(c.id.bytes);
  sections.push_back(bytes_of(c.topic_offsets));
  sections.push_back(bytes_of(c.topic_codes));
  for (const auto* v : {&s.sent_at, &s.responded_at, &s.conversation_started_at}) sections.push_back(bytes_of(*v));
  sections.push_back(bytes_of(s.rating));
  for (const auto* v : {&s.tenant, &s.assignee_id, &s.assignee_name}) sections.push_back(bytes_of(*v));
  sections.push_back(bytes_of(s.conversation_id.offsets));
  sections.push_back(s.conversation_id.bytes);
  sections.push_back(bytes_of(s.by_responded_at));
  sections.push_back(bytes_of(m.at));
  sections.push_back(bytes_of(m.tenant));
  sections.push_back(bytes_of(m.direction));
  return write_section_file(path, stamp, sections);
}

std::optional<HotColumns> HotColumns::open(const std::string& path, std::string_view stamp) {
  HotColumns h;
  h.m_file = SectionFile(path);
  if (!h.m_file.valid() || h.m_file.stamp() != stamp) return std::nullopt;
  SectionReader r(h.m_file);
  for (HotDictionary* dict : {&h.tenants, &h.channels, &h.team_ids, &h.team_names, &h.assignee_ids,
                              &h.assignee_names, &h.contacts, &h.topics})
    *dict = r.dictionary();
  HotConversationColumns& c = h.conversations;
  for (auto* v : {&c.started_at, &c.ended_at, &c.first_response_at, &c.resolved_at, &c.escalated_at,
                  &c.first_response_due_at, &c.resolution_due_at})
    *v = r.next<std::int64_t>();
  for (auto* v : {&c.tenant, &c.channel, &c.team_id, &c.team_name, &c.assignee_id, &c.assignee_name, &c.contact})
    *v = r.next<std::uint32_t>();
  c.resolved_by = r.next<std::uint8_t>();
  c.priority = r.next<std::uint8_t>();
  c.size = c.started_at.size();
  c.id = r.strings(c.size);
  c.topic_offsets = r.next<std::uint64_t>();
  c.topic_codes = r.next<std::uint32_t>();
  HotCsatColumns& s = h.csat;
  for (auto* v : {&s.sent_at, &s.responded_at, &s.conversation_started_at}) *v = r.next<std::int64_t>();
  s.rating = r.next<std::int32_t>();
  for (auto* v : {&s.tenant, &s.assignee_id, &s.assignee_name}) *v = r.next<std::uint32_t>();
  s.size = s.sent_at.size();
  s.conversation_id = r.strings(s.size);
  s.by_responded_at = r.next<std::uint32_t>();
  HotEmailMessageColumns& m = h.email_messages;
  m.at = r.next<std::int64_t>();
  m.tenant = r.next<std::uint32_t>();
  m.direction = r.next<std::uint8_t>();
  m.size = m.at.size();
  const bool sized =
      all_sized(c.size, {c.ended_at.size(), c.first_response_at.size(), c.resolved_at.size(), c.escalated_at.size(),
                         c.first_response_due_at.size(), c.resolution_due_at.size(), c.tenant.size(), c.channel.size(),
                         c.team_id.size(), c.team_name.size(), c.assignee_id.size(), c.assignee_name.size(),
                         c.contact.size(), c.resolved_by.size(), c.priority.size(), c.topic_offsets.size() - 1}) &&
      !c.topic_offsets.empty() && c.topic_offsets.front() == 0 && c.topic_offsets.back() == c.topic_codes.size() &&
      all_sized(s.size, {s.responded_at.size(), s.conversation_started_at.size(), s.rating.size(), s.tenant.size(),
                         s.assignee_id.size(), s.assignee_name.size(), s.by_responded_at.size()}) &&
      all_sized(m.size, {m.tenant.size(), m.direction.size()});
  if (!r.ok() || !sized) return std::nullopt;
  return h;
}

std::optional<HotColumns> HotColumns::for_cache(Cache& cache) {
  const std::string& cache_path = cache.path();
  if (cache_path.empty() || cache_path == ":memory:" || cache_path.rfind("file:", 0) == 0) return std::nullopt;
  if (sqlite3_get_autocommit(cache.db().getHandle()) == 0) return std::nullopt;  // sees its own uncommitted rows
  // A fingerprint that cannot be read (a hot_changes table someone altered,
  // …) only turns the hot columns off: the SQL path says what is wrong.
  const auto fingerprint = [&cache]() -> std::optional<std::string> {
    try {
      return hot_fingerprint(cache);
    } catch (const SQLite::Exception&) {
      return std::nullopt;
    }
  };
  const auto stamp = fingerprint();
  if (!stamp) return std::nullopt;
  const std::string path = path_for(cache_path);
  if (auto hot = open(path, *stamp)) return hot;
  const std::string folder = std::filesystem::path(path).parent_path().string();
  if (::access(folder.empty() ? "." : folder.c_str(), W_OK) != 0) return std::nullopt;  // not worth a full read
  try {
    if (!build(cache, path)) return std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;  // busy, … : the SQL path reads what it can, or says why not
  }
  // Built from one snapshot: current unless a writer committed meanwhile.
  const auto now = fingerprint();
  return now ? open(path, *now) : std::nullopt;
}

}  // namespace convstat::core
