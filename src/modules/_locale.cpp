// _locale: the C library's locale support (locale.py builds on it).
//
// setlocale() changes process-wide state, as in CPython; the C library's
// functions used here read it without further locking. Strings from the C
// library are decoded with the current LC_CTYPE encoding.
#include <langinfo.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>

#include <cstring>
#include <cwchar>
#include <string>
#include <vector>

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/sequence.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

namespace spindle {

namespace {

Type* locale_error;

// Decodes a string from the C library with the locale's encoding.
Value decode_locale(const char* s) {
  std::mbstate_t state{};
  const char* src = s;
  size_t n = std::mbsrtowcs(nullptr, &src, 0, &state);
  if (n == size_t(-1)) return Value(str_from_utf8_surrogateescape(s, std::strlen(s)));
  std::vector<wchar_t> wide(n + 1);
  state = std::mbstate_t{};
  src = s;
  std::mbsrtowcs(wide.data(), &src, n + 1, &state);
  std::vector<uint32_t> cps(wide.begin(), wide.begin() + long(n));
  return Value(str_from_code_points(cps.data(), cps.size()));
}

// A str argument as a NUL-terminated wide string (ValueError for embedded NULs).
bool wide_arg(Value v, const char* fname, int argno, std::wstring* out) {
  if (!is_str(v)) {
    raise(&exc::TypeError, "%s argument %d must be str, not %s", fname, argno, type_name(v));
    return false;
  }
  Str* s = v.as<Str>();
  out->clear();
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t cp = s->at(i);
    if (cp == 0) {
      raise(&exc::ValueError, "embedded null character");
      return false;
    }
    out->push_back(wchar_t(cp));
  }
  return true;
}

bool utf8_arg(Value v, const char* fname, int argno, std::string* out) {
  if (!is_str(v)) {
    raise(&exc::TypeError, "%s argument %d must be str, not %s", fname, argno, type_name(v));
    return false;
  }
  *out = str_to_utf8(v.as<Str>());
  if (out->find('\0') != std::string::npos) {
    raise(&exc::ValueError, "embedded null character");
    return false;
  }
  return true;
}

// An optional str argument (None: null).
bool optional_utf8_arg(Value v, const char* fname, int argno, std::string* out, bool* given) {
  *given = v && !is_none(v);
  return !*given || utf8_arg(v, fname, argno, out);
}

Value f_setlocale(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"setlocale", {"category", "locale"}, 1};
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int category;
  if (!int_arg(a[0], &category)) return Value();
  std::string name;
  bool given;
  if (!optional_utf8_arg(a[1], "setlocale()", 2, &name, &given)) return Value();
  const char* result = setlocale(category, given ? name.c_str() : nullptr);
  if (!result) {
    if (!given) return raise(locale_error, "locale query failed");
    return raise(locale_error, "unsupported locale setting");
  }
  return decode_locale(result);
}

// CPython's copy of a grouping string: the values through the terminating 0 or CHAR_MAX.
Value grouping_list(const char* s) {
  List* l = list_new();
  if (s[0] == '\0') return Value(l);
  int64_t i = -1;
  do {
    i++;
    list_append(l, Value::from_small_int(int64_t(s[i])));
  } while (s[i] != '\0' && s[i] != CHAR_MAX);
  return Value(l);
}

Value f_localeconv(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("localeconv", nargs, kwnames)) return Value();
  const lconv* lc = localeconv();
  Dict* d = dict_new();
  auto put = [&](const char* key, Value v) { return v && dict_set_str(d, intern_cstr(key), v) >= 0; };
  auto str = [&](const char* key, const char* s) { return put(key, decode_locale(s)); };
  auto num = [&](const char* key, char c) { return put(key, Value::from_small_int(int64_t(c))); };
  bool ok = str("int_curr_symbol", lc->int_curr_symbol) && str("currency_symbol", lc->currency_symbol) &&
            str("mon_decimal_point", lc->mon_decimal_point) && str("mon_thousands_sep", lc->mon_thousands_sep) &&
            put("mon_grouping", grouping_list(lc->mon_grouping)) && str("positive_sign", lc->positive_sign) &&
            str("negative_sign", lc->negative_sign) && num("int_frac_digits", lc->int_frac_digits) &&
            num("frac_digits", lc->frac_digits) && num("p_cs_precedes", lc->p_cs_precedes) &&
            num("p_sep_by_space", lc->p_sep_by_space) && num("n_cs_precedes", lc->n_cs_precedes) &&
            num("n_sep_by_space", lc->n_sep_by_space) && num("p_sign_posn", lc->p_sign_posn) &&
            num("n_sign_posn", lc->n_sign_posn) && str("decimal_point", lc->decimal_point) &&
            str("thousands_sep", lc->thousands_sep) && put("grouping", grouping_list(lc->grouping));
  return ok ? Value(d) : Value();
}

Value f_strcoll(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("strcoll", kwnames) || !check_positional("strcoll", nargs, 2, 2)) return Value();
  std::wstring x, y;
  if (!wide_arg(args[0], "strcoll()", 1, &x) || !wide_arg(args[1], "strcoll()", 2, &y)) return Value();
  return int_from_i64(std::wcscoll(x.c_str(), y.c_str()));
}

Value f_strxfrm(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("strxfrm", kwnames) || !check_positional("strxfrm", nargs, 1, 1)) return Value();
  std::wstring s;
  if (!wide_arg(args[0], "strxfrm()", 1, &s)) return Value();
  size_t n = std::wcsxfrm(nullptr, s.c_str(), 0);
  std::vector<wchar_t> out(n + 1);
  std::wcsxfrm(out.data(), s.c_str(), n + 1);
  std::vector<uint32_t> cps(out.begin(), out.begin() + long(n));
  return Value(str_from_code_points(cps.data(), cps.size()));
}

Value f_getencoding(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("getencoding", nargs, kwnames)) return Value();
  const char* codeset = nl_langinfo(CODESET);
  return Value(str_from_utf8(codeset && *codeset ? codeset : "UTF-8"));
}

struct LangInfo {
  const char* name;
  nl_item item;
};

const LangInfo kLangInfo[] = {
    {"RADIXCHAR", RADIXCHAR}, {"THOUSEP", THOUSEP}, {"CRNCYSTR", CRNCYSTR}, {"D_T_FMT", D_T_FMT},
    {"D_FMT", D_FMT}, {"T_FMT", T_FMT}, {"AM_STR", AM_STR}, {"PM_STR", PM_STR},
    {"CODESET", CODESET}, {"T_FMT_AMPM", T_FMT_AMPM}, {"ERA", ERA}, {"ERA_D_FMT", ERA_D_FMT},
    {"ALT_DIGITS", ALT_DIGITS}, {"YESEXPR", YESEXPR}, {"NOEXPR", NOEXPR}, {"_DATE_FMT", _DATE_FMT},
    {"DAY_1", DAY_1}, {"DAY_2", DAY_2}, {"DAY_3", DAY_3}, {"DAY_4", DAY_4}, {"DAY_5", DAY_5}, {"DAY_6", DAY_6},
    {"DAY_7", DAY_7}, {"ABDAY_1", ABDAY_1}, {"ABDAY_2", ABDAY_2}, {"ABDAY_3", ABDAY_3}, {"ABDAY_4", ABDAY_4},
    {"ABDAY_5", ABDAY_5}, {"ABDAY_6", ABDAY_6}, {"ABDAY_7", ABDAY_7}, {"MON_1", MON_1}, {"MON_2", MON_2},
    {"MON_3", MON_3}, {"MON_4", MON_4}, {"MON_5", MON_5}, {"MON_6", MON_6}, {"MON_7", MON_7}, {"MON_8", MON_8},
    {"MON_9", MON_9}, {"MON_10", MON_10}, {"MON_11", MON_11}, {"MON_12", MON_12}, {"ABMON_1", ABMON_1},
    {"ABMON_2", ABMON_2}, {"ABMON_3", ABMON_3}, {"ABMON_4", ABMON_4}, {"ABMON_5", ABMON_5}, {"ABMON_6", ABMON_6},
    {"ABMON_7", ABMON_7}, {"ABMON_8", ABMON_8}, {"ABMON_9", ABMON_9}, {"ABMON_10", ABMON_10},
    {"ABMON_11", ABMON_11}, {"ABMON_12", ABMON_12}, {"ERA_D_T_FMT", ERA_D_T_FMT}, {"ERA_T_FMT", ERA_T_FMT},
};

Value f_nl_langinfo(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("nl_langinfo", kwnames) || !check_positional("nl_langinfo", nargs, 1, 1)) return Value();
  int key;
  if (!int_arg(args[0], &key)) return Value();
  for (const LangInfo& info : kLangInfo)
    if (info.item == key) {
      const char* result = nl_langinfo(info.item);
      return decode_locale(result ? result : "");
    }
  return raise(&exc::ValueError, "unsupported langinfo constant");
}

// gettext family: text arguments are str, results are decoded from the locale.
Value f_gettext(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("gettext", kwnames) || !check_positional("gettext", nargs, 1, 1)) return Value();
  std::string msg;
  if (!utf8_arg(args[0], "gettext()", 1, &msg)) return Value();
  return decode_locale(gettext(msg.c_str()));
}

Value f_dgettext(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("dgettext", kwnames) || !check_positional("dgettext", nargs, 2, 2)) return Value();
  std::string domain, msg;
  bool has_domain;
  if (!optional_utf8_arg(args[0], "dgettext()", 1, &domain, &has_domain) || !utf8_arg(args[1], "dgettext()", 2, &msg))
    return Value();
  return decode_locale(dgettext(has_domain ? domain.c_str() : nullptr, msg.c_str()));
}

Value f_dcgettext(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("dcgettext", kwnames) || !check_positional("dcgettext", nargs, 3, 3)) return Value();
  std::string domain, msg;
  bool has_domain;
  int category;
  if (!optional_utf8_arg(args[0], "dcgettext()", 1, &domain, &has_domain) ||
      !utf8_arg(args[1], "dcgettext()", 2, &msg) || !int_arg(args[2], &category))
    return Value();
  return decode_locale(dcgettext(has_domain ? domain.c_str() : nullptr, msg.c_str(), category));
}

Value f_textdomain(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("textdomain", kwnames) || !check_positional("textdomain", nargs, 1, 1)) return Value();
  std::string domain;
  bool given;
  if (!optional_utf8_arg(args[0], "textdomain()", 1, &domain, &given)) return Value();
  const char* result = textdomain(given ? domain.c_str() : nullptr);
  if (!result) return raise_os_error(errno);
  return decode_locale(result);
}

Value f_bindtextdomain(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("bindtextdomain", kwnames) || !check_positional("bindtextdomain", nargs, 2, 2)) return Value();
  std::string domain, dir;
  bool has_dir;
  if (!utf8_arg(args[0], "bindtextdomain()", 1, &domain)) return Value();
  if (domain.empty()) return raise(&exc::ValueError, "empty string");
  if (!optional_utf8_arg(args[1], "bindtextdomain()", 2, &dir, &has_dir)) return Value();
  const char* result = bindtextdomain(domain.c_str(), has_dir ? dir.c_str() : nullptr);
  if (!result) return raise_os_error(errno ? errno : ENOMEM);
  return decode_locale(result);
}

Value f_bind_textdomain_codeset(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("bind_textdomain_codeset", kwnames) || !check_positional("bind_textdomain_codeset", nargs, 2, 2))
    return Value();
  std::string domain, codeset;
  bool has_codeset;
  if (!utf8_arg(args[0], "bind_textdomain_codeset()", 1, &domain) ||
      !optional_utf8_arg(args[1], "bind_textdomain_codeset()", 2, &codeset, &has_codeset))
    return Value();
  errno = 0;
  const char* result = bind_textdomain_codeset(domain.c_str(), has_codeset ? codeset.c_str() : nullptr);
  if (!result) {
    if (errno) return raise_os_error(errno);
    return None();
  }
  return decode_locale(result);
}

const MethodDef locale_functions[] = {
    {"setlocale", f_setlocale, kMethodStatic, "Activates/queries locale processing."},
    {"localeconv", f_localeconv, kMethodStatic, "Returns numeric and monetary locale-specific parameters."},
    {"strcoll", f_strcoll, kMethodStatic, "Compares two strings according to the locale."},
    {"strxfrm", f_strxfrm, kMethodStatic, "Return a string that can be used as a key for locale-aware comparisons."},
    {"nl_langinfo", f_nl_langinfo, kMethodStatic, "Return the value for the locale information associated with key."},
    {"gettext", f_gettext, kMethodStatic, "gettext(msg) -> string\n\nReturn translation of msg."},
    {"dgettext", f_dgettext, kMethodStatic, "dgettext(domain, msg) -> string\n\nReturn translation of msg in domain."},
    {"dcgettext", f_dcgettext, kMethodStatic, "Return translation of msg in domain and category."},
    {"textdomain", f_textdomain, kMethodStatic, "Set the C library's textdmain to domain, returning the new domain."},
    {"bindtextdomain", f_bindtextdomain, kMethodStatic, "Bind the C library's domain to dir."},
    {"bind_textdomain_codeset", f_bind_textdomain_codeset, kMethodStatic, "Bind the C library's domain to codeset."},
    {"getencoding", f_getencoding, kMethodStatic, "Get the current locale encoding."},
    {nullptr}};

bool locale_module_init(Module* m) {
  // CPython sets LC_CTYPE from the environment at startup, coercing the
  // legacy C locale to C.UTF-8; the LC_CTYPE that Python code sees must match.
  static bool ctype_set = [] {
    const char* ctype = setlocale(LC_CTYPE, "");
    if (!ctype || !std::strcmp(ctype, "C") || !std::strcmp(ctype, "POSIX")) {
      if (!setlocale(LC_CTYPE, "C.UTF-8")) setlocale(LC_CTYPE, "C.utf8");
    }
    return true;
  }();
  (void)ctype_set;
  Dict* ns = dict_new();
  dict_set_str(ns, intern_cstr("__module__"), Value(intern_cstr("locale")));
  Value cls = type_new_impl(&type_type, intern_cstr("Error"), tuple_pack({Value(&exc::Exception)}), ns, nullptr);
  if (!cls) return false;
  locale_error = cls.as<Type>();
  struct Constant {
    const char* name;
    int64_t value;
  };
  const Constant constants[] = {{"LC_CTYPE", LC_CTYPE},       {"LC_TIME", LC_TIME},   {"LC_COLLATE", LC_COLLATE},
                                {"LC_MONETARY", LC_MONETARY}, {"LC_NUMERIC", LC_NUMERIC}, {"LC_ALL", LC_ALL},
                                {"LC_MESSAGES", LC_MESSAGES}, {"CHAR_MAX", CHAR_MAX}};
  for (const Constant& c : constants)
    if (module_add(m, c.name, Value::from_small_int(c.value)) < 0) return false;
  for (const LangInfo& info : kLangInfo)
    if (module_add(m, info.name, Value::from_small_int(info.item)) < 0) return false;
  return module_add(m, "Error", cls) >= 0;
}

}  // namespace

extern const ModuleDef locale_module;
const ModuleDef locale_module = {"_locale", "Support for POSIX locales.", locale_functions, locale_module_init};

}  // namespace spindle
