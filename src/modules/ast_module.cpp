// The _ast module: CPython 3.11's node classes, and conversion between the
// parser's AST (parser/ast.h) and node objects for ast.parse() and compile().
//
// One table (kNodes) describes every node class: its name, its category (the
// abstract base: expr, stmt, ...), the C++ struct it maps to and its fields as
// pointers to members. The Python classes, ast_to_object and ast_from_object
// are all driven by it; the C++ type of each member picks the conversion.
#include "modules/ast_module.h"

#include <cstring>
#include <mutex>
#include <string>
#include <type_traits>

#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/bytes.h"
#include "objects/typeobject.h"

namespace spindle {

namespace {

namespace A = ast;

// ------------------------------------------------------------------ categories
enum class Cat : uint8_t {
  mod, stmt, expr, expr_context, boolop, operator_, unaryop, cmpop, comprehension, excepthandler,
  arguments, arg, keyword, alias, withitem, match_case, pattern, type_ignore, kCount
};
constexpr int kNumCats = int(Cat::kCount);

// Position attributes: none, lineno/col_offset with optional ends, or all four required.
enum class Attrs : uint8_t { None, OptionalEnd, Required };

struct CatDesc {
  const char* name;
  bool sum;  // an abstract base with constructor subclasses (else the class itself)
  Attrs attrs;
};

const CatDesc kCats[kNumCats] = {
    {"mod", true, Attrs::None},
    {"stmt", true, Attrs::OptionalEnd},
    {"expr", true, Attrs::OptionalEnd},
    {"expr_context", true, Attrs::None},
    {"boolop", true, Attrs::None},
    {"operator", true, Attrs::None},
    {"unaryop", true, Attrs::None},
    {"cmpop", true, Attrs::None},
    {"comprehension", false, Attrs::None},
    {"excepthandler", true, Attrs::OptionalEnd},
    {"arguments", false, Attrs::None},
    {"arg", false, Attrs::OptionalEnd},
    {"keyword", false, Attrs::OptionalEnd},
    {"alias", false, Attrs::OptionalEnd},
    {"withitem", false, Attrs::None},
    {"match_case", false, Attrs::None},
    {"pattern", true, Attrs::Required},
    {"type_ignore", true, Attrs::None},
};

// ------------------------------------------------------------------ conversion state
struct Conv {
  int depth = 0;
  const char* node = nullptr;   // the class being converted, for messages
  const char* field = nullptr;  // the field being converted
};

constexpr int kMaxDepth = 3000;

// Per-member conversions, chosen by the member's C++ type (defined below the table).
template <class T> struct Traits;

enum class Quant : uint8_t { Req, Opt, Seq };

struct FieldDesc {
  const char* name = nullptr;
  Quant quant = Quant::Req;
  const char* (*asdl_type)() = nullptr;
  Value (*to_obj)(const void* node) = nullptr;
  bool (*from_obj)(Conv& c, void* node, Value v) = nullptr;  // v: present (may be None)
};

template <class C, class T> C class_of(T C::*);
template <class C, class T> T member_of(T C::*);

template <class T> struct IsSeq : std::false_type {};
template <class T> struct IsSeq<A::Seq<T>> : std::true_type {};

template <auto M> using MemberClass = decltype(class_of(M));
template <auto M> using MemberType = decltype(member_of(M));

template <auto M, class Tr>
Value field_to_obj(const void* node) {
  return Tr::to_obj(static_cast<const MemberClass<M>*>(node)->*M);
}

template <auto M, bool kOptional, class Tr>
bool field_from_obj(Conv& c, void* node, Value v) {
  using T = MemberType<M>;
  T& slot = static_cast<MemberClass<M>*>(node)->*M;
  if (!Tr::from_obj(c, v, &slot)) return false;
  if constexpr (std::is_pointer_v<T>) {
    if (!kOptional && !slot) {
      raise(&exc::ValueError, "field '%s' is required for %s", c.field, c.node);
      return false;
    }
  }
  return true;
}

// F: a required field (or a list), O: an optional one ("?" in the ASDL). Tr
// overrides the conversion picked by the member's type (StringTraits).
template <auto M, class Tr = Traits<MemberType<M>>>
constexpr FieldDesc F(const char* name) {
  using T = MemberType<M>;
  return {name, IsSeq<T>::value ? Quant::Seq : Quant::Req, &Tr::asdl_name, &field_to_obj<M, Tr>,
          &field_from_obj<M, false, Tr>};
}
template <auto M, class Tr = Traits<MemberType<M>>>
constexpr FieldDesc O(const char* name) {
  return {name, Quant::Opt, &Tr::asdl_name, &field_to_obj<M, Tr>, &field_from_obj<M, true, Tr>};
}

// Defined with the classes below.
Value by_kind_to_obj(Cat c, int kind, void* node);
Value singleton_for(Cat c, int kind);
bool obj_to_node(Conv& c, Value obj, Cat cat, void** out);
bool obj_to_kind(Value obj, Cat cat, int* kind);
bool read_int(Value v, int32_t* out);

// ------------------------------------------------------------------ member traits
template <class T, Cat C, const char* Name>
struct NodeTraits {
  static const char* asdl_name() { return Name; }
  static Value to_obj(T* node) {
    if (!node) return None();
    int kind = 0;
    if constexpr (requires { node->kind; }) kind = int(node->kind);
    return by_kind_to_obj(C, kind, node);
  }
  static bool from_obj(Conv& c, Value v, T** out) {
    void* node;
    if (!obj_to_node(c, v, C, &node)) return false;
    *out = static_cast<T*>(node);
    return true;
  }
};

template <class E, Cat C, const char* Name>
struct EnumTraits {
  static const char* asdl_name() { return Name; }
  static Value to_obj(E e) { return singleton_for(C, int(e)); }
  static bool from_obj(Conv&, Value v, E* out) {
    int kind;
    if (!obj_to_kind(v, C, &kind)) return false;
    *out = E(kind);
    return true;
  }
};

constexpr char kExprName[] = "expr", kStmtName[] = "stmt", kPatternName[] = "pattern",
               kArgumentsName[] = "arguments", kArgName[] = "arg", kKeywordName[] = "keyword",
               kAliasName[] = "alias", kWithItemName[] = "withitem", kComprehensionName[] = "comprehension",
               kHandlerName[] = "excepthandler", kMatchCaseName[] = "match_case",
               kTypeIgnoreName[] = "type_ignore", kCtxName[] = "expr_context", kBoolOpName[] = "boolop",
               kOperatorName[] = "operator", kUnaryOpName[] = "unaryop", kCmpOpName[] = "cmpop";

template <> struct Traits<A::Expr*> : NodeTraits<A::Expr, Cat::expr, kExprName> {};
template <> struct Traits<A::Stmt*> : NodeTraits<A::Stmt, Cat::stmt, kStmtName> {};
template <> struct Traits<A::Pattern*> : NodeTraits<A::Pattern, Cat::pattern, kPatternName> {};
template <> struct Traits<A::Arguments*> : NodeTraits<A::Arguments, Cat::arguments, kArgumentsName> {};
template <> struct Traits<A::Arg*> : NodeTraits<A::Arg, Cat::arg, kArgName> {};
template <> struct Traits<A::Keyword*> : NodeTraits<A::Keyword, Cat::keyword, kKeywordName> {};
template <> struct Traits<A::Alias*> : NodeTraits<A::Alias, Cat::alias, kAliasName> {};
template <> struct Traits<A::WithItem*> : NodeTraits<A::WithItem, Cat::withitem, kWithItemName> {};
template <> struct Traits<A::Comprehension*> : NodeTraits<A::Comprehension, Cat::comprehension, kComprehensionName> {};
template <> struct Traits<A::ExceptHandler*> : NodeTraits<A::ExceptHandler, Cat::excepthandler, kHandlerName> {};
template <> struct Traits<A::MatchCase*> : NodeTraits<A::MatchCase, Cat::match_case, kMatchCaseName> {};
template <> struct Traits<A::TypeIgnore*> : NodeTraits<A::TypeIgnore, Cat::type_ignore, kTypeIgnoreName> {};
template <> struct Traits<A::ExprContext> : EnumTraits<A::ExprContext, Cat::expr_context, kCtxName> {};
template <> struct Traits<A::BoolOpKind> : EnumTraits<A::BoolOpKind, Cat::boolop, kBoolOpName> {};
template <> struct Traits<A::Operator> : EnumTraits<A::Operator, Cat::operator_, kOperatorName> {};
template <> struct Traits<A::UnaryOpKind> : EnumTraits<A::UnaryOpKind, Cat::unaryop, kUnaryOpName> {};
template <> struct Traits<A::CmpOp> : EnumTraits<A::CmpOp, Cat::cmpop, kCmpOpName> {};

// identifier fields, and (StringTraits) string fields.
template <const char* Name, const char* Message>
struct TextTraits {
  static const char* asdl_name() { return Name; }
  static Value to_obj(Str* s) { return s ? Value(s) : None(); }
  static bool from_obj(Conv&, Value v, Str** out) {
    if (is_none(v)) {
      *out = nullptr;
      return true;
    }
    if (!is_str_exact(v)) {
      raise(&exc::TypeError, Message);
      return false;
    }
    *out = intern(v.as<Str>());
    return true;
  }
};
constexpr char kIdentifierName[] = "identifier", kIdentifierMessage[] = "AST identifier must be of type str",
               kStringName[] = "string", kStringMessage[] = "AST string must be of type str";
template <> struct Traits<Str*> : TextTraits<kIdentifierName, kIdentifierMessage> {};
using StringTraits = TextTraits<kStringName, kStringMessage>;

template <> struct Traits<Value> {
  static const char* asdl_name() { return "constant"; }
  static Value to_obj(Value v) { return v; }
  static bool from_obj(Conv&, Value v, Value* out) {
    *out = v;
    return true;
  }
};

template <> struct Traits<int32_t> {
  static const char* asdl_name() { return "int"; }
  static Value to_obj(int32_t i) { return Value::from_small_int(i); }
  static bool from_obj(Conv&, Value v, int32_t* out) { return read_int(v, out); }
};

template <> struct Traits<bool> {
  static const char* asdl_name() { return "int"; }
  static Value to_obj(bool b) { return Value::from_small_int(b ? 1 : 0); }
  static bool from_obj(Conv&, Value v, bool* out) {
    int32_t i;
    if (!read_int(v, &i)) return false;
    *out = i != 0;
    return true;
  }
};

template <class T> struct Traits<A::Seq<T>> {
  static const char* asdl_name() { return Traits<T>::asdl_name(); }
  static Value to_obj(const A::Seq<T>& seq) {
    List* l = list_new(seq.size);
    for (const T& item : seq) {
      Value v = Traits<T>::to_obj(item);
      if (!v) return Value();
      list_append(l, v);
    }
    return Value(l);
  }
  static bool from_obj(Conv& c, Value v, A::Seq<T>* out) {
    if (!is_list(v)) {
      raise(&exc::TypeError, "%s field \"%s\" must be a list, not a %s", c.node, c.field, type_name(v));
      return false;
    }
    List* l = v.as<List>();
    int64_t n = list_size(l);
    const char* node = c.node;
    const char* field = c.field;
    A::SeqBuilder<T> b;
    for (int64_t i = 0; i < n; i++) {
      Value item = list_get(l, i);
      if (!item) return false;
      T x{};
      if (!Traits<T>::from_obj(c, item, &x)) return false;
      if (list_size(l) != n) {
        raise(&exc::RuntimeError, "%s field \"%s\" changed size during iteration", node, field);
        return false;
      }
      b.push(x);
    }
    *out = b.done();
    return true;
  }
};

struct NodeDesc {
  const char* name;
  Cat cat;
  int kind;  // the enum value within its category
  void* (*create)();
  A::Pos* (*pos)(void* node);  // null: no position attributes
  FieldDesc fields[8];
};

template <class T, auto... Args>
void* create() {
  return A::make<T>(Args...);
}
template <A::ModKind K>
void* create_mod() {
  A::Mod* m = A::make<A::Mod>();
  m->kind = K;
  return m;
}
template <class T>
A::Pos* pos_of(void* node) {
  return &static_cast<T*>(node)->pos;
}

#define EXPR(Name, ...) {#Name, Cat::expr, int(A::ExprKind::Name), &create<A::Name>, &pos_of<A::Expr>, {__VA_ARGS__}}
#define STMT(Name, Struct, Kind, ...) \
  {#Name, Cat::stmt, int(A::StmtKind::Kind), &create<A::Struct>, &pos_of<A::Stmt>, {__VA_ARGS__}}
#define PATTERN(Name, ...) \
  {#Name, Cat::pattern, int(A::PatternKind::Name), &create<A::Name>, &pos_of<A::Pattern>, {__VA_ARGS__}}
#define LEAF(Name, Cat_, Kind) {#Name, Cat::Cat_, int(Kind), nullptr, nullptr, {}}

const NodeDesc kNodes[] = {
    {"Module", Cat::mod, int(A::ModKind::Module), &create_mod<A::ModKind::Module>, nullptr,
     {F<&A::Mod::body>("body"), F<&A::Mod::type_ignores>("type_ignores")}},
    {"Interactive", Cat::mod, int(A::ModKind::Interactive), &create_mod<A::ModKind::Interactive>, nullptr,
     {F<&A::Mod::body>("body")}},
    {"Expression", Cat::mod, int(A::ModKind::Expression), &create_mod<A::ModKind::Expression>, nullptr,
     {F<&A::Mod::expr>("body")}},
    {"FunctionType", Cat::mod, int(A::ModKind::FunctionType), &create_mod<A::ModKind::FunctionType>, nullptr,
     {F<&A::Mod::argtypes>("argtypes"), F<&A::Mod::expr>("returns")}},

    STMT(FunctionDef, FunctionDef, FunctionDef, F<&A::FunctionDef::name>("name"), F<&A::FunctionDef::args>("args"),
         F<&A::FunctionDef::body>("body"), F<&A::FunctionDef::decorator_list>("decorator_list"),
         O<&A::FunctionDef::returns>("returns"), O<&A::FunctionDef::type_comment, StringTraits>("type_comment")),
    {"AsyncFunctionDef", Cat::stmt, int(A::StmtKind::AsyncFunctionDef), &create<A::FunctionDef, true>,
     &pos_of<A::Stmt>,
     {F<&A::FunctionDef::name>("name"), F<&A::FunctionDef::args>("args"), F<&A::FunctionDef::body>("body"),
      F<&A::FunctionDef::decorator_list>("decorator_list"), O<&A::FunctionDef::returns>("returns"),
      O<&A::FunctionDef::type_comment, StringTraits>("type_comment")}},
    STMT(ClassDef, ClassDef, ClassDef, F<&A::ClassDef::name>("name"), F<&A::ClassDef::bases>("bases"),
         F<&A::ClassDef::keywords>("keywords"), F<&A::ClassDef::body>("body"),
         F<&A::ClassDef::decorator_list>("decorator_list")),
    STMT(Return, Return, Return, O<&A::Return::value>("value")),
    STMT(Delete, Delete, Delete, F<&A::Delete::targets>("targets")),
    STMT(Assign, Assign, Assign, F<&A::Assign::targets>("targets"), F<&A::Assign::value>("value"),
         O<&A::Assign::type_comment, StringTraits>("type_comment")),
    STMT(AugAssign, AugAssign, AugAssign, F<&A::AugAssign::target>("target"), F<&A::AugAssign::op>("op"),
         F<&A::AugAssign::value>("value")),
    STMT(AnnAssign, AnnAssign, AnnAssign, F<&A::AnnAssign::target>("target"),
         F<&A::AnnAssign::annotation>("annotation"), O<&A::AnnAssign::value>("value"),
         F<&A::AnnAssign::simple>("simple")),
    STMT(For, For, For, F<&A::For::target>("target"), F<&A::For::iter>("iter"), F<&A::For::body>("body"),
         F<&A::For::orelse>("orelse"), O<&A::For::type_comment, StringTraits>("type_comment")),
    {"AsyncFor", Cat::stmt, int(A::StmtKind::AsyncFor), &create<A::For, true>, &pos_of<A::Stmt>,
     {F<&A::For::target>("target"), F<&A::For::iter>("iter"), F<&A::For::body>("body"),
      F<&A::For::orelse>("orelse"), O<&A::For::type_comment, StringTraits>("type_comment")}},
    STMT(While, While, While, F<&A::While::test>("test"), F<&A::While::body>("body"),
         F<&A::While::orelse>("orelse")),
    STMT(If, If, If, F<&A::If::test>("test"), F<&A::If::body>("body"), F<&A::If::orelse>("orelse")),
    STMT(With, With, With, F<&A::With::items>("items"), F<&A::With::body>("body"),
         O<&A::With::type_comment, StringTraits>("type_comment")),
    {"AsyncWith", Cat::stmt, int(A::StmtKind::AsyncWith), &create<A::With, true>, &pos_of<A::Stmt>,
     {F<&A::With::items>("items"), F<&A::With::body>("body"), O<&A::With::type_comment, StringTraits>("type_comment")}},
    STMT(Match, Match, Match, F<&A::Match::subject>("subject"), F<&A::Match::cases>("cases")),
    STMT(Raise, Raise, Raise, O<&A::Raise::exc>("exc"), O<&A::Raise::cause>("cause")),
    STMT(Try, Try, Try, F<&A::Try::body>("body"), F<&A::Try::handlers>("handlers"), F<&A::Try::orelse>("orelse"),
         F<&A::Try::finalbody>("finalbody")),
    {"TryStar", Cat::stmt, int(A::StmtKind::TryStar), &create<A::Try, true>, &pos_of<A::Stmt>,
     {F<&A::Try::body>("body"), F<&A::Try::handlers>("handlers"), F<&A::Try::orelse>("orelse"),
      F<&A::Try::finalbody>("finalbody")}},
    STMT(Assert, Assert, Assert, F<&A::Assert::test>("test"), O<&A::Assert::msg>("msg")),
    STMT(Import, Import, Import, F<&A::Import::names>("names")),
    STMT(ImportFrom, ImportFrom, ImportFrom, O<&A::ImportFrom::module>("module"), F<&A::ImportFrom::names>("names"),
         O<&A::ImportFrom::level>("level")),
    STMT(Global, Global, Global, F<&A::Global::names>("names")),
    STMT(Nonlocal, Nonlocal, Nonlocal, F<&A::Nonlocal::names>("names")),
    STMT(Expr, ExprStmt, Expr, F<&A::ExprStmt::value>("value")),
    STMT(Pass, Pass, Pass),
    STMT(Break, Break, Break),
    STMT(Continue, Continue, Continue),

    EXPR(BoolOp, F<&A::BoolOp::op>("op"), F<&A::BoolOp::values>("values")),
    EXPR(NamedExpr, F<&A::NamedExpr::target>("target"), F<&A::NamedExpr::value>("value")),
    EXPR(BinOp, F<&A::BinOp::left>("left"), F<&A::BinOp::op>("op"), F<&A::BinOp::right>("right")),
    EXPR(UnaryOp, F<&A::UnaryOp::op>("op"), F<&A::UnaryOp::operand>("operand")),
    EXPR(Lambda, F<&A::Lambda::args>("args"), F<&A::Lambda::body>("body")),
    EXPR(IfExp, F<&A::IfExp::test>("test"), F<&A::IfExp::body>("body"), F<&A::IfExp::orelse>("orelse")),
    EXPR(Dict, F<&A::Dict::keys>("keys"), F<&A::Dict::values>("values")),
    EXPR(Set, F<&A::Set::elts>("elts")),
    EXPR(ListComp, F<&A::ListComp::elt>("elt"), F<&A::ListComp::generators>("generators")),
    EXPR(SetComp, F<&A::SetComp::elt>("elt"), F<&A::SetComp::generators>("generators")),
    EXPR(DictComp, F<&A::DictComp::key>("key"), F<&A::DictComp::value>("value"),
         F<&A::DictComp::generators>("generators")),
    EXPR(GeneratorExp, F<&A::GeneratorExp::elt>("elt"), F<&A::GeneratorExp::generators>("generators")),
    EXPR(Await, F<&A::Await::value>("value")),
    EXPR(Yield, O<&A::Yield::value>("value")),
    EXPR(YieldFrom, F<&A::YieldFrom::value>("value")),
    EXPR(Compare, F<&A::Compare::left>("left"), F<&A::Compare::ops>("ops"),
         F<&A::Compare::comparators>("comparators")),
    EXPR(Call, F<&A::Call::func>("func"), F<&A::Call::args>("args"), F<&A::Call::keywords>("keywords")),
    EXPR(FormattedValue, F<&A::FormattedValue::value>("value"), F<&A::FormattedValue::conversion>("conversion"),
         O<&A::FormattedValue::format_spec>("format_spec")),
    EXPR(JoinedStr, F<&A::JoinedStr::values>("values")),
    EXPR(Constant, F<&A::Constant::value>("value"), O<&A::Constant::kind, StringTraits>("kind")),
    EXPR(Attribute, F<&A::Attribute::value>("value"), F<&A::Attribute::attr>("attr"),
         F<&A::Attribute::ctx>("ctx")),
    EXPR(Subscript, F<&A::Subscript::value>("value"), F<&A::Subscript::slice>("slice"),
         F<&A::Subscript::ctx>("ctx")),
    EXPR(Starred, F<&A::Starred::value>("value"), F<&A::Starred::ctx>("ctx")),
    EXPR(Name, F<&A::Name::id>("id"), F<&A::Name::ctx>("ctx")),
    EXPR(List, F<&A::List::elts>("elts"), F<&A::List::ctx>("ctx")),
    EXPR(Tuple, F<&A::Tuple::elts>("elts"), F<&A::Tuple::ctx>("ctx")),
    EXPR(Slice, O<&A::Slice::lower>("lower"), O<&A::Slice::upper>("upper"), O<&A::Slice::step>("step")),

    LEAF(Load, expr_context, A::ExprContext::Load),
    LEAF(Store, expr_context, A::ExprContext::Store),
    LEAF(Del, expr_context, A::ExprContext::Del),
    LEAF(And, boolop, A::BoolOpKind::And),
    LEAF(Or, boolop, A::BoolOpKind::Or),
    LEAF(Add, operator_, A::Operator::Add),
    LEAF(Sub, operator_, A::Operator::Sub),
    LEAF(Mult, operator_, A::Operator::Mult),
    LEAF(MatMult, operator_, A::Operator::MatMult),
    LEAF(Div, operator_, A::Operator::Div),
    LEAF(Mod, operator_, A::Operator::Mod),
    LEAF(Pow, operator_, A::Operator::Pow),
    LEAF(LShift, operator_, A::Operator::LShift),
    LEAF(RShift, operator_, A::Operator::RShift),
    LEAF(BitOr, operator_, A::Operator::BitOr),
    LEAF(BitXor, operator_, A::Operator::BitXor),
    LEAF(BitAnd, operator_, A::Operator::BitAnd),
    LEAF(FloorDiv, operator_, A::Operator::FloorDiv),
    LEAF(Invert, unaryop, A::UnaryOpKind::Invert),
    LEAF(Not, unaryop, A::UnaryOpKind::Not),
    LEAF(UAdd, unaryop, A::UnaryOpKind::UAdd),
    LEAF(USub, unaryop, A::UnaryOpKind::USub),
    LEAF(Eq, cmpop, A::CmpOp::Eq),
    LEAF(NotEq, cmpop, A::CmpOp::NotEq),
    LEAF(Lt, cmpop, A::CmpOp::Lt),
    LEAF(LtE, cmpop, A::CmpOp::LtE),
    LEAF(Gt, cmpop, A::CmpOp::Gt),
    LEAF(GtE, cmpop, A::CmpOp::GtE),
    LEAF(Is, cmpop, A::CmpOp::Is),
    LEAF(IsNot, cmpop, A::CmpOp::IsNot),
    LEAF(In, cmpop, A::CmpOp::In),
    LEAF(NotIn, cmpop, A::CmpOp::NotIn),

    {"comprehension", Cat::comprehension, 0, &create<A::Comprehension>, nullptr,
     {F<&A::Comprehension::target>("target"), F<&A::Comprehension::iter>("iter"), F<&A::Comprehension::ifs>("ifs"),
      F<&A::Comprehension::is_async>("is_async")}},
    {"ExceptHandler", Cat::excepthandler, 0, &create<A::ExceptHandler>, &pos_of<A::ExceptHandler>,
     {O<&A::ExceptHandler::type>("type"), O<&A::ExceptHandler::name>("name"), F<&A::ExceptHandler::body>("body")}},
    {"arguments", Cat::arguments, 0, &create<A::Arguments>, nullptr,
     {F<&A::Arguments::posonlyargs>("posonlyargs"), F<&A::Arguments::args>("args"),
      O<&A::Arguments::vararg>("vararg"), F<&A::Arguments::kwonlyargs>("kwonlyargs"),
      F<&A::Arguments::kw_defaults>("kw_defaults"), O<&A::Arguments::kwarg>("kwarg"),
      F<&A::Arguments::defaults>("defaults")}},
    {"arg", Cat::arg, 0, &create<A::Arg>, &pos_of<A::Arg>,
     {F<&A::Arg::arg>("arg"), O<&A::Arg::annotation>("annotation"), O<&A::Arg::type_comment, StringTraits>("type_comment")}},
    {"keyword", Cat::keyword, 0, &create<A::Keyword>, &pos_of<A::Keyword>,
     {O<&A::Keyword::arg>("arg"), F<&A::Keyword::value>("value")}},
    {"alias", Cat::alias, 0, &create<A::Alias>, &pos_of<A::Alias>,
     {F<&A::Alias::name>("name"), O<&A::Alias::asname>("asname")}},
    {"withitem", Cat::withitem, 0, &create<A::WithItem>, nullptr,
     {F<&A::WithItem::context_expr>("context_expr"), O<&A::WithItem::optional_vars>("optional_vars")}},
    {"match_case", Cat::match_case, 0, &create<A::MatchCase>, nullptr,
     {F<&A::MatchCase::pattern>("pattern"), O<&A::MatchCase::guard>("guard"), F<&A::MatchCase::body>("body")}},

    PATTERN(MatchValue, F<&A::MatchValue::value>("value")),
    PATTERN(MatchSingleton, F<&A::MatchSingleton::value>("value")),
    PATTERN(MatchSequence, F<&A::MatchSequence::patterns>("patterns")),
    PATTERN(MatchMapping, F<&A::MatchMapping::keys>("keys"), F<&A::MatchMapping::patterns>("patterns"),
            O<&A::MatchMapping::rest>("rest")),
    PATTERN(MatchClass, F<&A::MatchClass::cls>("cls"), F<&A::MatchClass::patterns>("patterns"),
            F<&A::MatchClass::kwd_attrs>("kwd_attrs"), F<&A::MatchClass::kwd_patterns>("kwd_patterns")),
    PATTERN(MatchStar, O<&A::MatchStar::name>("name")),
    PATTERN(MatchAs, O<&A::MatchAs::pattern>("pattern"), O<&A::MatchAs::name>("name")),
    PATTERN(MatchOr, F<&A::MatchOr::patterns>("patterns")),

    {"TypeIgnore", Cat::type_ignore, 0, &create<A::TypeIgnore>, nullptr,
     {F<&A::TypeIgnore::lineno>("lineno"), F<&A::TypeIgnore::tag, StringTraits>("tag")}},
};
#undef EXPR
#undef STMT
#undef PATTERN
#undef LEAF

constexpr int kNumNodes = int(sizeof(kNodes) / sizeof(kNodes[0]));
constexpr int kMaxKinds = 32;

// ------------------------------------------------------------------ the classes
struct AstObject : Object {
  Dict* dict;
};

Type ast_type;

// Filled once by ensure_classes(); read-only afterwards. Registered as GC roots.
struct Classes {
  Type* cat[kNumCats];
  Type* node[kNumNodes];
  Value singleton[kNumNodes];           // instances handed out for Load(), Add(), ...
  int16_t by_kind[kNumCats][kMaxKinds];  // index into kNodes, -1 if none
  int16_t first[kNumCats], count[kNumCats];  // the category's range in kNodes
  Str* field_name[kNumNodes][8];             // interned kNodes[i].fields[f].name
  Str* attr_name[4];                         // lineno, col_offset, end_lineno, end_col_offset
};
Classes g_classes;
std::once_flag g_classes_once;
bool g_classes_ok = false;

Str* S(const char* s) { return intern_cstr(s); }

Value ast_new(Type* type, const Value*, size_t, Tuple*) { return Value(alloc_instance<AstObject>(type)); }

int ast_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = type_of(self);
  Value fields = lookup_attr(Value(t), S("_fields"));
  if (!fields) {
    if (error_occurred()) return -1;
  }
  Tuple* names = tuple_empty();
  if (fields) {
    Value seq = call1(Value(&tuple_type), fields);
    if (!seq) return -1;
    names = seq.as<Tuple>();
  }
  if (int64_t(nargs) > names->size) {
    raise(&exc::TypeError, "%U constructor takes at most %lld positional argument%s", t->name,
          (long long)names->size, names->size == 1 ? "" : "s");
    return -1;
  }
  for (size_t i = 0; i < nargs; i++) {
    if (!is_str(names->items[i])) {
      raise(&exc::TypeError, "attribute name must be string, not '%s'", type_name(names->items[i]));
      return -1;
    }
    if (set_attr(self, names->items[i].as<Str>(), args[i]) < 0) return -1;
  }
  size_t nkw = kwnames ? size_t(kwnames->size) : 0;
  for (size_t k = 0; k < nkw; k++) {
    Str* key = kwnames->items[k].as<Str>();
    for (size_t i = 0; i < nargs; i++) {
      int eq = equals(names->items[i], Value(key));
      if (eq < 0) return -1;
      if (eq) {
        raise(&exc::TypeError, "%U got multiple values for argument '%U'", t->name, key);
        return -1;
      }
    }
    if (set_attr(self, key, args[nargs + k]) < 0) return -1;
  }
  return 0;
}

Value ast_reduce(Value self, const Value*, size_t, Tuple*) {
  Dict* d = instance_dict(self, true);
  if (!d) return Value(tuple_pack({Value(type_of(self)), Value(tuple_empty())}));
  return Value(tuple_pack({Value(type_of(self)), Value(tuple_empty()), Value(d)}));
}

const MethodDef ast_methods[] = {{"__reduce__", ast_reduce, kMethodInstance, nullptr}, {nullptr}};

Tuple* str_tuple(std::initializer_list<const char*> names) {
  Tuple* t = tuple_new(int64_t(names.size()));
  int64_t i = 0;
  for (const char* n : names) t->items[i++] = Value(S(n));
  return t;
}

Tuple* attribute_names(Attrs a) {
  if (a == Attrs::None) return tuple_empty();
  return str_tuple({"lineno", "col_offset", "end_lineno", "end_col_offset"});
}

Type* make_class(const char* name, Type* base, Dict* ns) {
  dict_set_str(ns, S("__module__"), Value(S("ast")));
  Value cls = type_new_impl(&type_type, S(name), tuple_pack({Value(base)}), ns, nullptr);
  return cls ? cls.as<Type>() : nullptr;
}

std::string signature(const NodeDesc& d) {
  std::string s = d.name;
  int n = 0;
  for (const FieldDesc& f : d.fields) {
    if (!f.name) break;
    s += n++ ? ", " : "(";
    s += f.asdl_type();
    s += f.quant == Quant::Opt ? "?" : f.quant == Quant::Seq ? "*" : "";
    s += ' ';
    s += f.name;
  }
  if (n) s += ')';
  return s;
}

// Adds _attributes and the None defaults of the optional end positions.
void add_attributes(Dict* ns, Attrs a) {
  dict_set_str(ns, S("_attributes"), Value(attribute_names(a)));
  if (a == Attrs::OptionalEnd) {
    dict_set_str(ns, S("end_lineno"), None());
    dict_set_str(ns, S("end_col_offset"), None());
  }
}

void build_classes() {
  Classes& g = g_classes;
  for (auto& row : g.by_kind)
    for (auto& k : row) k = -1;
  for (int c = 0; c < kNumCats; c++) g.first[c] = -1;
  const char* const attr_names[] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};
  for (int a = 0; a < 4; a++) g.attr_name[a] = S(attr_names[a]);
  for (int c = 0; c < kNumCats; c++) {
    const CatDesc& cd = kCats[c];
    if (!cd.sum) continue;
    Dict* ns = dict_new();
    dict_set_str(ns, S("_fields"), Value(tuple_empty()));
    dict_set_str(ns, S("__match_args__"), Value(tuple_empty()));
    add_attributes(ns, cd.attrs);
    // Like the ASDL: alternatives without fields on one line, others one per line.
    bool simple = true;
    for (const NodeDesc& d : kNodes)
      if (int(d.cat) == c && d.fields[0].name) simple = false;
    std::string doc, separator = simple ? " | " : "\n" + std::string(std::strlen(cd.name) + 1, ' ') + "| ";
    for (const NodeDesc& d : kNodes) {
      if (int(d.cat) != c) continue;
      doc += doc.empty() ? std::string(cd.name) + " = " : separator;
      doc += signature(d);
    }
    dict_set_str(ns, S("__doc__"), Value(str_from_utf8(doc)));
    g.cat[c] = make_class(cd.name, &ast_type, ns);
    if (!g.cat[c]) return;
  }
  for (int i = 0; i < kNumNodes; i++) {
    const NodeDesc& d = kNodes[i];
    const CatDesc& cd = kCats[int(d.cat)];
    Dict* ns = dict_new();
    int nfields = 0;
    while (nfields < 8 && d.fields[nfields].name) nfields++;
    Tuple* fields = tuple_new(nfields);
    for (int f = 0; f < nfields; f++) {
      g.field_name[i][f] = S(d.fields[f].name);
      fields->items[f] = Value(g.field_name[i][f]);
      if (d.fields[f].quant == Quant::Opt) dict_set_str(ns, S(d.fields[f].name), None());
    }
    dict_set_str(ns, S("_fields"), Value(fields));
    dict_set_str(ns, S("__match_args__"), Value(fields));
    if (!cd.sum) add_attributes(ns, cd.attrs);
    dict_set_str(ns, S("__doc__"), Value(str_from_utf8(signature(d))));
    Type* cls = make_class(d.name, cd.sum ? g.cat[int(d.cat)] : &ast_type, ns);
    if (!cls) return;
    g.node[i] = cls;
    if (!cd.sum) g.cat[int(d.cat)] = cls;
    if (!d.create) g.singleton[i] = Value(alloc_instance<AstObject>(cls));
    g.by_kind[int(d.cat)][d.kind] = int16_t(i);
    if (g.first[int(d.cat)] < 0) g.first[int(d.cat)] = int16_t(i);
    g.count[int(d.cat)]++;
  }
  g_classes_ok = true;
}

bool ensure_classes() {
  std::call_once(g_classes_once, [] {
    ast_type.native_name = "ast.AST";
    ast_type.instance_size = sizeof(AstObject);
    ast_type.dict_offset = int32_t(offsetof(AstObject, dict));
    ast_type.flags = kTypeBaseType;
    ast_type.new_ = ast_new;
    ast_type.init = ast_init;
    ast_type.methods = ast_methods;
    type_ready(&ast_type);
    Dict* d = ast_type.dict;
    dict_set_str(d, S("_fields"), Value(tuple_empty()));
    dict_set_str(d, S("_attributes"), Value(tuple_empty()));
    dict_set_str(d, S("__match_args__"), Value(tuple_empty()));
    gc::add_roots(&g_classes, &g_classes + 1);
    build_classes();
  });
  if (!g_classes_ok) raise(&exc::SystemError, "_ast: the node classes could not be created");
  return g_classes_ok;
}

// ------------------------------------------------------------------ AST -> objects
Value node_to_obj(int index, void* node) {
  const NodeDesc& d = kNodes[index];
  Value obj = Value(alloc_instance<AstObject>(g_classes.node[index]));
  Dict* dict = instance_dict(obj, true);
  for (int f = 0; f < 8 && d.fields[f].name; f++) {
    Value v = d.fields[f].to_obj(node);
    if (!v) return Value();
    dict_set_str(dict, g_classes.field_name[index][f], v);
  }
  if (d.pos) {
    A::Pos* p = d.pos(node);
    Str* const* names = g_classes.attr_name;
    dict_set_str(dict, names[0], Value::from_small_int(p->lineno));
    dict_set_str(dict, names[1], Value::from_small_int(p->col_offset));
    dict_set_str(dict, names[2], Value::from_small_int(p->end_lineno));
    dict_set_str(dict, names[3], Value::from_small_int(p->end_col_offset));
  }
  return obj;
}

Value singleton_for(Cat c, int kind) { return g_classes.singleton[g_classes.by_kind[int(c)][kind]]; }

Value by_kind_to_obj(Cat c, int kind, void* node) {
  if (!node) return None();
  return node_to_obj(g_classes.by_kind[int(c)][kind], node);
}

// ------------------------------------------------------------------ objects -> AST
// The index in kNodes of the first class of category c that obj is an instance of.
int match_class(Value obj, Cat c) {
  const Classes& g = g_classes;
  for (int i = g.first[int(c)], end = i + g.count[int(c)]; i < end; i++) {
    int r = is_instance(obj, Value(g.node[i]));
    if (r < 0) return -2;
    if (r) return i;
  }
  return -1;
}

bool read_int(Value v, int32_t* out) {
  if (!is_int(v)) {
    raise(&exc::ValueError, "invalid integer value: %R", v);
    return false;
  }
  int64_t x = 0;
  bool fits = int_to_i64(v, &x);
  if (!fits) {
    if (!error_matches(&exc::OverflowError)) return false;
    clear_error();
  }
  if (!fits || x < INT32_MIN || x > INT32_MAX) {
    raise(&exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = int32_t(x);
  return true;
}

// Reads the position attributes of category cat; like CPython this comes
// before the class of obj is looked at. Missing ends default to the start.
bool read_position(Value obj, Cat cat, A::Pos* p) {
  bool all_required = kCats[int(cat)].attrs == Attrs::Required;
  struct { Str* name; int32_t* slot; bool required; const int32_t* fallback; } attrs[] = {
      {g_classes.attr_name[0], &p->lineno, true, nullptr},
      {g_classes.attr_name[1], &p->col_offset, true, nullptr},
      {g_classes.attr_name[2], &p->end_lineno, all_required, &p->lineno},
      {g_classes.attr_name[3], &p->end_col_offset, all_required, &p->col_offset},
  };
  for (auto& a : attrs) {
    Value v = lookup_attr(obj, a.name);
    if (!v && error_occurred()) return false;
    if (!v && a.required) {
      raise(&exc::TypeError, "required field \"%U\" missing from %s", a.name, kCats[int(cat)].name);
      return false;
    }
    if (!v || (!a.required && is_none(v))) {
      *a.slot = *a.fallback;
      continue;
    }
    if (!read_int(v, a.slot)) return false;
  }
  return true;
}

bool fill_fields(Conv& c, int index, Value obj, void* node) {
  const NodeDesc& d = kNodes[index];
  const char* saved_node = c.node;
  for (int i = 0; i < 8 && d.fields[i].name; i++) {
    const FieldDesc& f = d.fields[i];
    Value v = lookup_attr(obj, g_classes.field_name[index][i]);
    if (!v) {
      if (error_occurred()) return false;
      if (f.quant != Quant::Opt) {
        raise(&exc::TypeError, "required field \"%s\" missing from %s", f.name, d.name);
        return false;
      }
      continue;
    }
    if (f.quant == Quant::Opt && is_none(v)) continue;
    c.node = d.name;
    c.field = f.name;
    if (!f.from_obj(c, node, v)) return false;
  }
  c.node = saved_node;
  return true;
}

// Converts obj to a node of category c; *out is null for None.
bool obj_to_node(Conv& c, Value obj, Cat cat, void** out) {
  *out = nullptr;
  bool sum = kCats[int(cat)].sum;
  // None stands for a missing sum node; a product (arguments, arg, ...) is
  // read attribute by attribute like any other object.
  if (sum && is_none(obj)) return true;
  // CPython reads the positions of sum nodes (expr, stmt, ...) first, those
  // of product nodes (arg, keyword, alias) after their fields.
  bool has_pos = kCats[int(cat)].attrs != Attrs::None;
  A::Pos pos;
  if (has_pos && sum && !read_position(obj, cat, &pos)) return false;
  int index;
  if (sum) {
    index = match_class(obj, cat);
    if (index == -2) return false;
    if (index < 0) {
      raise(&exc::TypeError, "expected some sort of %s, but got %R", kCats[int(cat)].name, obj);
      return false;
    }
  } else {
    index = g_classes.first[int(cat)];
  }
  if (++c.depth > kMaxDepth) {
    raise(&exc::RecursionError, "maximum recursion depth exceeded during ast construction");
    return false;
  }
  const NodeDesc& d = kNodes[index];
  void* node = d.create();
  bool ok = fill_fields(c, index, obj, node) && (!has_pos || sum || read_position(obj, cat, &pos));
  if (d.pos) *d.pos(node) = pos;
  c.depth--;
  if (!ok) return false;
  *out = node;
  return true;
}

// Singleton sums (Load, Add, ...): the kind of the class obj is an instance of.
bool obj_to_kind(Value obj, Cat cat, int* kind) {
  int index = match_class(obj, cat);
  if (index == -2) return false;
  if (index < 0) {
    raise(&exc::TypeError, "expected some sort of %s, but got %R", kCats[int(cat)].name, obj);
    return false;
  }
  *kind = kNodes[index].kind;
  return true;
}

// ------------------------------------------------------------------ validation
// The checks of CPython's AST validator that keep malformed trees from the compiler.
class Validator {
 public:
  bool mod(A::Mod* m) {
    switch (m->kind) {
      case A::ModKind::Module:
      case A::ModKind::Interactive: return stmts(m->body);
      case A::ModKind::Expression: return expr(m->expr, A::ExprContext::Load);
      case A::ModKind::FunctionType: return exprs(m->argtypes, A::ExprContext::Load, false) && expr(m->expr, A::ExprContext::Load);
    }
    return true;
  }

 private:
  int depth_ = 0;

  static bool fail(const char* fmt, const char* arg = nullptr) {
    raise(&exc::ValueError, fmt, arg);
    return false;
  }
  static const char* ctx_name(A::ExprContext c) {
    return c == A::ExprContext::Load ? "Load" : c == A::ExprContext::Store ? "Store" : "Del";
  }
  bool enter() {
    if (++depth_ > kMaxDepth) {
      raise(&exc::RecursionError, "maximum recursion depth exceeded during compilation");
      return false;
    }
    return true;
  }

  bool stmts(const A::Seq<A::Stmt*>& seq) {
    for (A::Stmt* s : seq) {
      if (!s) return fail("None disallowed in statement list");
      if (!stmt(s)) return false;
    }
    return true;
  }
  bool body(const A::Seq<A::Stmt*>& seq, const char* owner) {
    if (seq.empty()) return fail("empty body on %s", owner);
    return stmts(seq);
  }
  bool nonempty(int32_t size, const char* what, const char* owner) {
    if (size) return true;
    raise(&exc::ValueError, "empty %s on %s", what, owner);
    return false;
  }
  bool identifiers(const A::Seq<Str*>& names, const char* owner) {
    if (!nonempty(names.size, "names", owner)) return false;
    for (Str* n : names)
      if (!n) return fail("None disallowed in identifier list");
    return true;
  }
  bool exprs(const A::Seq<A::Expr*>& seq, A::ExprContext ctx, bool null_ok) {
    for (A::Expr* e : seq) {
      if (!e) {
        if (null_ok) continue;
        return fail("None disallowed in expression list");
      }
      if (!expr(e, ctx)) return false;
    }
    return true;
  }
  bool opt(A::Expr* e) { return !e || expr(e, A::ExprContext::Load); }
  bool load(A::Expr* e) { return expr(e, A::ExprContext::Load); }
  bool name(Str* id) {
    for (const char* forbidden : {"None", "True", "False"})
      if (str_equals_ascii(id, forbidden)) return fail("identifier field can't represent '%s' constant", forbidden);
    return true;
  }
  bool keywords(const A::Seq<A::Keyword*>& kws) {
    for (A::Keyword* k : kws)
      if (!load(k->value)) return false;
    return true;
  }
  bool arg(A::Arg* a) { return positions(a->pos) && opt(a->annotation); }
  bool arg_list(const A::Seq<A::Arg*>& args) {
    for (A::Arg* a : args)
      if (!arg(a)) return false;
    return true;
  }
  bool arguments(A::Arguments* a) {
    if (!arg_list(a->posonlyargs) || !arg_list(a->args)) return false;
    if (a->vararg && !arg(a->vararg)) return false;
    if (!arg_list(a->kwonlyargs)) return false;
    if (a->kwarg && !arg(a->kwarg)) return false;
    if (a->defaults.size > a->posonlyargs.size + a->args.size)
      return fail("more positional defaults than args on arguments");
    if (a->kw_defaults.size != a->kwonlyargs.size)
      return fail("length of kwonlyargs is not the same as kw_defaults on arguments");
    return exprs(a->defaults, A::ExprContext::Load, false) && exprs(a->kw_defaults, A::ExprContext::Load, true);
  }
  bool comprehensions(const A::Seq<A::Comprehension*>& gens) {
    if (gens.empty()) return fail("comprehension with no generators");
    for (A::Comprehension* g : gens)
      if (!expr(g->target, A::ExprContext::Store) || !load(g->iter) || !exprs(g->ifs, A::ExprContext::Load, false))
        return false;
    return true;
  }
  // The first value of a type a constant cannot have (looking into tuples
  // and frozensets), or null: none, or an error is pending.
  static Value invalid_constant(Value v, int depth = 0) {
    if (is_none(v) || v == Ellipsis() || is_int(v) || is_float(v) || is_complex(v) || is_str(v) || is_bytes(v))
      return Value();
    if (!(is_tuple(v) || is_instance_of(v, &frozenset_type)) || depth > 100) return v;
    Value it = get_iter(v);
    if (!it) return Value();
    while (Value item = iter_next(it))
      if (Value bad = invalid_constant(item, depth + 1)) return bad;
    return Value();
  }
  bool constant(Value v) {
    Value bad = invalid_constant(v);
    if (error_occurred()) return false;
    if (!bad) return true;
    raise(&exc::TypeError, "got an invalid type in Constant: %s", type_name(bad));
    return false;
  }
  static bool positions(const A::Pos& p) {
    if (p.lineno > p.end_lineno) {
      raise(&exc::ValueError, "AST node line range (%d, %d) is not valid", p.lineno, p.end_lineno);
      return false;
    }
    if ((p.lineno < 0 && p.end_lineno != p.lineno) || (p.col_offset < 0 && p.col_offset != p.end_col_offset)) {
      raise(&exc::ValueError, "AST node column range (%d, %d) for line range (%d, %d) is not valid", p.col_offset,
            p.end_col_offset, p.lineno, p.end_lineno);
      return false;
    }
    if (p.lineno == p.end_lineno && p.col_offset > p.end_col_offset) {
      raise(&exc::ValueError, "line %d, column %d-%d is not a valid range", p.lineno, p.col_offset, p.end_col_offset);
      return false;
    }
    return true;
  }

  bool expr(A::Expr* e, A::ExprContext ctx) {
    if (!positions(e->pos)) return false;
    if (!enter()) return false;
    bool ok = expr_inner(e, ctx);
    depth_--;
    return ok;
  }
  bool expr_inner(A::Expr* e, A::ExprContext ctx) {
    bool has_ctx = true;
    A::ExprContext actual = A::ExprContext::Load;
    switch (e->kind) {
      case A::ExprKind::Attribute: actual = static_cast<A::Attribute*>(e)->ctx; break;
      case A::ExprKind::Subscript: actual = static_cast<A::Subscript*>(e)->ctx; break;
      case A::ExprKind::Starred: actual = static_cast<A::Starred*>(e)->ctx; break;
      case A::ExprKind::Name: actual = static_cast<A::Name*>(e)->ctx; break;
      case A::ExprKind::List: actual = static_cast<A::List*>(e)->ctx; break;
      case A::ExprKind::Tuple: actual = static_cast<A::Tuple*>(e)->ctx; break;
      default:
        has_ctx = false;
        if (ctx != A::ExprContext::Load)
          return fail("expression which can't be assigned to in %s context", ctx_name(ctx));
    }
    if (has_ctx && actual != ctx) {
      raise(&exc::ValueError, "expression must have %s context but has %s instead", ctx_name(ctx), ctx_name(actual));
      return false;
    }
    using K = A::ExprKind;
    switch (e->kind) {
      case K::BoolOp: {
        auto* n = static_cast<A::BoolOp*>(e);
        if (n->values.size < 2) return fail("BoolOp with less than 2 values");
        return exprs(n->values, A::ExprContext::Load, false);
      }
      case K::NamedExpr: {
        auto* n = static_cast<A::NamedExpr*>(e);
        if (n->target->kind != K::Name) {
          raise(&exc::TypeError, "NamedExpr target must be a Name");
          return false;
        }
        return expr(n->target, A::ExprContext::Store) && load(n->value);
      }
      case K::BinOp: return load(static_cast<A::BinOp*>(e)->left) && load(static_cast<A::BinOp*>(e)->right);
      case K::UnaryOp: return load(static_cast<A::UnaryOp*>(e)->operand);
      case K::Lambda: return arguments(static_cast<A::Lambda*>(e)->args) && load(static_cast<A::Lambda*>(e)->body);
      case K::IfExp: {
        auto* n = static_cast<A::IfExp*>(e);
        return load(n->test) && load(n->body) && load(n->orelse);
      }
      case K::Dict: {
        auto* n = static_cast<A::Dict*>(e);
        if (n->keys.size != n->values.size) return fail("Dict doesn't have the same number of keys as values");
        return exprs(n->keys, A::ExprContext::Load, true) && exprs(n->values, A::ExprContext::Load, false);
      }
      case K::Set: return exprs(static_cast<A::Set*>(e)->elts, A::ExprContext::Load, false);
      case K::ListComp: return comprehensions(static_cast<A::ListComp*>(e)->generators) && load(static_cast<A::ListComp*>(e)->elt);
      case K::SetComp: return comprehensions(static_cast<A::SetComp*>(e)->generators) && load(static_cast<A::SetComp*>(e)->elt);
      case K::GeneratorExp:
        return comprehensions(static_cast<A::GeneratorExp*>(e)->generators) && load(static_cast<A::GeneratorExp*>(e)->elt);
      case K::DictComp: {
        auto* n = static_cast<A::DictComp*>(e);
        return comprehensions(n->generators) && load(n->key) && load(n->value);
      }
      case K::Await: return load(static_cast<A::Await*>(e)->value);
      case K::Yield: return opt(static_cast<A::Yield*>(e)->value);
      case K::YieldFrom: return load(static_cast<A::YieldFrom*>(e)->value);
      case K::Compare: {
        auto* n = static_cast<A::Compare*>(e);
        if (n->comparators.empty()) return fail("Compare with no comparators");
        if (n->comparators.size != n->ops.size) return fail("Compare has a different number of comparators and operands");
        return exprs(n->comparators, A::ExprContext::Load, false) && load(n->left);
      }
      case K::Call: {
        auto* n = static_cast<A::Call*>(e);
        return load(n->func) && exprs(n->args, A::ExprContext::Load, false) && keywords(n->keywords);
      }
      case K::Constant: return constant(static_cast<A::Constant*>(e)->value);
      case K::JoinedStr: return exprs(static_cast<A::JoinedStr*>(e)->values, A::ExprContext::Load, false);
      case K::FormattedValue: {
        auto* n = static_cast<A::FormattedValue*>(e);
        return load(n->value) && opt(n->format_spec);
      }
      case K::Attribute: return load(static_cast<A::Attribute*>(e)->value);
      case K::Subscript: return load(static_cast<A::Subscript*>(e)->slice) && load(static_cast<A::Subscript*>(e)->value);
      case K::Starred: return expr(static_cast<A::Starred*>(e)->value, ctx);
      case K::Slice: {
        auto* n = static_cast<A::Slice*>(e);
        return opt(n->lower) && opt(n->upper) && opt(n->step);
      }
      case K::List: return exprs(static_cast<A::List*>(e)->elts, ctx, false);
      case K::Tuple: return exprs(static_cast<A::Tuple*>(e)->elts, ctx, false);
      case K::Name: return name(static_cast<A::Name*>(e)->id);
    }
    return true;
  }

  bool capture(Str* n) {
    if (str_equals_ascii(n, "_")) return fail("can't capture name '_' in patterns");
    return name(n);
  }
  bool patterns(const A::Seq<A::Pattern*>& seq) {
    for (A::Pattern* p : seq)
      if (!pattern(p)) return false;
    return true;
  }
  bool match_value(A::Expr* v) {
    if (!load(v)) return false;
    switch (v->kind) {
      case A::ExprKind::Constant: {
        Value c = static_cast<A::Constant*>(v)->value;
        if (is_none(c) || is_bool(c)) return fail("unexpected constant inside of a literal pattern");
        return true;
      }
      case A::ExprKind::Attribute:
      case A::ExprKind::UnaryOp:
      case A::ExprKind::BinOp:
      case A::ExprKind::JoinedStr: return true;
      default: return fail("patterns may only match literals and attribute lookups");
    }
  }
  bool pattern(A::Pattern* p) {
    if (!p) return fail("None disallowed in pattern list");
    if (!positions(p->pos)) return false;
    if (!enter()) return false;
    bool ok = pattern_inner(p);
    depth_--;
    return ok;
  }
  bool pattern_inner(A::Pattern* p) {
    using K = A::PatternKind;
    switch (p->kind) {
      case K::MatchValue: return match_value(static_cast<A::MatchValue*>(p)->value);
      case K::MatchSingleton: {
        Value v = static_cast<A::MatchSingleton*>(p)->value;
        if (!is_none(v) && !is_bool(v)) return fail("MatchSingleton can only contain True, False and None");
        return true;
      }
      case K::MatchSequence: return patterns(static_cast<A::MatchSequence*>(p)->patterns);
      case K::MatchMapping: {
        auto* n = static_cast<A::MatchMapping*>(p);
        if (n->keys.size != n->patterns.size) return fail("MatchMapping doesn't have the same number of keys as patterns");
        if (n->rest && !capture(n->rest)) return false;
        for (A::Expr* k : n->keys) {
          if (!k) return fail("None disallowed in expression list");
          if (k->kind != A::ExprKind::Constant && k->kind != A::ExprKind::Attribute && !match_value(k)) return false;
          if (!load(k)) return false;
        }
        return patterns(n->patterns);
      }
      case K::MatchClass: {
        auto* n = static_cast<A::MatchClass*>(p);
        if (!load(n->cls)) return false;
        for (A::Expr* c = n->cls; c->kind != A::ExprKind::Name;) {
          if (c->kind != A::ExprKind::Attribute) return fail("MatchClass cls field can only contain Name or Attribute nodes.");
          c = static_cast<A::Attribute*>(c)->value;
        }
        if (n->kwd_attrs.size != n->kwd_patterns.size)
          return fail("MatchClass doesn't have the same number of keyword attributes as patterns");
        for (Str* a : n->kwd_attrs) {
          if (!a) return fail("None disallowed in identifier list");
          if (!name(a)) return false;
        }
        return patterns(n->patterns) && patterns(n->kwd_patterns);
      }
      case K::MatchStar: {
        Str* n = static_cast<A::MatchStar*>(p)->name;
        return !n || capture(n);
      }
      case K::MatchAs: {
        auto* n = static_cast<A::MatchAs*>(p);
        if (n->name && !capture(n->name)) return false;
        if (!n->pattern) return true;
        if (!n->name) return fail("MatchAs must specify a target name if a pattern is given");
        return pattern(n->pattern);
      }
      case K::MatchOr: {
        auto* n = static_cast<A::MatchOr*>(p);
        if (n->patterns.size < 2) return fail("MatchOr requires at least 2 patterns");
        return patterns(n->patterns);
      }
    }
    return true;
  }

  bool stmt(A::Stmt* s) {
    if (!positions(s->pos)) return false;
    if (!enter()) return false;
    bool ok = stmt_inner(s);
    depth_--;
    return ok;
  }
  bool stmt_inner(A::Stmt* s) {
    using K = A::StmtKind;
    constexpr auto Load = A::ExprContext::Load;
    switch (s->kind) {
      case K::FunctionDef:
      case K::AsyncFunctionDef: {
        auto* n = static_cast<A::FunctionDef*>(s);
        return body(n->body, s->kind == K::FunctionDef ? "FunctionDef" : "AsyncFunctionDef") && arguments(n->args) &&
               exprs(n->decorator_list, Load, false) && opt(n->returns);
      }
      case K::ClassDef: {
        auto* n = static_cast<A::ClassDef*>(s);
        return body(n->body, "ClassDef") && exprs(n->bases, Load, false) && keywords(n->keywords) &&
               exprs(n->decorator_list, Load, false);
      }
      case K::Return: return opt(static_cast<A::Return*>(s)->value);
      case K::Delete: {
        auto* n = static_cast<A::Delete*>(s);
        return nonempty(n->targets.size, "targets", "Delete") && exprs(n->targets, A::ExprContext::Del, false);
      }
      case K::Assign: {
        auto* n = static_cast<A::Assign*>(s);
        return nonempty(n->targets.size, "targets", "Assign") && exprs(n->targets, A::ExprContext::Store, false) &&
               load(n->value);
      }
      case K::AugAssign: {
        auto* n = static_cast<A::AugAssign*>(s);
        return expr(n->target, A::ExprContext::Store) && load(n->value);
      }
      case K::AnnAssign: {
        auto* n = static_cast<A::AnnAssign*>(s);
        if (n->simple && n->target->kind != A::ExprKind::Name) {
          raise(&exc::TypeError, "AnnAssign with simple non-Name target");
          return false;
        }
        return expr(n->target, A::ExprContext::Store) && opt(n->value) && load(n->annotation);
      }
      case K::For:
      case K::AsyncFor: {
        auto* n = static_cast<A::For*>(s);
        return expr(n->target, A::ExprContext::Store) && load(n->iter) &&
               body(n->body, s->kind == K::For ? "For" : "AsyncFor") && stmts(n->orelse);
      }
      case K::While: {
        auto* n = static_cast<A::While*>(s);
        return load(n->test) && body(n->body, "While") && stmts(n->orelse);
      }
      case K::If: {
        auto* n = static_cast<A::If*>(s);
        return load(n->test) && body(n->body, "If") && stmts(n->orelse);
      }
      case K::With:
      case K::AsyncWith: {
        auto* n = static_cast<A::With*>(s);
        const char* owner = s->kind == K::With ? "With" : "AsyncWith";
        if (!nonempty(n->items.size, "items", owner)) return false;
        for (A::WithItem* w : n->items)
          if (!load(w->context_expr) || (w->optional_vars && !expr(w->optional_vars, A::ExprContext::Store)))
            return false;
        return body(n->body, owner);
      }
      case K::Match: {
        auto* n = static_cast<A::Match*>(s);
        if (!load(n->subject) || !nonempty(n->cases.size, "cases", "Match")) return false;
        for (A::MatchCase* c : n->cases)
          if (!pattern(c->pattern) || !opt(c->guard) || !body(c->body, "match_case")) return false;
        return true;
      }
      case K::Raise: {
        auto* n = static_cast<A::Raise*>(s);
        if (!n->exc && n->cause) return fail("Raise with cause but no exception");
        return opt(n->exc) && opt(n->cause);
      }
      case K::Try:
      case K::TryStar: {
        auto* n = static_cast<A::Try*>(s);
        const char* owner = s->kind == K::Try ? "Try" : "TryStar";
        if (!body(n->body, owner)) return false;
        if (n->handlers.empty() && n->finalbody.empty()) return fail("%s has neither except handlers nor finalbody", owner);
        if (n->handlers.empty() && !n->orelse.empty()) return fail("%s has orelse but no except handlers", owner);
        for (A::ExceptHandler* h : n->handlers) {
          if (!h) return fail("None disallowed in excepthandler list");
          if (!positions(h->pos) || !opt(h->type) || !body(h->body, "ExceptHandler")) return false;
        }
        return stmts(n->finalbody) && stmts(n->orelse);
      }
      case K::Assert: {
        auto* n = static_cast<A::Assert*>(s);
        return load(n->test) && opt(n->msg);
      }
      case K::Import: return nonempty(static_cast<A::Import*>(s)->names.size, "names", "Import");
      case K::ImportFrom: {
        auto* n = static_cast<A::ImportFrom*>(s);
        if (n->level < 0) return fail("Negative ImportFrom level");
        return nonempty(n->names.size, "names", "ImportFrom");
      }
      case K::Global: return identifiers(static_cast<A::Global*>(s)->names, "Global");
      case K::Nonlocal: return identifiers(static_cast<A::Nonlocal*>(s)->names, "Nonlocal");
      case K::Expr: return load(static_cast<A::ExprStmt*>(s)->value);
      case K::Pass:
      case K::Break:
      case K::Continue: return true;
    }
    return true;
  }
};

// ------------------------------------------------------------------ the module
bool ast_module_init(Module* m) {
  if (!ensure_classes()) return false;
  if (module_add(m, "AST", Value(&ast_type)) < 0) return false;
  for (int c = 0; c < kNumCats; c++)
    if (module_add(m, kCats[c].name, Value(g_classes.cat[c])) < 0) return false;
  for (int i = 0; i < kNumNodes; i++)
    if (module_add(m, kNodes[i].name, Value(g_classes.node[i])) < 0) return false;
  return module_add(m, "PyCF_ONLY_AST", Value::from_small_int(0x400)) >= 0 &&
         module_add(m, "PyCF_TYPE_COMMENTS", Value::from_small_int(0x1000)) >= 0 &&
         module_add(m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", Value::from_small_int(0x2000)) >= 0;
}

}  // namespace

extern const ModuleDef ast_module = {"_ast", nullptr, nullptr, ast_module_init};

bool is_ast_object(Value v) { return is_instance_of(v, &ast_type); }

ast::Mod* ast_from_object(Value v, parser::Mode mode) {
  if (!ensure_classes()) return nullptr;
  static const char* const kModeNode[] = {"Module", "Expression", "Interactive", "FunctionType"};
  const char* want = nullptr;
  switch (mode) {
    case parser::Mode::Exec: want = kModeNode[0]; break;
    case parser::Mode::Eval: want = kModeNode[1]; break;
    case parser::Mode::Single: want = kModeNode[2]; break;
    case parser::Mode::FuncType: want = kModeNode[3]; break;
  }
  int index = match_class(v, Cat::mod);
  if (index == -2) return nullptr;
  if (index < 0 || std::strcmp(kNodes[index].name, want) != 0) {
    raise(&exc::TypeError, "expected %s node, got %s", want, type_name(v));
    return nullptr;
  }
  Conv c;
  void* node;
  if (!obj_to_node(c, v, Cat::mod, &node)) return nullptr;
  auto* mod = static_cast<ast::Mod*>(node);
  Validator validator;
  if (!validator.mod(mod)) return nullptr;
  return mod;
}

Value ast_to_object(ast::Mod* mod) {
  if (!ensure_classes()) return Value();
  return by_kind_to_obj(Cat::mod, int(mod->kind), mod);
}

}  // namespace spindle
