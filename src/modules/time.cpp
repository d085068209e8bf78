// The time module: clocks, sleeping, and conversions between timestamps,
// struct_time and text (strptime is delegated to the stdlib's _strptime).
#include <pthread.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>
#include <string>

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/namespace.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "threads/mutex.h"
#include "vm/interp.h"
#include "vm/thread_state.h"
#include "vm/world.h"

namespace spindle {

namespace {

Type* struct_time_type;
// localtime/mktime/tzset read and change the C library's time zone state.
Mutex tz_lock;

const StructSeqField struct_time_fields[] = {
    {"tm_year", "year, for example, 1993"},
    {"tm_mon", "month of year, range [1, 12]"},
    {"tm_mday", "day of month, range [1, 31]"},
    {"tm_hour", "hours, range [0, 23]"},
    {"tm_min", "minutes, range [0, 59]"},
    {"tm_sec", "seconds, range [0, 61])"},
    {"tm_wday", "day of week, range [0, 6], Monday is 0"},
    {"tm_yday", "day of year, range [1, 366]"},
    {"tm_isdst", "1 if summer time is in effect, 0 if not, and -1 if unknown"},
    {"tm_zone", "abbreviation of timezone name"},
    {"tm_gmtoff", "offset from UTC in seconds"},
    {nullptr, nullptr}};

// ------------------------------------------------------------------ clocks

int64_t clock_ns(clockid_t clk) {
  timespec t;
  clock_gettime(clk, &t);
  return int64_t(t.tv_sec) * 1000000000 + t.tv_nsec;
}

Value seconds_of(clockid_t clk) {
  timespec t;
  clock_gettime(clk, &t);
  return Value::from_double(double(t.tv_sec) + double(t.tv_nsec) * 1e-9);
}

template <clockid_t C, const char* Name>
Value clock_seconds_fn(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs(Name, kw) || !check_nargs(Name, nargs, 0, 0)) return Value();
  return seconds_of(C);
}

template <clockid_t C, const char* Name>
Value clock_ns_fn(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs(Name, kw) || !check_nargs(Name, nargs, 0, 0)) return Value();
  return int_from_i64(clock_ns(C));
}

constexpr char kTime[] = "time.time", kTimeNs[] = "time.time_ns", kMonotonic[] = "time.monotonic",
               kMonotonicNs[] = "time.monotonic_ns", kPerfCounter[] = "time.perf_counter",
               kPerfCounterNs[] = "time.perf_counter_ns", kProcessTime[] = "time.process_time",
               kProcessTimeNs[] = "time.process_time_ns", kThreadTime[] = "time.thread_time",
               kThreadTimeNs[] = "time.thread_time_ns";

bool parse_clock_id(const char* fname, const Value* args, size_t nargs, Tuple* kw, clockid_t* out) {
  if (!check_no_kwargs(fname, kw) || !check_tuple_nargs(fname, nargs, 1, 1)) return false;
  int64_t id;
  if (!is_int(args[0])) {
    raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
    return false;
  }
  if (!int_to_i64(args[0], &id)) return false;
  *out = clockid_t(id);
  return true;
}

Value time_clock_gettime(Value, const Value* args, size_t nargs, Tuple* kw) {
  clockid_t clk;
  if (!parse_clock_id("clock_gettime", args, nargs, kw, &clk)) return Value();
  timespec t;
  if (clock_gettime(clk, &t) != 0) return raise_os_error(errno);
  return Value::from_double(double(t.tv_sec) + double(t.tv_nsec) * 1e-9);
}

Value time_clock_gettime_ns(Value, const Value* args, size_t nargs, Tuple* kw) {
  clockid_t clk;
  if (!parse_clock_id("clock_gettime_ns", args, nargs, kw, &clk)) return Value();
  timespec t;
  if (clock_gettime(clk, &t) != 0) return raise_os_error(errno);
  return int_from_i64(int64_t(t.tv_sec) * 1000000000 + t.tv_nsec);
}

Value time_clock_getres(Value, const Value* args, size_t nargs, Tuple* kw) {
  clockid_t clk;
  if (!parse_clock_id("clock_getres", args, nargs, kw, &clk)) return Value();
  timespec t;
  if (clock_getres(clk, &t) != 0) return raise_os_error(errno);
  return Value::from_double(double(t.tv_sec) + double(t.tv_nsec) * 1e-9);
}

// Converts a seconds value (int or float) to a timespec, as clock_settime/sleep need.
bool object_to_timespec(Value v, timespec* out, bool allow_negative) {
  if (is_float(v)) {
    double d = float_value(v);
    if (std::isnan(d)) {
      raise(&exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    if (!allow_negative && d < 0) {
      raise(&exc::ValueError, "sleep length must be non-negative");
      return false;
    }
    double whole = std::floor(d);
    if (whole >= 9.2e18 || whole < -9.2e18) {
      raise(&exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
      return false;
    }
    out->tv_sec = time_t(whole);
    out->tv_nsec = long(std::llround((d - whole) * 1e9));
    if (out->tv_nsec >= 1000000000) {
      out->tv_sec++;
      out->tv_nsec -= 1000000000;
    }
    return true;
  }
  Value i = number_index(v);
  if (!i) return false;
  int64_t s;
  if (!int_to_i64(i, &s) || s > 9223372036 || s < -9223372036) {
    clear_error();
    raise(&exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
    return false;
  }
  if (!allow_negative && s < 0) {
    raise(&exc::ValueError, "sleep length must be non-negative");
    return false;
  }
  out->tv_sec = time_t(s);
  out->tv_nsec = 0;
  return true;
}

Value time_clock_settime(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("clock_settime", kw) || !check_tuple_nargs("clock_settime", nargs, 2, 2)) return Value();
  clockid_t clk;
  if (!parse_clock_id("clock_settime", args, 1, nullptr, &clk)) return Value();
  timespec t;
  if (!object_to_timespec(args[1], &t, true)) return Value();
  if (clock_settime(clk, &t) != 0) return raise_os_error(errno);
  return None();
}

Value time_clock_settime_ns(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("clock_settime_ns", kw) || !check_tuple_nargs("clock_settime_ns", nargs, 2, 2)) return Value();
  clockid_t clk;
  if (!parse_clock_id("clock_settime_ns", args, 1, nullptr, &clk)) return Value();
  int64_t ns;
  if (!is_int(args[1])) return raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[1]));
  if (!int_to_i64(args[1], &ns)) return Value();
  timespec t;
  t.tv_sec = time_t(ns / 1000000000);
  t.tv_nsec = long(ns % 1000000000);
  if (t.tv_nsec < 0) {
    t.tv_nsec += 1000000000;
    t.tv_sec--;
  }
  if (clock_settime(clk, &t) != 0) return raise_os_error(errno);
  return None();
}

Value time_pthread_getcpuclockid(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("pthread_getcpuclockid", kw) || !check_tuple_nargs("pthread_getcpuclockid", nargs, 1, 1))
    return Value();
  uint64_t ident;
  if (!int_to_u64(args[0], &ident)) return Value();
  pthread_t thread;
  if (!find_os_thread(ident, &thread)) return raise_os_error(ESRCH);
  clockid_t clk;
  int err = pthread_getcpuclockid(thread, &clk);
  if (err) return raise_os_error(err);
  return int_from_i64(int64_t(clk));
}

// sleep: waits on the monotonic clock until the deadline; a signal interrupts
// the wait to run its handler (KeyboardInterrupt on Ctrl-C) and resumes.
Value time_sleep(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("time.sleep", kw) || !check_nargs("time.sleep", nargs, 1, 1)) return Value();
  timespec length;
  if (!object_to_timespec(args[0], &length, false)) return Value();
  timespec deadline;
  clock_gettime(CLOCK_MONOTONIC, &deadline);
  deadline.tv_sec += length.tv_sec;
  deadline.tv_nsec += length.tv_nsec;
  if (deadline.tv_nsec >= 1000000000) {
    deadline.tv_sec++;
    deadline.tv_nsec -= 1000000000;
  }
  for (;;) {
    int err;
    {
      BlockingRegion region;
      err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nullptr);
    }
    if (err == 0) break;
    if (err != EINTR) return raise_os_error(err);
    if (ts()->pending.load(std::memory_order_acquire) && !handle_pending()) return Value();
  }
  return None();
}

// ------------------------------------------------------------------ struct_time

Value make_struct_time(const tm& t, long gmtoff, const char* zone) {
  Value v[11] = {int_from_i64(t.tm_year + 1900LL),
                 Value::from_small_int(t.tm_mon + 1),
                 Value::from_small_int(t.tm_mday),
                 Value::from_small_int(t.tm_hour),
                 Value::from_small_int(t.tm_min),
                 Value::from_small_int(t.tm_sec),
                 Value::from_small_int((t.tm_wday + 6) % 7),
                 Value::from_small_int(t.tm_yday + 1),
                 Value::from_small_int(t.tm_isdst),
                 zone ? Value(str_from_utf8_surrogateescape(zone, std::strlen(zone))) : None(),
                 int_from_i64(gmtoff)};
  return structseq_make(struct_time_type, v, 11, 9);
}

// A timestamp argument (None: now) as time_t, rounding floats toward -inf.
bool timestamp_arg(Value v, time_t* out) {
  if (!v || is_none(v)) {
    *out = time(nullptr);
    return true;
  }
  if (is_float(v)) {
    double d = float_value(v);
    if (std::isnan(d)) {
      raise(&exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    d = std::floor(d);
    if (!(d >= -9.2e18 && d <= 9.2e18)) {
      raise(&exc::OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    *out = time_t(d);
    return true;
  }
  Value i = number_index(v);
  if (!i) return false;
  int64_t s;
  if (!int_to_i64(i, &s)) {
    clear_error();
    raise(&exc::OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  *out = time_t(s);
  return true;
}

Value time_gmtime(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("gmtime", kw) || !check_tuple_nargs("gmtime", nargs, 0, 1)) return Value();
  time_t when;
  if (!timestamp_arg(nargs ? args[0] : Value(), &when)) return Value();
  tm t;
  errno = 0;
  if (!gmtime_r(&when, &t)) return raise_os_error(errno ? errno : EOVERFLOW);
  return make_struct_time(t, t.tm_gmtoff, t.tm_zone);
}

bool local_tm(time_t when, tm* out) {
  LockGuard guard(tz_lock);
  errno = 0;
  if (localtime_r(&when, out)) return true;
  if (errno == 0) errno = EINVAL;
  raise_os_error(errno);
  return false;
}

Value time_localtime(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("localtime", kw) || !check_tuple_nargs("localtime", nargs, 0, 1)) return Value();
  time_t when;
  if (!timestamp_arg(nargs ? args[0] : Value(), &when)) return Value();
  tm t;
  if (!local_tm(when, &t)) return Value();
  return make_struct_time(t, t.tm_gmtoff, t.tm_zone);
}

// A 9-item tuple or struct_time as a C tm (fields as given, not yet checked).
// The zone name, when the argument carries one, is kept alive in *zone.
bool tm_from_tuple(const char* fname, Value v, tm* out, std::string* zone) {
  if (!is_tuple(v)) {
    raise(&exc::TypeError, "Tuple or struct_time argument required");
    return false;
  }
  Tuple* t = v.as<Tuple>();
  if (t->size != 9) {
    raise(&exc::TypeError, "%s(): illegal time tuple argument", fname);
    return false;
  }
  int f[9];
  for (int i = 0; i < 9; i++) {
    Value item = t->items[i];
    if (is_float(item)) {
      raise(&exc::TypeError, "'float' object cannot be interpreted as an integer");
      return false;
    }
    Value iv = number_index(item);
    if (!iv) return false;
    int sign = int_sign(iv);
    int64_t x;
    if (!int_to_i64(iv, &x) || x > INT32_MAX || x < INT32_MIN) {
      clear_error();
      raise(&exc::OverflowError, sign > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum");
      return false;
    }
    f[i] = int(x);
  }
  std::memset(out, 0, sizeof *out);
  out->tm_year = f[0] - 1900;
  out->tm_mon = f[1] - 1;
  out->tm_mday = f[2];
  out->tm_hour = f[3];
  out->tm_min = f[4];
  out->tm_sec = f[5];
  out->tm_wday = (f[6] + 1) % 7;  // C's remainder: -8 stays out of range
  out->tm_yday = f[7] - 1;
  out->tm_isdst = f[8];
  if (is_type(v, struct_time_type)) {
    // The hidden fields follow the nine visible ones.
    Value z = t->items[9], off = t->items[10];
    if (is_str(z)) {
      *zone = str_to_utf8(z.as<Str>());
      out->tm_zone = zone->c_str();
    }
    int64_t gmtoff;
    if (is_int(off) && int_to_i64(off, &gmtoff)) out->tm_gmtoff = long(gmtoff);
    clear_error();
  }
  return true;
}

// The struct_time argument of asctime/strftime (default: local time now), checked as CPython's checktm does.
bool checked_tm_arg(const char* fname, Value v, tm* out, std::string* zone) {
  if (!v) {
    time_t now = time(nullptr);
    return local_tm(now, out);
  }
  if (!tm_from_tuple(fname, v, out, zone)) return false;
  // Zeros are accepted for the 1-based fields.
  if (out->tm_mon == -1) out->tm_mon = 0;
  if (out->tm_mday == 0) out->tm_mday = 1;
  if (out->tm_yday == -1) out->tm_yday = 0;
  const char* error = nullptr;
  if (out->tm_mon < 0 || out->tm_mon > 11) error = "month out of range";
  else if (out->tm_mday < 1 || out->tm_mday > 31) error = "day of month out of range";
  else if (out->tm_hour < 0 || out->tm_hour > 23) error = "hour out of range";
  else if (out->tm_min < 0 || out->tm_min > 59) error = "minute out of range";
  else if (out->tm_sec < 0 || out->tm_sec > 61) error = "seconds out of range";
  else if (out->tm_wday < 0) error = "day of week out of range";
  else if (out->tm_yday < 0 || out->tm_yday > 365) error = "day of year out of range";
  if (error) {
    raise(&exc::ValueError, error);
    return false;
  }
  return true;
}

Value format_asctime(const tm& t) {
  static const char wday_name[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char mon_name[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return Value(format_message("%s %s%3d %.2d:%.2d:%.2d %d", wday_name[t.tm_wday], mon_name[t.tm_mon], t.tm_mday,
                              t.tm_hour, t.tm_min, t.tm_sec, 1900 + t.tm_year));
}

Value time_asctime(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("asctime", kw) || !check_positional("asctime", nargs, 0, 1)) return Value();
  tm t;
  std::string zone;
  if (!checked_tm_arg("asctime", nargs ? args[0] : Value(), &t, &zone)) return Value();
  return format_asctime(t);
}

Value time_ctime(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("ctime", kw) || !check_tuple_nargs("ctime", nargs, 0, 1)) return Value();
  time_t when;
  if (!timestamp_arg(nargs ? args[0] : Value(), &when)) return Value();
  tm t;
  if (!local_tm(when, &t)) return Value();
  return format_asctime(t);
}

Value time_mktime(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("time.mktime", kw) || !check_nargs("time.mktime", nargs, 1, 1)) return Value();
  tm t;
  std::string zone;
  if (!tm_from_tuple("mktime", args[0], &t, &zone)) return Value();
  t.tm_wday = -1;  // sentinel: mktime() sets it on success
  time_t r;
  {
    LockGuard guard(tz_lock);
    r = mktime(&t);
  }
  if (r == time_t(-1) && t.tm_wday == -1) return raise(&exc::OverflowError, "mktime argument out of range");
  return Value::from_double(double(r));
}

Value time_strftime(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("strftime", kw) || !check_tuple_nargs("strftime", nargs, 1, 2)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "strftime() argument 1 must be str, not %s", type_name(args[0]));
  tm t;
  std::string zone;
  if (!checked_tm_arg("strftime", nargs == 2 ? args[1] : Value(), &t, &zone)) return Value();
  if (t.tm_isdst < -1) t.tm_isdst = -1;
  else if (t.tm_isdst > 1) t.tm_isdst = 1;
  std::string fmt = str_to_utf8_surrogateescape(args[0].as<Str>());
  if (fmt.find('\0') != std::string::npos) return raise(&exc::ValueError, "embedded null character");
  if (fmt.empty()) return Value(str_empty());
  // strftime cannot tell "empty result" from "buffer too small": grow until
  // the result fits or the buffer is far larger than the format could need.
  for (size_t size = 1024;; size *= 2) {
    std::string buf(size, '\0');
    size_t n;
    {
      LockGuard guard(tz_lock);
      n = strftime(buf.data(), size, fmt.c_str(), &t);
    }
    if (n > 0 || size >= 256 * fmt.size()) return Value(str_from_utf8_surrogateescape(buf.data(), n));
  }
}

Value time_strptime(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value strptime_module = import_module_cstr("_strptime");
  if (!strptime_module) return Value();
  Value fn = get_attr_cstr(strptime_module, "_strptime_time");
  if (!fn) return Value();
  return call(fn, args, nargs, kw);
}

// ------------------------------------------------------------------ time zone

// timezone/altzone/daylight/tzname from the offsets in January and July of
// this year (as CPython computes them on glibc).
bool init_timezone(Module* m) {
  constexpr time_t kYear = (365 * 24 + 6) * 3600;
  tm jan, jul;
  {
    LockGuard guard(tz_lock);
    tzset();
    time_t t = (time(nullptr) / kYear) * kYear;
    localtime_r(&t, &jan);
    t += kYear / 2;
    localtime_r(&t, &jul);
  }
  long janzone = -jan.tm_gmtoff, julzone = -jul.tm_gmtoff;
  std::string janname = jan.tm_zone ? jan.tm_zone : "", julname = jul.tm_zone ? jul.tm_zone : "";
  auto name = [](const std::string& s) { return Value(str_from_utf8_surrogateescape(s.data(), std::min<size_t>(s.size(), 9))); };
  bool southern = janzone < julzone;  // DST is reversed in the southern hemisphere
  long tz = southern ? julzone : janzone, alt = southern ? janzone : julzone;
  Value names_tuple(southern ? tuple_pack({name(julname), name(janname)}) : tuple_pack({name(janname), name(julname)}));
  return module_add(m, "timezone", int_from_i64(tz)) >= 0 && module_add(m, "altzone", int_from_i64(alt)) >= 0 &&
         module_add(m, "daylight", Value::from_small_int(janzone != julzone)) >= 0 &&
         module_add(m, "tzname", names_tuple) >= 0;
}

Module* time_module_object;

Value time_tzset(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("time.tzset", kw) || !check_nargs("time.tzset", nargs, 0, 0)) return Value();
  if (!init_timezone(time_module_object)) return Value();
  return None();
}

// ------------------------------------------------------------------ get_clock_info

Value time_get_clock_info(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("get_clock_info", kw) || !check_tuple_nargs("get_clock_info", nargs, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise(&exc::TypeError, "get_clock_info() argument 1 must be str, not %s", type_name(args[0]));
  std::string name = str_to_utf8(args[0].as<Str>());
  const char* impl;
  clockid_t clk;
  bool monotonic = true, adjustable = false;
  if (name == "time") {
    impl = "clock_gettime(CLOCK_REALTIME)";
    clk = CLOCK_REALTIME;
    monotonic = false;
    adjustable = true;
  } else if (name == "monotonic" || name == "perf_counter") {
    impl = "clock_gettime(CLOCK_MONOTONIC)";
    clk = CLOCK_MONOTONIC;
  } else if (name == "process_time") {
    impl = "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)";
    clk = CLOCK_PROCESS_CPUTIME_ID;
  } else if (name == "thread_time") {
    impl = "clock_gettime(CLOCK_THREAD_CPUTIME_ID)";
    clk = CLOCK_THREAD_CPUTIME_ID;
  } else {
    return raise(&exc::ValueError, "unknown clock");
  }
  timespec res;
  clock_getres(clk, &res);
  Dict* d = dict_new();
  dict_set_str(d, intern_cstr("implementation"), Value(intern_cstr(impl)));
  dict_set_str(d, intern_cstr("monotonic"), Bool(monotonic));
  dict_set_str(d, intern_cstr("adjustable"), Bool(adjustable));
  dict_set_str(d, intern_cstr("resolution"), Value::from_double(double(res.tv_sec) + double(res.tv_nsec) * 1e-9));
  return namespace_new(d);
}

// ------------------------------------------------------------------ module

const MethodDef time_functions[] = {
    {"time", clock_seconds_fn<CLOCK_REALTIME, kTime>, kMethodStatic, "Return the current time in seconds since the Epoch."},
    {"time_ns", clock_ns_fn<CLOCK_REALTIME, kTimeNs>, kMethodStatic, "Return the current time in nanoseconds since the Epoch."},
    {"monotonic", clock_seconds_fn<CLOCK_MONOTONIC, kMonotonic>, kMethodStatic, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", clock_ns_fn<CLOCK_MONOTONIC, kMonotonicNs>, kMethodStatic, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", clock_seconds_fn<CLOCK_MONOTONIC, kPerfCounter>, kMethodStatic, "Performance counter for benchmarking."},
    {"perf_counter_ns", clock_ns_fn<CLOCK_MONOTONIC, kPerfCounterNs>, kMethodStatic, "Performance counter for benchmarking as nanoseconds."},
    {"process_time", clock_seconds_fn<CLOCK_PROCESS_CPUTIME_ID, kProcessTime>, kMethodStatic,
     "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", clock_ns_fn<CLOCK_PROCESS_CPUTIME_ID, kProcessTimeNs>, kMethodStatic, "Process time for profiling as nanoseconds."},
    {"thread_time", clock_seconds_fn<CLOCK_THREAD_CPUTIME_ID, kThreadTime>, kMethodStatic,
     "Thread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", clock_ns_fn<CLOCK_THREAD_CPUTIME_ID, kThreadTimeNs>, kMethodStatic, "Thread time for profiling as nanoseconds."},
    {"sleep", time_sleep, kMethodStatic, "sleep(seconds)\n\nDelay execution for a given number of seconds."},
    {"gmtime", time_gmtime, kMethodStatic, "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", time_localtime, kMethodStatic, "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime", time_mktime, kMethodStatic, "Convert a time tuple in local time to seconds since the Epoch."},
    {"asctime", time_asctime, kMethodStatic, "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", time_ctime, kMethodStatic, "Convert a time in seconds since the Epoch to a string in local time."},
    {"strftime", time_strftime, kMethodStatic, "Convert a time tuple to a string according to a format specification."},
    {"strptime", time_strptime, kMethodStatic, "Parse a string to a time tuple according to a format specification."},
    {"tzset", time_tzset, kMethodStatic, "Initialize, or reinitialize, the local timezone to the value of TZ."},
    {"get_clock_info", time_get_clock_info, kMethodStatic, "Get information of the specified clock."},
    {"clock_gettime", time_clock_gettime, kMethodStatic, "Return the time of the specified clock clk_id."},
    {"clock_gettime_ns", time_clock_gettime_ns, kMethodStatic, "Return the time of the specified clock clk_id as nanoseconds."},
    {"clock_getres", time_clock_getres, kMethodStatic, "Return the resolution (precision) of the specified clock clk_id."},
    {"clock_settime", time_clock_settime, kMethodStatic, "Set the time of the specified clock clk_id."},
    {"clock_settime_ns", time_clock_settime_ns, kMethodStatic, "Set the time of the specified clock clk_id with nanoseconds."},
    {"pthread_getcpuclockid", time_pthread_getcpuclockid, kMethodStatic,
     "Return the clk_id of a thread's CPU time clock."},
    {nullptr}};

bool time_init(Module* m) {
  time_module_object = m;
  if (!struct_time_type) {
    struct_time_type = structseq_new_type(
        {"time.struct_time",
         "The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by asctime(), mktime() "
         "and strftime().  May be considered as a\n sequence of 9 integers.",
         struct_time_fields, 9});
  }
  struct Constant {
    const char* name;
    int64_t value;
  };
  const Constant constants[] = {{"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
                                {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
                                {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
                                {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
                                {"CLOCK_REALTIME", CLOCK_REALTIME},
                                {"CLOCK_TAI", CLOCK_TAI},
                                {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
                                {"_STRUCT_TM_ITEMS", 11}};
  for (const Constant& c : constants)
    if (module_add(m, c.name, int_from_i64(c.value)) < 0) return false;
  if (module_add(m, "struct_time", Value(struct_time_type)) < 0) return false;
  return init_timezone(m);
}

}  // namespace

extern const ModuleDef time_module;
const ModuleDef time_module = {"time", "This module provides various functions to manipulate time values.",
                               time_functions, time_init};

}  // namespace spindle
