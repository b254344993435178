#include "core/import/read_ahead.hpp"

#include <utility>

namespace convstat::core {

ReadAhead::ReadAhead(RecordSource& source, const RecordValidator& validator, const RecordType* forced,
                     std::size_t batch_items, std::size_t max_batches)
    : m_source(source),
      m_validator(validator),
      m_forced(forced),
      m_batch_items(batch_items == 0 ? 1 : batch_items),
      m_max_batches(max_batches == 0 ? 1 : max_batches),
      m_worker([this] { work(); }) {}

ReadAhead::~ReadAhead() {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stop = true;
  }
  m_changed.notify_all();
  m_worker.join();
}

void ReadAhead::work() {
  SourceItem item;
  Batch batch;
  batch.items.reserve(m_batch_items);
  try {
    LineValidator lines(m_validator);
    while (m_source.next_text(item)) {
      ValidatedItem& out = batch.items.emplace_back();
      out.line = item.line;
      // Most NDJSON lines go straight to their record; the others are parsed and validated.
      if (item.unparsed) out.record = lines.try_line(item.raw, m_forced);
      if (!out.record) {
        if (item.unparsed) parse_item(item);
        if (item.error) {
          out.errors.push_back(*item.error);
        } else {
          Validation validation = m_validator.validate(item.object, m_forced);
          if (validation.ok()) out.record = std::move(validation.record);
          else out.errors = std::move(validation.errors);
        }
      }
      if (!out.errors.empty()) out.raw = std::move(item.raw);
      if (batch.items.size() == m_batch_items) {
        batch.bytes_read = m_source.bytes_read();
        if (!produce(batch)) return;
      }
    }
  } catch (...) {
    batch.error = std::current_exception();
  }
  batch.bytes_read = m_source.bytes_read();
  batch.last = true;
  produce(batch);
}

bool ReadAhead::produce(Batch& batch) {
  std::unique_lock<std::mutex> lock(m_mutex);
  m_changed.wait(lock, [&] { return m_stop || m_ready.size() < m_max_batches; });
  if (m_stop) return false;
  m_ready.push_back(std::move(batch));
  Batch spent;
  if (!m_spent.empty()) {
    spent = std::move(m_spent.front());
    m_spent.pop_front();
  }
  lock.unlock();
  m_changed.notify_all();
  spent.items.clear();  // frees the consumed items here, keeps the capacity
  spent.error = nullptr;
  spent.last = false;
  batch = std::move(spent);
  batch.items.reserve(m_batch_items);
  return true;
}

void ReadAhead::take_batch() {
  std::unique_lock<std::mutex> lock(m_mutex);
  m_changed.wait(lock, [&] { return !m_ready.empty(); });
  if (m_spent.size() < m_max_batches) m_spent.push_back(std::move(m_current));
  m_current = std::move(m_ready.front());
  m_ready.pop_front();
  lock.unlock();
  m_changed.notify_all();
  m_next = 0;
  m_bytes_read = m_current.bytes_read;
}

const ValidatedItem* ReadAhead::next() {
  while (m_next == m_current.items.size()) {
    if (m_done) return nullptr;
    if (m_current.error) {
      m_done = true;
      std::rethrow_exception(std::exchange(m_current.error, nullptr));
    }
    if (m_current.last) {
      m_done = true;
      return nullptr;
    }
    take_batch();
  }
  return &m_current.items[m_next++];
}

}  // namespace convstat::core
