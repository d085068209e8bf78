// Parser entry points beyond what the differential tests (tests/parser) see:
// modes, the REPL's incomplete-input signal, error state.
#include <gtest/gtest.h>

#include <cstring>

#include "objects/exception.h"
#include "objects/str.h"
#include "parser/parser.h"
#include "vm/thread_state.h"

namespace spindle {
namespace {

class ParserTest : public ::testing::Test {
 protected:
  ast::Mod* parse(const char* src, parser::Mode mode, unsigned flags = 0) {
    ast::Mod* m = parser::parse(src, strlen(src), Value(str_from_utf8("<test>", 6)), mode, flags);
    if (!m) clear_error();
    return m;
  }
};

TEST_F(ParserTest, Modes) {
  ast::Mod* m = parse("x = 1\ny = 2\n", parser::Mode::Exec);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->kind, ast::ModKind::Module);
  EXPECT_EQ(m->body.size, 2);

  m = parse("a + b", parser::Mode::Eval);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->kind, ast::ModKind::Expression);
  EXPECT_EQ(m->expr->kind, ast::ExprKind::BinOp);

  m = parse("x = 1", parser::Mode::Single);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->kind, ast::ModKind::Interactive);

  m = parse("(int, str) -> bool", parser::Mode::FuncType);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->kind, ast::ModKind::FunctionType);
  EXPECT_EQ(m->argtypes.size, 2);

  EXPECT_EQ(parse("x = 1", parser::Mode::Eval), nullptr);
}

TEST_F(ParserTest, ErrorsLeaveAPendingSyntaxError) {
  const char* src = "x = (";
  ast::Mod* m = parser::parse(src, strlen(src), Value(str_from_utf8("<test>", 6)), parser::Mode::Exec, 0);
  EXPECT_EQ(m, nullptr);
  EXPECT_TRUE(error_occurred());
  clear_error();
}

TEST_F(ParserTest, IncompleteInput) {
  const unsigned repl = parser::kAllowIncomplete;
  struct Case {
    const char* src;
    bool incomplete;
  } cases[] = {
      {"if x:\n", true},
      {"def f():\n    return 1\n    if y:\n", true},
      {"x = (1,\n", true},
      {"x = [1,\n 2\n", true},
      {"x = \"\"\"abc\n", true},
      {"x = 1 + \\\n", true},
      {"class A:\n    def f(self):\n", true},
      {"x = 1 +\n", false},
      {"x = )\n", false},
      {"x = 'abc\n", false},
      {"1 2\n", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(parse(c.src, parser::Mode::Single, repl), nullptr) << c.src;
    EXPECT_EQ(parser::last_error_was_incomplete(), c.incomplete) << c.src;
  }
  EXPECT_NE(parse("if x:\n    y = 1\n", parser::Mode::Single, repl), nullptr);
}

TEST_F(ParserTest, DeepNestingIsASyntaxErrorNotACrash) {
  std::string deep(100000, '-');
  deep += "1";
  EXPECT_NE(parse(deep.c_str(), parser::Mode::Eval), nullptr);
  std::string lambdas;
  for (int i = 0; i < 5000; i++) lambdas += "lambda: ";
  lambdas += "1";
  EXPECT_EQ(parse(lambdas.c_str(), parser::Mode::Eval), nullptr);
  std::string ifs = "1";
  for (int i = 0; i < 5000; i++) ifs += " if 1 else 1";
  parse(ifs.c_str(), parser::Mode::Eval);
  std::string powers = "1";
  for (int i = 0; i < 5000; i++) powers += " ** 1";
  EXPECT_EQ(parse(powers.c_str(), parser::Mode::Eval), nullptr);
}

}  // namespace
}  // namespace spindle
