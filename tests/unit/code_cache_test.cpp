// The code cache's serialization: every field of every code object survives
// code_to_bytes / code_from_bytes exactly; short or damaged data is refused.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "compiler/compiler.h"
#include "objects/exception.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/code.h"
#include "vm/code_cache.h"
#include "vm/thread_state.h"

namespace spindle {
namespace {

Code* compile(const std::string& src) {
  Code* c = compile_source(src.data(), src.size(), Value(str_from_utf8("/tmp/sample.py")), parser::Mode::Exec);
  EXPECT_NE(c, nullptr);
  return c;
}

void expect_same_value(Value a, Value b);

void expect_same_code(Code* a, Code* b) {
  ASSERT_NE(a, b);
  EXPECT_EQ(a->num_instructions, b->num_instructions);
  EXPECT_EQ(0, std::memcmp(a->instructions, b->instructions, sizeof(uint32_t) * a->num_instructions));
  EXPECT_EQ(0, std::memcmp(a->positions, b->positions, sizeof(Position) * a->num_instructions));
  ASSERT_EQ(a->exception_table_size, b->exception_table_size);
  for (uint32_t i = 0; i < a->exception_table_size; i++) {
    const ExceptionTableEntry &x = a->exception_table[i], &y = b->exception_table[i];
    EXPECT_EQ(x.start, y.start);
    EXPECT_EQ(x.end, y.end);
    EXPECT_EQ(x.handler, y.handler);
    EXPECT_EQ(x.depth, y.depth);
    EXPECT_EQ(x.push_lasti, y.push_lasti);
  }
  EXPECT_EQ(a->argcount, b->argcount);
  EXPECT_EQ(a->posonlyargcount, b->posonlyargcount);
  EXPECT_EQ(a->kwonlyargcount, b->kwonlyargcount);
  EXPECT_EQ(a->flags, b->flags);
  EXPECT_EQ(a->nlocals, b->nlocals);
  EXPECT_EQ(a->ncells, b->ncells);
  EXPECT_EQ(a->nfrees, b->nfrees);
  EXPECT_EQ(a->nlocalsplus, b->nlocalsplus);
  EXPECT_EQ(a->stacksize, b->stacksize);
  EXPECT_EQ(a->firstlineno, b->firstlineno);
  EXPECT_EQ(a->cell2arg == nullptr, b->cell2arg == nullptr);
  expect_same_value(Value(a->consts), Value(b->consts));
  expect_same_value(Value(a->names), Value(b->names));
  expect_same_value(Value(a->varnames), Value(b->varnames));
  expect_same_value(Value(a->cellvars), Value(b->cellvars));
  expect_same_value(Value(a->freevars), Value(b->freevars));
  expect_same_value(Value(a->filename), Value(b->filename));
  expect_same_value(Value(a->name), Value(b->name));
  expect_same_value(Value(a->qualname), Value(b->qualname));
  expect_same_value(a->docstring, b->docstring);
  // Inline caches start empty.
  for (uint32_t i = 0; i < b->num_instructions; i++) EXPECT_EQ(b->caches[i].load(), nullptr);
}

// Same type and contents; floats bit for bit; strs with the same interning.
void expect_same_value(Value a, Value b) {
  ASSERT_EQ(type_of(a), type_of(b));
  if (is_code(a)) return expect_same_code(a.as<Code>(), b.as<Code>());
  if (a.is_double()) {
    double x = a.as_double(), y = b.as_double();
    EXPECT_EQ(0, std::memcmp(&x, &y, sizeof x));
    return;
  }
  if (is_tuple_exact(a)) {
    Tuple *x = a.as<Tuple>(), *y = b.as<Tuple>();
    ASSERT_EQ(x->size, y->size);
    for (int64_t i = 0; i < x->size; i++) expect_same_value(x->items[i], y->items[i]);
    return;
  }
  if (is_str_exact(a)) {
    EXPECT_TRUE(str_equal(a.as<Str>(), b.as<Str>()));
    EXPECT_EQ(a.as<Str>()->interned.load(), b.as<Str>()->interned.load());
    return;
  }
  int eq = rich_compare_bool(a, b, CompareOp::EQ);
  EXPECT_EQ(eq, 1);
}

const char* kSample = R"PY(
"""module doc"""
import sys as _sys
from os import path as p, sep
X = (1, -2**70, 2.5, -0.0, float("nan"), 3j, b"by\x00tes", "\u00e9\ud800", ..., None, True, frozenset({1, 2}))

def outer(a, b=1, /, c=2, *args, d, e=3, **kw):
    """outer doc"""
    cell = a
    def inner(x):
        nonlocal cell
        cell += x
        return cell, b
    try:
        return inner(1)
    except (ValueError, TypeError) as exc:
        raise RuntimeError("wrapped") from exc
    finally:
        del kw

class K(object, metaclass=type):
    attr: int = 3
    def m(self):
        return __class__, [y for y in self] if self else {k: v for k, v in ()}

async def agen():
    async with K() as k:
        yield k
    await agen()

def gen():
    yield from range(3)
    match X:
        case (1, *rest) if rest:
            pass
        case {"a": 1, **others}:
            pass
        case K(attr=3):
            pass

lam = lambda *, q=(1, 2): q
print(f"{X!r:>10}", sep="", end="\n")
)PY";

TEST(CodeCache, RoundTripsEveryField) {
  Code* code = compile(kSample);
  ASSERT_NE(code, nullptr);
  std::string bytes;
  ASSERT_TRUE(code_to_bytes(code, &bytes));
  Code* back = code_from_bytes(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  ASSERT_NE(back, nullptr);
  expect_same_code(code, back);
  std::string again;
  ASSERT_TRUE(code_to_bytes(back, &again));
  EXPECT_EQ(bytes, again);
}

TEST(CodeCache, RoundTripsAStdlibModule) {
  std::string src;
  ASSERT_TRUE(read_file_bytes("/usr/lib/python3.11/argparse.py", &src));
  Code* code = compile(src);
  ASSERT_NE(code, nullptr);
  std::string bytes;
  ASSERT_TRUE(code_to_bytes(code, &bytes));
  Code* back = code_from_bytes(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  ASSERT_NE(back, nullptr);
  expect_same_code(code, back);
}

TEST(CodeCache, RefusesTruncatedData) {
  Code* code = compile(kSample);
  ASSERT_NE(code, nullptr);
  std::string bytes;
  ASSERT_TRUE(code_to_bytes(code, &bytes));
  for (size_t n = 0; n < bytes.size(); n += 1 + n / 16) {
    EXPECT_EQ(code_from_bytes(reinterpret_cast<const uint8_t*>(bytes.data()), n), nullptr) << n;
    EXPECT_TRUE(error_occurred());
    clear_error();
  }
}

// Without the cache file's checksum in front, damaged data must still load
// safely: refused, or read as some code object, never a crash or a huge
// allocation.
TEST(CodeCache, SurvivesDamagedBytes) {
  Code* code = compile(kSample);
  ASSERT_NE(code, nullptr);
  std::string bytes;
  ASSERT_TRUE(code_to_bytes(code, &bytes));
  for (size_t i = 0; i < bytes.size(); i += 1 + i / 64) {
    for (uint8_t flip : {0x01, 0x80, 0xFF}) {
      std::string damaged = bytes;
      damaged[i] = char(uint8_t(damaged[i]) ^ flip);
      Code* back = code_from_bytes(reinterpret_cast<const uint8_t*>(damaged.data()), damaged.size());
      if (!back) clear_error();
    }
  }
}

}  // namespace
}  // namespace spindle
