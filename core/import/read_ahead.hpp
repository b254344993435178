#pragma once
// Reading and validating import items on a second thread, ahead of the
// writer: parsing JSON, checking fields and hashing a record cost about as
// much as upserting it into SQLite, so on two cores the two halves overlap.
// Items come out in input order, so upserts and error reports are exactly
// those of a single-threaded import.
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/import/readers.hpp"
#include "core/import/validate.hpp"

namespace convstat::core {

// One input item, read and validated.
struct ValidatedItem {
  std::int64_t line = 0;           // where the item starts in its input (1-based)
  std::optional<Record> record;    // set when the item is a valid record
  std::vector<FieldError> errors;  // otherwise why not (reader or validator)
  std::string raw;                 // the item's text as read; kept only when it is invalid
};

// Reads `source` and validates each item with `validator` (and `forced`, as
// RecordValidator::validate) on a worker thread, at most `max_batches`
// batches of `batch_items` items ahead of the consumer. Memory stays bounded
// by that window whatever the input's size. `source` and `validator` must
// outlive this object and not be used by anyone else meanwhile.
class ReadAhead {
public:
  ReadAhead(RecordSource& source, const RecordValidator& validator, const RecordType* forced,
            std::size_t batch_items = 512, std::size_t max_batches = 8);
  // Stops the worker (it may be blocked on a full window) and joins it.
  ~ReadAhead();
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  // The next item, or nullptr at the end of the input; valid until the next
  // call. When the source threw (DataError: a corrupt gzip, a broken JSON
  // document), the exception is rethrown here after every item read before it.
  const ValidatedItem* next();
  // Whether the item next() returned last is the last of its batch. The items
  // of a batch stay valid until next() is called after its last one, so a
  // caller may keep pointers to them until then (to write them together).
  bool batch_done() const { return m_next == m_current.items.size(); }
  // Bytes of the input consumed up to the current batch's last item.
  std::uint64_t bytes_read() const { return m_bytes_read; }

private:
  struct Batch {
    std::vector<ValidatedItem> items;
    std::uint64_t bytes_read = 0;
    std::exception_ptr error;  // the source threw after `items`
    bool last = false;         // no batch follows
  };

  void work();
  bool produce(Batch& batch);  // false once stopped; `batch` becomes a spent one to refill
  void take_batch();

  RecordSource& m_source;
  const RecordValidator& m_validator;
  const RecordType* m_forced;
  const std::size_t m_batch_items, m_max_batches;

  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<Batch> m_ready;
  // Batches the consumer is done with, handed back so their items are freed
  // (and their capacity reused) on the worker's thread, where they were
  // allocated: freeing into another thread's malloc arena takes its lock.
  std::deque<Batch> m_spent;
  bool m_stop = false;

  Batch m_current;  // consumer side
  std::size_t m_next = 0;
  bool m_done = false;
  std::uint64_t m_bytes_read = 0;

  std::thread m_worker;  // last: started once everything above exists
};

}  // namespace convstat::core
