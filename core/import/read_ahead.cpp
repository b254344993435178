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
    while (m_source.next(item)) {
      ValidatedItem& out = batch.items.emplace_back();
      out.line = item.line;
      if (item.error) {
        out.errors.push_back(*item.error);
      } else {
        Validation validation = m_validator.validate(item.object, m_forced);
        if (validation.ok()) out.record = std::move(validation.record);
        else out.errors = std::move(validation.errors);
      }
      if (!out.errors.empty()) out.raw = std::move(item.raw);
      if (batch.items.size() == m_batch_items) {
        batch.bytes_read = m_source.bytes_read();
        if (!produce(std::exchange(batch, Batch{}))) return;
        batch.items.reserve(m_batch_items);
      }
    }
  } catch (...) {
    batch.error = std::current_exception();
  }
  batch.bytes_read = m_source.bytes_read();
  batch.last = true;
  produce(std::move(batch));
}

bool ReadAhead::produce(Batch batch) {
  std::unique_lock<std::mutex> lock(m_mutex);
  m_changed.wait(lock, [&] { return m_stop || m_ready.size() < m_max_batches; });
  if (m_stop) return false;
  m_ready.push_back(std::move(batch));
  lock.unlock();
  m_changed.notify_all();
  return true;
}

void ReadAhead::take_batch() {
  std::unique_lock<std::mutex> lock(m_mutex);
  m_changed.wait(lock, [&] { return !m_ready.empty(); });
  m_current = std::move(m_ready.front());
  m_ready.pop_front();
  lock.unlock();
  m_changed.notify_all();
  m_next = 0;
  m_bytes_read = m_current.bytes_read;
}

bool ReadAhead::next(ValidatedItem& item) {
  while (m_next == m_current.items.size()) {
    if (m_done) return false;
    if (m_current.error) {
      m_done = true;
      std::rethrow_exception(std::exchange(m_current.error, nullptr));
    }
    if (m_current.last) {
      m_done = true;
      return false;
    }
    take_batch();
  }
  item = std::move(m_current.items[m_next++]);
  return true;
}

}  // namespace convstat::core
