// The _heapq module: the heap primitives under heapq.py, with CPython 3.11's
// comparison order. Comparisons run Python code that may change the list, so
// every access re-checks the size; a changed size raises RuntimeError (or
// IndexError where CPython raises it) instead of reading stale slots.
#include "objects/args.h"
#include "objects/exception.h"
#include "objects/list.h"
#include "objects/module.h"
#include "threads/mutex.h"

namespace spindle {

namespace {

// The heap order: a comes before b in a min-heap when a < b, in a max-heap
// when b < a. -1 on error.
using BeforeFn = int (*)(Value a, Value b);
int min_before(Value a, Value b) { return rich_compare_bool(a, b, CompareOp::LT); }
int max_before(Value a, Value b) { return rich_compare_bool(b, a, CompareOp::LT); }

Value raise_changed_size() { return raise(&exc::RuntimeError, "list changed size during iteration"); }
Value raise_index_out_of_range() { return raise(&exc::IndexError, "index out of range"); }

// Reads two slots for a comparison; false (no exception) when either is gone.
bool read_pair(List* heap, int64_t i, int64_t j, Value* a, Value* b) {
  *a = list_get(heap, i);
  *b = list_get(heap, j);
  return *a && *b;
}

// Swaps two slots if the list still has `expected_size` items.
bool swap_slots(List* heap, int64_t i, int64_t j, int64_t expected_size) {
  LockGuard guard(heap->lock);
  if (heap->size.load(std::memory_order_relaxed) != expected_size) return false;
  ListItems* items = heap->items.load(std::memory_order_relaxed);
  uint64_t vi = items->slots[i].load(std::memory_order_relaxed);
  items->slots[i].store(items->slots[j].load(std::memory_order_relaxed), std::memory_order_release);
  items->slots[j].store(vi, std::memory_order_release);
  return true;
}

// Moves the item at pos up towards start_pos while it comes before its parent.
bool sift_down(List* heap, int64_t start_pos, int64_t pos, BeforeFn before) {
  int64_t size = list_size(heap);
  if (pos >= size) {
    raise_index_out_of_range();
    return false;
  }
  while (pos > start_pos) {
    int64_t parent_pos = (pos - 1) >> 1;
    Value item, parent;
    if (!read_pair(heap, pos, parent_pos, &item, &parent)) {
      raise_changed_size();
      return false;
    }
    int cmp = before(item, parent);
    if (cmp < 0) return false;
    if (size != list_size(heap)) {
      raise_changed_size();
      return false;
    }
    if (cmp == 0) break;
    if (!swap_slots(heap, parent_pos, pos, size)) {
      raise_changed_size();
      return false;
    }
    pos = parent_pos;
  }
  return true;
}

// Moves the earlier child up until pos reaches a leaf, then sifts the item
// that was at pos back down into place (fewer comparisons than stopping early).
bool sift_up(List* heap, int64_t pos, BeforeFn before) {
  int64_t end_pos = list_size(heap);
  int64_t start_pos = pos;
  if (pos >= end_pos) {
    raise_index_out_of_range();
    return false;
  }
  int64_t limit = end_pos >> 1;  // the first position without children
  while (pos < limit) {
    int64_t child_pos = 2 * pos + 1;
    if (child_pos + 1 < end_pos) {
      Value left, right;
      if (!read_pair(heap, child_pos, child_pos + 1, &left, &right)) {
        raise_changed_size();
        return false;
      }
      int cmp = before(left, right);
      if (cmp < 0) return false;
      if (cmp == 0) child_pos++;
      if (end_pos != list_size(heap)) {
        raise_changed_size();
        return false;
      }
    }
    if (!swap_slots(heap, child_pos, pos, end_pos)) {
      raise_changed_size();
      return false;
    }
    pos = child_pos;
  }
  return sift_down(heap, start_pos, pos, before);
}

// Argument checks with CPython's messages.
List* heap_arg(const char* fname, Value v, bool only_argument) {
  if (is_list(v)) return v.as<List>();
  const char* given = is_none(v) ? "None" : type_name(v);
  if (only_argument) raise(&exc::TypeError, "%s() argument must be list, not %s", fname, given);
  else raise(&exc::TypeError, "%s() argument 1 must be list, not %s", fname, given);
  return nullptr;
}

List* one_arg(const char* fname, const char* qualified, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs(qualified, kwnames) || !check_nargs(qualified, nargs, 1, 1)) return nullptr;
  return heap_arg(fname, args[0], true);
}

List* two_args(const char* fname, const char* qualified, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs(qualified, kwnames) || !check_positional(fname, nargs, 2, 2)) return nullptr;
  return heap_arg(fname, args[0], false);
}

Value heappush(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  List* heap = two_args("heappush", "_heapq.heappush", args, nargs, kwnames);
  if (!heap) return Value();
  list_append(heap, args[1]);
  if (!sift_down(heap, 0, list_size(heap) - 1, min_before)) return Value();
  return None();
}

Value pop_top(List* heap, BeforeFn before) {
  Value last;
  {
    LockGuard guard(heap->lock);
    int64_t n = heap->size.load(std::memory_order_relaxed);
    if (n == 0) return raise_index_out_of_range();
    last = list_get(heap, n - 1);
    list_remove_locked(heap, n - 1);
  }
  Value top = list_get(heap, 0);
  if (!top) return last;  // the heap held one item
  if (!list_set(heap, 0, last)) return raise_index_out_of_range();
  if (!sift_up(heap, 0, before)) return Value();
  return top;
}

Value replace_top(List* heap, Value item, BeforeFn before) {
  Value top = list_get(heap, 0);
  if (!top || !list_set(heap, 0, item)) return raise_index_out_of_range();
  if (!sift_up(heap, 0, before)) return Value();
  return top;
}

// Small heaps are built bottom-up; large ones in the cache-friendly order of
// CPython (subtrees finished one after another), which performs the same
// comparisons in a different order.
bool heapify(List* heap, BeforeFn before) {
  int64_t n = list_size(heap);
  if (n <= 2500) {
    for (int64_t i = (n >> 1) - 1; i >= 0; i--)
      if (!sift_up(heap, i, before)) return false;
    return true;
  }
  int64_t m = n >> 1;  // the first childless node
  int64_t row_start = 1;
  while (row_start * 2 <= m + 1) row_start *= 2;
  int64_t leftmost = row_start - 1;  // the leftmost node in m's row
  int64_t mhalf = m >> 1;            // the parent of the first childless node
  auto sift_subtrees = [&](int64_t from, int64_t to) {
    for (int64_t i = from; i >= to; i--)
      for (int64_t j = i;; j >>= 1) {
        if (!sift_up(heap, j, before)) return false;
        if (!(j & 1)) break;
      }
    return true;
  };
  return sift_subtrees(leftmost - 1, mhalf) && sift_subtrees(m - 1, leftmost);
}

Value heappop(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  List* heap = one_arg("heappop", "_heapq.heappop", args, nargs, kwnames);
  return heap ? pop_top(heap, min_before) : Value();
}

Value heappop_max(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  List* heap = one_arg("_heappop_max", "_heapq._heappop_max", args, nargs, kwnames);
  return heap ? pop_top(heap, max_before) : Value();
}

Value heapreplace(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  List* heap = two_args("heapreplace", "_heapq.heapreplace", args, nargs, kwnames);
  return heap ? replace_top(heap, args[1], min_before) : Value();
}

Value heapreplace_max(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  List* heap = two_args("_heapreplace_max", "_heapq._heapreplace_max", args, nargs, kwnames);
  return heap ? replace_top(heap, args[1], max_before) : Value();
}

Value heappushpop(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  List* heap = two_args("heappushpop", "_heapq.heappushpop", args, nargs, kwnames);
  if (!heap) return Value();
  Value item = args[1];
  Value top = list_get(heap, 0);
  if (!top) return item;
  int cmp = rich_compare_bool(top, item, CompareOp::LT);
  if (cmp < 0) return Value();
  if (cmp == 0) return item;
  return replace_top(heap, item, min_before);
}

Value heapify_min(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  List* heap = one_arg("heapify", "_heapq.heapify", args, nargs, kwnames);
  return heap && heapify(heap, min_before) ? None() : Value();
}

Value heapify_max(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  List* heap = one_arg("_heapify_max", "_heapq._heapify_max", args, nargs, kwnames);
  return heap && heapify(heap, max_before) ? None() : Value();
}

const MethodDef heapq_methods[] = {
    {"heappush", heappush, kMethodStatic, "Push item onto heap, maintaining the heap invariant."},
    {"heappushpop", heappushpop, kMethodStatic,
     "Push item on the heap, then pop and return the smallest item from the heap.\n\nThe combined action runs more "
     "efficiently than heappush() followed by\na separate call to heappop()."},
    {"heappop", heappop, kMethodStatic, "Pop the smallest item off the heap, maintaining the heap invariant."},
    {"heapreplace", heapreplace, kMethodStatic,
     "Pop and return the current smallest value, and add the new item.\n\nThis is more efficient than heappop() "
     "followed by heappush(), and can be\nmore appropriate when using a fixed-size heap.  Note that the value\n"
     "returned may be larger than item!  That constrains reasonable uses of\nthis routine unless written as part of "
     "a conditional replacement:\n\n    if item > heap[0]:\n        item = heapreplace(heap, item)"},
    {"heapify", heapify_min, kMethodStatic, "Transform list into a heap, in-place, in O(len(heap)) time."},
    {"_heappop_max", heappop_max, kMethodStatic, "Maxheap variant of heappop."},
    {"_heapreplace_max", heapreplace_max, kMethodStatic, "Maxheap variant of heapreplace."},
    {"_heapify_max", heapify_max, kMethodStatic, "Maxheap variant of heapify."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

extern const ModuleDef heapq_module = {"_heapq", "Heap queue algorithm (a.k.a. priority queue).", heapq_methods, nullptr};

}  // namespace spindle
