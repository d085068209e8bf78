// _queue: SimpleQueue, an unbounded FIFO queue for threads.
//
// Items live in a ring buffer (collected, scanned memory) guarded by the
// queue's lock, which is only held for a few loads and stores. A blocked get()
// parks on a futex word that every put() bumps, so it sleeps without holding
// anything and without spinning; signals wake it to run their handlers.
#include <algorithm>
#include <cmath>
#include <ctime>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"
#include "vm/interp.h"
#include "vm/thread_state.h"
#include "vm/world.h"

namespace spindle {

namespace {

Type simplequeue_type;
Type* empty_error;

struct SimpleQueue : Object {
  Mutex lock;
  Value* ring;  // capacity slots; items at [head, head + count) modulo capacity
  int64_t capacity, head, count;
  std::atomic<uint32_t> puts;     // futex word: bumped by every put
  std::atomic<uint32_t> waiters;  // threads parked in get()
};

SimpleQueue* queue_of(Value v) { return v.as<SimpleQueue>(); }

int64_t now_ns() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return int64_t(t.tv_sec) * 1000000000 + t.tv_nsec;
}

Value simplequeue_new(Type* type, const Value*, size_t nargs, Tuple* kwnames) {
  if ((type == &simplequeue_type || type->init == simplequeue_type.init) &&
      (!check_no_kwargs("SimpleQueue", kwnames) || !check_positional("SimpleQueue", nargs, 0, 0)))
    return Value();
  auto* q = alloc_instance<SimpleQueue>(type);
  new (&q->lock) Mutex();
  new (&q->puts) std::atomic<uint32_t>(0);
  new (&q->waiters) std::atomic<uint32_t>(0);
  return Value(q);
}

void push(SimpleQueue* q, Value item) {
  {
    LockGuard guard(q->lock);
    if (q->count == q->capacity) {
      int64_t cap = std::max<int64_t>(8, q->capacity * 2);
      auto* bigger = static_cast<Value*>(gc::alloc(sizeof(Value) * size_t(cap)));
      for (int64_t i = 0; i < q->count; i++) bigger[i] = q->ring[(q->head + i) % q->capacity];
      q->ring = bigger;
      q->capacity = cap;
      q->head = 0;
    }
    q->ring[(q->head + q->count) % q->capacity] = item;
    q->count++;
    q->puts.fetch_add(1, std::memory_order_release);
  }
  if (q->waiters.load(std::memory_order_seq_cst)) futex::wake(&q->puts, 1);
}

// Takes the oldest item; null when empty, with *seen set to the put counter
// read under the lock (a put after it changes the futex word).
Value pop(SimpleQueue* q, uint32_t* seen) {
  LockGuard guard(q->lock);
  *seen = q->puts.load(std::memory_order_relaxed);
  if (q->count == 0) return Value();
  Value item = q->ring[q->head];
  q->ring[q->head] = Value();
  q->head = (q->head + 1) % q->capacity;
  q->count--;
  return item;
}

Value m_put(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"put", {"item", "block", "timeout"}, 1};
  Value a[3] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  push(queue_of(self), a[0]);  // never blocks: block and timeout are accepted for Queue compatibility
  return None();
}

Value m_put_nowait(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"put_nowait", {"item"}, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  push(queue_of(self), a[0]);
  return None();
}

// Removes and returns an item, waiting up to timeout_ns (<0: forever, 0: not at all).
Value get_item(SimpleQueue* q, int64_t timeout_ns) {
  int64_t deadline = timeout_ns > 0 ? now_ns() + timeout_ns : -1;
  for (;;) {
    uint32_t seen;
    if (Value item = pop(q, &seen)) return item;
    int64_t wait = -1;
    if (timeout_ns == 0) return raise_value(Value(empty_error));
    if (deadline >= 0) {
      wait = deadline - now_ns();
      if (wait <= 0) return raise_value(Value(empty_error));
    }
    if (wait < 0 && in_atomic_block()) {
      raise_atomic_deadlock("waiting on an empty queue");
      return Value();
    }
    q->waiters.fetch_add(1, std::memory_order_seq_cst);
    {
      BlockingRegion region;
      futex::wait(&q->puts, seen, wait);
    }
    q->waiters.fetch_sub(1, std::memory_order_relaxed);
    if (ts()->pending.load(std::memory_order_relaxed) && !handle_pending()) return Value();
  }
}

Value m_get(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"get", {"block", "timeout"}, 0};
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int block = a[0] ? truthy(a[0]) : 1;
  if (block < 0) return Value();
  int64_t timeout_ns = -1;
  if (!block) {
    timeout_ns = 0;
  } else if (a[1] && !is_none(a[1])) {
    // Like CPython's timeout conversion: a float, else an integer (__index__).
    double seconds;
    if (is_float(a[1])) {
      seconds = float_value(a[1]);
    } else {
      Value whole = number_index(a[1]);
      if (!whole || !int_to_double(whole, &seconds)) return Value();
    }
    if (std::isnan(seconds)) return raise(&exc::ValueError, "Invalid value NaN (not a number)");
    if (seconds < 0) return raise(&exc::ValueError, "'timeout' must be a non-negative number");
    if (seconds > 9.2e9) return raise(&exc::OverflowError, "timeout value is too large");
    timeout_ns = std::max<int64_t>(1, int64_t(seconds * 1e9));
    if (seconds == 0) timeout_ns = 0;
  }
  return get_item(queue_of(self), timeout_ns);
}

Value m_get_nowait(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("get_nowait", nargs, kwnames)) return Value();
  return get_item(queue_of(self), 0);
}

int64_t queue_size(SimpleQueue* q) {
  LockGuard guard(q->lock);
  return q->count;
}

Value m_empty(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("empty", nargs, kwnames)) return Value();
  return Bool(queue_size(queue_of(self)) == 0);
}

Value m_qsize(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("qsize", nargs, kwnames)) return Value();
  return int_from_i64(queue_size(queue_of(self)));
}

Value m_class_getitem(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__class_getitem__", kwnames) || !check_positional("__class_getitem__", nargs, 1, 1))
    return Value();
  return generic_alias_new(cls, args[0]);
}

const MethodDef simplequeue_methods[] = {
    {"empty", m_empty, kMethodInstance, "Return True if the queue is empty, False otherwise (not reliable!)."},
    {"get", m_get, kMethodInstance,
     "Remove and return an item from the queue.\n\nIf optional args 'block' is true and 'timeout' is None (the default),\n"
     "block if necessary until an item is available. If 'timeout' is\na non-negative number, it blocks at most 'timeout' "
     "seconds and raises\nthe Empty exception if no item was available within that time.\nOtherwise ('block' is false), "
     "return an item if one is immediately\navailable, else raise the Empty exception ('timeout' is ignored\nin that "
     "case)."},
    {"get_nowait", m_get_nowait, kMethodInstance,
     "Remove and return an item from the queue without blocking.\n\nOnly get an item if one is immediately available. "
     "Otherwise\nraise the Empty exception."},
    {"put", m_put, kMethodInstance,
     "Put the item on the queue.\n\nThe optional 'block' and 'timeout' arguments are ignored, as this method\nnever "
     "blocks.  They are provided for compatibility with the Queue class."},
    {"put_nowait", m_put_nowait, kMethodInstance,
     "Put an item into the queue without blocking.\n\nThis is exactly equivalent to `put(item)` and is only provided\n"
     "for compatibility with the Queue class."},
    {"qsize", m_qsize, kMethodInstance, "Return the approximate size of the queue (not reliable!)."},
    {"__class_getitem__", m_class_getitem, kMethodClass, "See PEP 585"},
    {nullptr}};

bool queue_module_init(Module* m) {
  Dict* ns = dict_new();
  dict_set_str(ns, intern_cstr("__module__"), Value(intern_cstr("_queue")));
  dict_set_str(ns, intern_cstr("__doc__"), Value(intern_cstr("Exception raised by Queue.get(block=0)/get_nowait().")));
  Value cls = type_new_impl(&type_type, intern_cstr("Empty"), tuple_pack({Value(&exc::Exception)}), ns, nullptr);
  if (!cls) return false;
  empty_error = cls.as<Type>();

  simplequeue_type.native_name = "_queue.SimpleQueue";
  simplequeue_type.doc = "Simple, unbounded, reentrant FIFO queue.";
  simplequeue_type.flags = kTypeBaseType | kTypeWeakrefable;
  simplequeue_type.instance_size = sizeof(SimpleQueue);
  simplequeue_type.new_ = simplequeue_new;
  simplequeue_type.methods = simplequeue_methods;
  type_ready(&simplequeue_type);
  return module_add(m, "Empty", cls) >= 0 && module_add(m, "SimpleQueue", Value(&simplequeue_type)) >= 0;
}

}  // namespace

extern const ModuleDef queue_module;
const ModuleDef queue_module = {"_queue", "C implementation of the Python queue module.\nThis module is an implementation detail, please do not use it directly.",
                                nullptr, queue_module_init};

}  // namespace spindle
