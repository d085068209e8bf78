// list.sort: timsort, as described in CPython's Objects/listsort.txt (natural
// runs, minrun, binary insertion, galloping merges, and 3.11's powersort merge
// policy), so the same comparisons happen in the same order as in CPython.
//
// Concurrency: when every key compares without running Python code (ints,
// floats, exact strs and bytes, tuples of those) the whole sort runs under the
// list's lock on a private copy that is then published as a new block, so
// `l.sort()` is atomic for other threads. Otherwise comparisons (or the key
// function) run Python code, which must not run under the lock: then, as in
// CPython, the list looks empty while it is sorted, and a change made
// meanwhile (by this thread's callbacks or by another thread) is discarded and
// reported as "list modified during sort".
#include <algorithm>
#include <cstring>

#include "gc/gc.h"
#include "objects/exception.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace spindle {

Tuple* list_snapshot_locked(List* l);

namespace {

constexpr int kMinGallop = 7;
// Powersort keeps at most about log2(n) + 1 runs pending.
constexpr int kMaxPending = 85;

// Sorts keys[0..n) stably, permuting values (when given) alongside. On a
// failed comparison it stops with the exception pending; both arrays then hold
// a permutation of their original contents.
class TimSort {
 public:
  TimSort(Value* keys, Value* values, int64_t n) : keys_(keys), values_(values), n_(n) {}

  bool run() {
    if (n_ < 2) return true;
    int64_t minrun = compute_minrun(n_);
    int64_t lo = 0, remaining = n_;
    do {
      bool descending;
      int64_t n = count_run(lo, lo + remaining, &descending);
      if (n < 0) return false;
      if (descending) reverse_range(lo, lo + n);
      if (n < minrun) {
        int64_t force = remaining <= minrun ? remaining : minrun;
        if (!binary_insertion(lo, lo + force, lo + n)) return false;
        n = force;
      }
      if (!found_new_run(n)) return false;
      pending_[npending_++] = Run{lo, n, 0};
      lo += n;
      remaining -= n;
    } while (remaining);
    return force_collapse();
  }

 private:
  struct Run {
    int64_t base, len;
    int power;  // powersort's node power of the boundary before the next run
  };

  // 1: a < b, 0: not, -1: error.
  static int less(Value a, Value b) {
    if (a.is_small_int() && b.is_small_int()) return a.as_small_int() < b.as_small_int();
    if (a.is_double() && b.is_double()) return a.as_double() < b.as_double();
    if (is_str_exact(a) && is_str_exact(b)) return str_compare(a.as<Str>(), b.as<Str>()) < 0;
    return rich_compare_bool(a, b, CompareOp::LT);
  }

  // n itself below 64; else a value in [32, 64] such that n / minrun is a
  // power of two or slightly less.
  static int64_t compute_minrun(int64_t n) {
    int64_t low_bits = 0;
    while (n >= 64) {
      low_bits |= n & 1;
      n >>= 1;
    }
    return n + low_bits;
  }

  // The powersort "power" of the boundary between run [s1, s1+n1) and the run
  // of n2 items after it: the first bit where the midpoints of the two runs,
  // as fractions of n, differ.
  static int powerloss(int64_t s1, int64_t n1, int64_t n2, int64_t n) {
    int result = 0;
    int64_t a = 2 * s1 + n1;  // twice the first midpoint
    int64_t b = a + n1 + n2;  // twice the second midpoint
    for (;;) {
      ++result;
      if (a >= n) {
        a -= n;
        b -= n;
      } else if (b >= n) {
        break;
      }
      a <<= 1;
      b <<= 1;
    }
    return result;
  }

  void put(int64_t dst, int64_t src) {
    keys_[dst] = keys_[src];
    if (values_) values_[dst] = values_[src];
  }
  void move_main(int64_t dst, int64_t src, int64_t n) {
    std::memmove(keys_ + dst, keys_ + src, size_t(n) * sizeof(Value));
    if (values_) std::memmove(values_ + dst, values_ + src, size_t(n) * sizeof(Value));
  }
  void main_to_tmp(int64_t dst, int64_t src, int64_t n) {
    std::memcpy(tmp_keys_ + dst, keys_ + src, size_t(n) * sizeof(Value));
    if (values_) std::memcpy(tmp_values_ + dst, values_ + src, size_t(n) * sizeof(Value));
  }
  void tmp_to_main(int64_t dst, int64_t src, int64_t n) {
    std::memcpy(keys_ + dst, tmp_keys_ + src, size_t(n) * sizeof(Value));
    if (values_) std::memcpy(values_ + dst, tmp_values_ + src, size_t(n) * sizeof(Value));
  }
  void reverse_range(int64_t lo, int64_t hi) {
    std::reverse(keys_ + lo, keys_ + hi);
    if (values_) std::reverse(values_ + lo, values_ + hi);
  }

  // The scratch arrays hold the only copy of some items during a merge, so
  // they live in scanned collected memory.
  void reserve_tmp(int64_t need) {
    if (need <= tmp_capacity_) return;
    tmp_keys_ = gc::make_array<Value>(size_t(need));
    if (values_) tmp_values_ = gc::make_array<Value>(size_t(need));
    tmp_capacity_ = need;
  }

  // Length of the run starting at lo: ascending (non-decreasing) or strictly
  // descending (strictness keeps the reversal stable). -1 on error.
  int64_t count_run(int64_t lo, int64_t hi, bool* descending) {
    *descending = false;
    if (lo + 1 == hi) return 1;
    int64_t n = 2;
    int k = less(keys_[lo + 1], keys_[lo]);
    if (k < 0) return -1;
    if (k) {
      *descending = true;
      for (int64_t i = lo + 2; i < hi; ++i, ++n) {
        k = less(keys_[i], keys_[i - 1]);
        if (k < 0) return -1;
        if (!k) break;
      }
    } else {
      for (int64_t i = lo + 2; i < hi; ++i, ++n) {
        k = less(keys_[i], keys_[i - 1]);
        if (k < 0) return -1;
        if (k) break;
      }
    }
    return n;
  }

  // [lo, start) is sorted; inserts each of [start, hi) into place.
  bool binary_insertion(int64_t lo, int64_t hi, int64_t start) {
    if (lo == start) ++start;
    for (; start < hi; ++start) {
      Value pivot = keys_[start];
      Value pivot_value = values_ ? values_[start] : Value();
      int64_t l = lo, r = start;
      do {
        int64_t p = l + ((r - l) >> 1);
        int k = less(pivot, keys_[p]);
        if (k < 0) return false;
        if (k) r = p;
        else l = p + 1;
      } while (l < r);
      move_main(l + 1, l, start - l);
      keys_[l] = pivot;
      if (values_) values_[l] = pivot_value;
    }
    return true;
  }

  // Where key belongs in the sorted a[0..n): the leftmost position (before
  // equal items). The search starts at a[hint] and gallops outwards. -1 on error.
  static int64_t gallop_left(Value key, const Value* a, int64_t n, int64_t hint) {
    int64_t lastofs = 0, ofs = 1;
    int k = less(a[hint], key);
    if (k < 0) return -1;
    if (k) {
      // a[hint] < key: gallop right until a[hint+lastofs] < key <= a[hint+ofs].
      int64_t maxofs = n - hint;
      while (ofs < maxofs) {
        k = less(a[hint + ofs], key);
        if (k < 0) return -1;
        if (!k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    } else {
      // key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-lastofs].
      int64_t maxofs = hint + 1;
      while (ofs < maxofs) {
        k = less(a[hint - ofs], key);
        if (k < 0) return -1;
        if (k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      int64_t t = lastofs;
      lastofs = hint - ofs;
      ofs = hint - t;
    }
    // a[lastofs] < key <= a[ofs]: binary search in between.
    ++lastofs;
    while (lastofs < ofs) {
      int64_t m = lastofs + ((ofs - lastofs) >> 1);
      k = less(a[m], key);
      if (k < 0) return -1;
      if (k) lastofs = m + 1;
      else ofs = m;
    }
    return ofs;
  }

  // Like gallop_left, but the rightmost position (after equal items).
  static int64_t gallop_right(Value key, const Value* a, int64_t n, int64_t hint) {
    int64_t lastofs = 0, ofs = 1;
    int k = less(key, a[hint]);
    if (k < 0) return -1;
    if (k) {
      // key < a[hint]: gallop left until a[hint-ofs] <= key < a[hint-lastofs].
      int64_t maxofs = hint + 1;
      while (ofs < maxofs) {
        k = less(key, a[hint - ofs]);
        if (k < 0) return -1;
        if (!k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      int64_t t = lastofs;
      lastofs = hint - ofs;
      ofs = hint - t;
    } else {
      // a[hint] <= key: gallop right until a[hint+lastofs] <= key < a[hint+ofs].
      int64_t maxofs = n - hint;
      while (ofs < maxofs) {
        k = less(key, a[hint + ofs]);
        if (k < 0) return -1;
        if (k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
    ++lastofs;
    while (lastofs < ofs) {
      int64_t m = lastofs + ((ofs - lastofs) >> 1);
      k = less(key, a[m]);
      if (k < 0) return -1;
      if (k) ofs = m;
      else lastofs = m + 1;
    }
    return ofs;
  }

  // Merges the adjacent sorted runs [a, a+na) and [b, b+nb) (b == a + na) when
  // na <= nb: run a moves to the scratch space and the merge fills from the
  // left. Preconditions from merge_at: keys[b] < keys[a] (it goes first) and
  // the last item of a is greater than every item of b.
  bool merge_lo(int64_t a, int64_t na, int64_t b, int64_t nb) {
    reserve_tmp(na);
    main_to_tmp(0, a, na);
    int64_t dest = a, pa = 0, pb = b;
    bool ok = true;
    put(dest++, pb++);
    --nb;
    if (nb == 0) goto done;
    if (na == 1) goto copy_b;
    for (;;) {
      int64_t acount = 0, bcount = 0;  // consecutive wins of each run
      // One item at a time until one run wins min_gallop_ times in a row.
      for (;;) {
        int k = less(keys_[pb], tmp_keys_[pa]);
        if (k < 0) goto fail;
        if (k) {
          put(dest++, pb++);
          ++bcount;
          acount = 0;
          if (--nb == 0) goto done;
          if (bcount >= min_gallop_) break;
        } else {
          keys_[dest] = tmp_keys_[pa];
          if (values_) values_[dest] = tmp_values_[pa];
          ++dest, ++pa;
          ++acount;
          bcount = 0;
          if (--na == 1) goto copy_b;
          if (acount >= min_gallop_) break;
        }
      }
      // Galloping: copy whole stretches while one side keeps winning.
      ++min_gallop_;
      do {
        min_gallop_ -= min_gallop_ > 1;
        int64_t k = gallop_right(keys_[pb], tmp_keys_ + pa, na, 0);
        if (k < 0) goto fail;
        acount = k;
        if (k) {
          tmp_to_main(dest, pa, k);
          dest += k;
          pa += k;
          na -= k;
          if (na == 1) goto copy_b;
          // na == 0 only happens with an inconsistent comparison.
          if (na == 0) goto done;
        }
        put(dest++, pb++);
        if (--nb == 0) goto done;

        k = gallop_left(tmp_keys_[pa], keys_ + pb, nb, 0);
        if (k < 0) goto fail;
        bcount = k;
        if (k) {
          move_main(dest, pb, k);
          dest += k;
          pb += k;
          nb -= k;
          if (nb == 0) goto done;
        }
        keys_[dest] = tmp_keys_[pa];
        if (values_) values_[dest] = tmp_values_[pa];
        ++dest, ++pa;
        if (--na == 1) goto copy_b;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++min_gallop_;  // leaving galloping mode costs
    }
  fail:
    ok = false;
  done:
    if (na) tmp_to_main(dest, pa, na);
    return ok;
  copy_b:
    // The last item of a belongs after everything left in b.
    move_main(dest, pb, nb);
    keys_[dest + nb] = tmp_keys_[pa];
    if (values_) values_[dest + nb] = tmp_values_[pa];
    return true;
  }

  // The mirror image of merge_lo for na > nb: run b moves to the scratch space
  // and the merge fills from the right.
  bool merge_hi(int64_t a, int64_t na, int64_t b, int64_t nb) {
    reserve_tmp(nb);
    main_to_tmp(0, b, nb);
    int64_t dest = b + nb - 1, pa = a + na - 1, pb = nb - 1;
    bool ok = true;
    put(dest--, pa--);
    --na;
    if (na == 0) goto done;
    if (nb == 1) goto copy_a;
    for (;;) {
      int64_t acount = 0, bcount = 0;
      for (;;) {
        int k = less(tmp_keys_[pb], keys_[pa]);
        if (k < 0) goto fail;
        if (k) {
          put(dest--, pa--);
          ++acount;
          bcount = 0;
          if (--na == 0) goto done;
          if (acount >= min_gallop_) break;
        } else {
          keys_[dest] = tmp_keys_[pb];
          if (values_) values_[dest] = tmp_values_[pb];
          --dest, --pb;
          ++bcount;
          acount = 0;
          if (--nb == 1) goto copy_a;
          if (bcount >= min_gallop_) break;
        }
      }
      ++min_gallop_;
      do {
        min_gallop_ -= min_gallop_ > 1;
        int64_t k = gallop_right(tmp_keys_[pb], keys_ + a, na, na - 1);
        if (k < 0) goto fail;
        k = na - k;
        acount = k;
        if (k) {
          dest -= k;
          pa -= k;
          move_main(dest + 1, pa + 1, k);
          na -= k;
          if (na == 0) goto done;
        }
        keys_[dest] = tmp_keys_[pb];
        if (values_) values_[dest] = tmp_values_[pb];
        --dest, --pb;
        if (--nb == 1) goto copy_a;

        k = gallop_left(keys_[pa], tmp_keys_, nb, nb - 1);
        if (k < 0) goto fail;
        k = nb - k;
        bcount = k;
        if (k) {
          dest -= k;
          pb -= k;
          tmp_to_main(dest + 1, pb + 1, k);
          nb -= k;
          if (nb == 1) goto copy_a;
          if (nb == 0) goto done;
        }
        put(dest--, pa--);
        if (--na == 0) goto done;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++min_gallop_;
    }
  fail:
    ok = false;
  done:
    if (nb) tmp_to_main(dest - (nb - 1), 0, nb);
    return ok;
  copy_a:
    // The first item of b belongs before everything left in a.
    dest -= na;
    pa -= na;
    move_main(dest + 1, pa + 1, na);
    keys_[dest] = tmp_keys_[pb];
    if (values_) values_[dest] = tmp_values_[pb];
    return true;
  }

  // Merges pending runs i and i+1.
  bool merge_at(int i) {
    int64_t a = pending_[i].base, na = pending_[i].len;
    int64_t b = pending_[i + 1].base, nb = pending_[i + 1].len;
    pending_[i].len = na + nb;
    if (i == npending_ - 3) pending_[i + 1] = pending_[i + 2];
    --npending_;
    // Items of a before where b's first item goes are already in place.
    int64_t k = gallop_right(keys_[b], keys_ + a, na, 0);
    if (k < 0) return false;
    a += k;
    na -= k;
    if (na == 0) return true;
    // Likewise items of b after where a's last item goes.
    nb = gallop_left(keys_[a + na - 1], keys_ + b, nb, nb - 1);
    if (nb <= 0) return nb == 0;
    return na <= nb ? merge_lo(a, na, b, nb) : merge_hi(a, na, b, nb);
  }

  // Powersort: before pushing a run of n2 items, merge the pending runs whose
  // boundary power exceeds that of the new boundary.
  bool found_new_run(int64_t n2) {
    if (!npending_) return true;
    const Run& last = pending_[npending_ - 1];
    int power = powerloss(last.base, last.len, n2, n_);
    while (npending_ > 1 && pending_[npending_ - 2].power > power)
      if (!merge_at(npending_ - 2)) return false;
    pending_[npending_ - 1].power = power;
    return true;
  }

  bool force_collapse() {
    while (npending_ > 1) {
      int n = npending_ - 2;
      if (n > 0 && pending_[n - 1].len < pending_[n + 1].len) --n;
      if (!merge_at(n)) return false;
    }
    return true;
  }

  Value* keys_;
  Value* values_;
  int64_t n_;
  Value* tmp_keys_ = nullptr;
  Value* tmp_values_ = nullptr;
  int64_t tmp_capacity_ = 0;
  int64_t min_gallop_ = kMinGallop;
  Run pending_[kMaxPending];
  int npending_ = 0;
};

// Keys whose comparisons never run Python code (so sorting them under the
// list's lock is safe). Mixed types among them only raise TypeError.
bool compares_natively(Value v, int depth = 0) {
  if (!v.is_object()) return true;
  Type* t = v.as_object()->type;
  if (t == &int_type || t == &bool_type || t == &str_type || t == &bytes_type) return true;
  if (t == &tuple_type && depth < 3) {
    for (Value item : *v.as<Tuple>())
      if (!compares_natively(item, depth + 1)) return false;
    return true;
  }
  return false;
}

// Reverse-sorts stably by reversing before and after an ascending sort.
bool sort_items(Value* keys, Value* values, int64_t n, bool reverse) {
  if (reverse) {
    std::reverse(keys, keys + n);
    if (values) std::reverse(values, values + n);
  }
  bool ok = TimSort(keys, values, n).run();
  if (reverse) {
    std::reverse(keys, keys + n);
    if (values) std::reverse(values, values + n);
  }
  return ok;
}

}  // namespace

int list_sort(List* l, Value key, bool reverse) {
  if (!key) {
    LockGuard guard(l->lock);
    Tuple* items = list_snapshot_locked(l);
    if (std::all_of(items->begin(), items->end(), [](Value v) { return compares_natively(v); })) {
      bool ok = sort_items(items->items, nullptr, items->size, reverse);
      ListItems* block = l->items.load(std::memory_order_relaxed);
      list_replace_locked(l, items->items, items->size, block ? block->capacity : 0);
      return ok ? 0 : -1;
    }
  }
  // Python code runs during the sort: the list looks empty meanwhile.
  Tuple* items;
  int64_t capacity;
  ListItems* sorting_block;  // any change meanwhile publishes another block
  {
    LockGuard guard(l->lock);
    items = list_snapshot_locked(l);
    ListItems* block = l->items.load(std::memory_order_relaxed);
    capacity = block ? block->capacity : 0;
    list_replace_locked(l, nullptr, 0, 0);
    sorting_block = l->items.load(std::memory_order_relaxed);
  }
  int64_t n = items->size;
  bool ok = true;
  Tuple* keys = items;
  if (key) {
    keys = tuple_new(n);
    for (int64_t i = 0; i < n && ok; i++) {
      Value k = call1(key, items->items[i]);
      if (!k) ok = false;
      else keys->items[i] = k;
    }
  }
  if (ok) ok = sort_items(keys->items, key ? items->items : nullptr, n, reverse);
  LockGuard guard(l->lock);
  bool modified = l->size.load(std::memory_order_relaxed) != 0 || l->items.load(std::memory_order_relaxed) != sorting_block;
  list_replace_locked(l, items->items, n, capacity);
  if (ok && modified) {
    raise(&exc::ValueError, "list modified during sort");
    return -1;
  }
  return ok ? 0 : -1;
}

}  // namespace spindle
