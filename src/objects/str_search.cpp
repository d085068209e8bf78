// Substring search over code points. Latin-1 text uses memchr/memmem; wider
// text (and reverse search) uses the two-way algorithm of Crochemore and
// Perrin, which runs in linear time with constant extra space, plus a cheap
// last-character filter that lets typical searches skip a whole needle length.
#include <cstring>

#include "objects/str.h"

namespace spindle {

namespace {

// Reads a text forwards or, for reverse searches, backwards from its end.
template <class T, bool Rev>
struct Text {
  const T* p;
  int64_t n;
  uint32_t operator[](int64_t i) const { return Rev ? p[n - 1 - i] : p[i]; }
};

// Index and period of the maximal suffix of x under the order (`greater`
// flips it); the larger of the two is a critical factorization.
template <class X>
int64_t maximal_suffix(const X& x, int64_t m, bool greater, int64_t* period) {
  int64_t ms = -1, j = 0, k = 1, p = 1;
  while (j + k < m) {
    uint32_t a = x[j + k], b = x[ms + k];
    if (greater ? a > b : a < b) {
      j += k;
      k = 1;
      p = j - ms;
    } else if (a == b) {
      if (k != p) {
        k++;
      } else {
        j += p;
        k = 1;
      }
    } else {
      ms = j;
      j = ms + 1;
      k = p = 1;
    }
  }
  *period = p;
  return ms;
}

}  // namespace

template <class N, bool Rev>
void StrSearcher::factor_as(const N* data) {
  Text<N, Rev> x{data, needle_->length};
  int64_t m = needle_->length;
  int64_t p, q;
  int64_t i = maximal_suffix(x, m, false, &p);
  int64_t j = maximal_suffix(x, m, true, &q);
  ell_ = i > j ? i : j;
  period_ = i > j ? p : q;
  periodic_ = true;
  for (int64_t k = 0; k <= ell_; k++)
    if (x[k] != x[k + period_]) {
      periodic_ = false;
      break;
    }
  if (!periodic_) period_ = std::max(ell_ + 1, m - ell_ - 1) + 1;
  bloom_ = 0;
  for (int64_t k = 0; k < m; k++) bloom_ |= uint64_t(1) << (x[k] & 63);
  factored_ = true;
}

void StrSearcher::factor() {
  switch (needle_->kind) {
    case 1: reverse_ ? factor_as<uint8_t, true>(needle_->data1()) : factor_as<uint8_t, false>(needle_->data1()); break;
    case 2: reverse_ ? factor_as<uint16_t, true>(needle_->data2()) : factor_as<uint16_t, false>(needle_->data2()); break;
    default: reverse_ ? factor_as<uint32_t, true>(needle_->data4()) : factor_as<uint32_t, false>(needle_->data4()); break;
  }
}

// The first match of the needle in hay[0, n) in search order (from the end
// when reversed): its index counted in that order, or -1.
template <class H, class N, bool Rev>
int64_t StrSearcher::two_way(const H* hay_data, int64_t n, const N* needle_data) const {
  Text<H, Rev> y{hay_data, n};
  Text<N, Rev> x{needle_data, needle_->length};
  const int64_t m = needle_->length;
  const int64_t ell = ell_, per = period_;
  const uint64_t bloom = bloom_;
  int64_t j = 0;
  if (periodic_) {
    int64_t memory = -1;
    while (j <= n - m) {
      if (!((bloom >> (y[j + m - 1] & 63)) & 1)) {
        j += m;
        memory = -1;
        continue;
      }
      int64_t i = std::max(ell, memory) + 1;
      while (i < m && x[i] == y[i + j]) i++;
      if (i >= m) {
        i = ell;
        while (i > memory && x[i] == y[i + j]) i--;
        if (i <= memory) return j;
        j += per;
        memory = m - per - 1;
      } else {
        j += i - ell;
        memory = -1;
      }
    }
  } else {
    while (j <= n - m) {
      if (!((bloom >> (y[j + m - 1] & 63)) & 1)) {
        j += m;
        continue;
      }
      int64_t i = ell + 1;
      while (i < m && x[i] == y[i + j]) i++;
      if (i >= m) {
        i = ell;
        while (i >= 0 && x[i] == y[i + j]) i--;
        if (i < 0) return j;
        j += per;
      } else {
        j += i - ell;
      }
    }
  }
  return -1;
}

namespace {

template <class H>
int64_t find_char_in(const H* p, int64_t start, int64_t end, uint32_t c, bool reverse) {
  if constexpr (sizeof(H) == 1) {
    if (c > 255) return -1;
    const void* r = reverse ? memrchr(p + start, int(c), size_t(end - start)) : std::memchr(p + start, int(c), size_t(end - start));
    return r ? static_cast<const H*>(r) - p : -1;
  } else {
    if (reverse) {
      for (int64_t i = end - 1; i >= start; i--)
        if (p[i] == c) return i;
    } else {
      for (int64_t i = start; i < end; i++)
        if (p[i] == c) return i;
    }
    return -1;
  }
}

}  // namespace

int64_t str_find_char(const Str* s, uint32_t c, int64_t start, int64_t end, bool reverse) {
  if (start < 0) start = 0;
  if (end > s->length) end = s->length;
  if (start >= end) return -1;
  switch (s->kind) {
    case 1: return find_char_in(s->data1(), start, end, c, reverse);
    case 2: return find_char_in(s->data2(), start, end, c, reverse);
    default: return find_char_in(s->data4(), start, end, c, reverse);
  }
}

template <class H, bool Rev>
int64_t StrSearcher::search_in(const H* window, int64_t n) const {
  switch (needle_->kind) {
    case 1: return two_way<H, uint8_t, Rev>(window, n, needle_->data1());
    case 2: return two_way<H, uint16_t, Rev>(window, n, needle_->data2());
    default: return two_way<H, uint32_t, Rev>(window, n, needle_->data4());
  }
}

int64_t StrSearcher::find(const Str* hay, int64_t start, int64_t end) {
  if (start < 0) start = 0;
  if (end > hay->length) end = hay->length;
  const int64_t m = needle_->length;
  if (m == 0) return start <= end ? (reverse_ ? end : start) : -1;
  if (end - start < m || needle_->kind > hay->kind) return -1;
  if (m == 1) return str_find_char(hay, needle_->at(0), start, end, reverse_);
  if (hay->kind == 1 && !reverse_) {
    // Candidates by memchr on the first byte, checked with memcmp: cheapest for
    // the usual short searches. Once the checks cost more than the scanning
    // (repetitive text), memmem's linear-time search takes over.
    const uint8_t* h = hay->data1();
    const uint8_t* n = needle_->data1();
    int64_t i = start, last = end - m;
    int64_t budget = 64 + (end - start) / 4;
    while (i <= last && budget > 0) {
      auto* p = static_cast<const uint8_t*>(std::memchr(h + i, n[0], size_t(last - i + 1)));
      if (!p) return -1;
      int64_t pos = p - h;
      if (std::memcmp(p + 1, n + 1, size_t(m - 1)) == 0) return pos;
      budget -= m;
      i = pos + 1;
    }
    if (i > last) return -1;
    const void* r = memmem(h + i, size_t(end - i), n, size_t(m));
    return r ? static_cast<const uint8_t*>(r) - h : -1;
  }
  if (!factored_) factor();
  const int64_t n = end - start;
  int64_t r;
  switch (hay->kind) {
    case 1: r = reverse_ ? search_in<uint8_t, true>(hay->data1() + start, n) : search_in<uint8_t, false>(hay->data1() + start, n); break;
    case 2: r = reverse_ ? search_in<uint16_t, true>(hay->data2() + start, n) : search_in<uint16_t, false>(hay->data2() + start, n); break;
    default: r = reverse_ ? search_in<uint32_t, true>(hay->data4() + start, n) : search_in<uint32_t, false>(hay->data4() + start, n); break;
  }
  if (r < 0) return -1;
  return reverse_ ? start + (n - r - m) : start + r;
}

int64_t str_find(Str* hay, Str* needle, int64_t start, int64_t end) {
  return StrSearcher(needle, false).find(hay, start, end);
}

int64_t str_rfind(Str* hay, Str* needle, int64_t start, int64_t end) {
  return StrSearcher(needle, true).find(hay, start, end);
}

int64_t str_count(Str* hay, Str* needle, int64_t start, int64_t end, int64_t limit) {
  if (start < 0) start = 0;
  if (end > hay->length) end = hay->length;
  if (start > end) return 0;
  if (needle->length == 0) return limit >= 0 ? std::min(limit, end - start + 1) : end - start + 1;
  StrSearcher searcher(needle, false);
  int64_t count = 0;
  while (limit < 0 || count < limit) {
    int64_t i = searcher.find(hay, start, end);
    if (i < 0) break;
    count++;
    start = i + needle->length;
  }
  return count;
}

}  // namespace spindle
