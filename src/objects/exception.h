// BaseException and the built-in exception hierarchy; raising and inspecting
// the pending exception of the current thread.
#pragma once
#include <cstdarg>

#include "objects/object.h"
#include "vm/thread_state.h"

namespace spindle {

struct ExceptionObject : Object {
  Dict* dict;              // __dict__ (notes, user attributes)
  Tuple* args;
  Value traceback;         // null or a traceback object
  Value cause;             // __cause__ (null: None)
  Value context;           // __context__ (null: None)
  bool suppress_context;
  // Family-specific attributes (StopIteration.value, OSError.errno, ...) are
  // stored after this header in the extended layouts of exception.cpp.
};

// The built-in exception types (hierarchy as in CPython 3.11).
#define SPINDLE_EXCEPTIONS(X)                                   \
  X(BaseException) X(BaseExceptionGroup) X(ExceptionGroup) X(Exception) X(GeneratorExit) \
  X(KeyboardInterrupt) X(SystemExit) X(ArithmeticError) X(AssertionError)             \
  X(AttributeError) X(BufferError) X(EOFError) X(ImportError) X(LookupError)           \
  X(MemoryError) X(NameError) X(OSError) X(ReferenceError) X(RuntimeError)            \
  X(StopAsyncIteration) X(StopIteration) X(SyntaxError) X(SystemError) X(TypeError)   \
  X(ValueError) X(Warning) X(FloatingPointError) X(OverflowError) X(ZeroDivisionError) \
  X(ModuleNotFoundError) X(IndexError) X(KeyError) X(UnboundLocalError)                \
  X(BlockingIOError) X(ChildProcessError) X(ConnectionError) X(BrokenPipeError)        \
  X(ConnectionAbortedError) X(ConnectionRefusedError) X(ConnectionResetError)          \
  X(FileExistsError) X(FileNotFoundError) X(InterruptedError) X(IsADirectoryError)     \
  X(NotADirectoryError) X(PermissionError) X(ProcessLookupError) X(TimeoutError)       \
  X(NotImplementedError) X(RecursionError) X(IndentationError) X(TabError)             \
  X(UnicodeError) X(UnicodeDecodeError) X(UnicodeEncodeError) X(UnicodeTranslateError) \
  X(BytesWarning) X(DeprecationWarning) X(EncodingWarning) X(FutureWarning)            \
  X(ImportWarning) X(PendingDeprecationWarning) X(ResourceWarning) X(RuntimeWarning)   \
  X(SyntaxWarning) X(UnicodeWarning) X(UserWarning)

namespace exc {
#define SPINDLE_DECLARE_EXC(name) extern Type name;
SPINDLE_EXCEPTIONS(SPINDLE_DECLARE_EXC)
#undef SPINDLE_DECLARE_EXC
}  // namespace exc

inline bool is_exception_instance(Value v) { return v.is_object() && (v.as_object()->type->flags & kTypeIsException); }
inline bool is_exception_type(Value v) { return is_type_object(v) && (v.as<Type>()->flags & kTypeIsException); }

// ---- raising: all return the null Value so callers can `return raise(...)` ----
// Message formats are printf-like with extra conversions for Values:
//   %S str(v), %R repr(v), %T type name of v, %U an Str*; and %s %d %ld %lld %zd %c %%.
Value raise(Type* type, const char* fmt, ...);
Value raise_va(Type* type, const char* fmt, va_list ap);
Value raise_value(Value exc);  // an exception instance or class
Value raise_no_memory();
// warnings.warn(message, category, stacklevel) with a formatted message; false
// with an error pending when it raised (the filters may turn it into an error).
bool warn_format(Type* category, int stacklevel, const char* fmt, ...);
// Raises a new exception whose __cause__ (and __context__) is the pending one.
Value raise_with_cause(Type* type, const char* fmt, ...);
// OSError subclass from errno (FileNotFoundError for ENOENT, ...); filename may be null.
Value raise_os_error(int err, Value filename = Value(), Value filename2 = Value());
// NameError "name 'x' is not defined", with its name attribute set.
Value raise_name_error(Str* name);
// The sub-exceptions of a BaseExceptionGroup instance.
Tuple* exception_group_exceptions(Value group);
Value raise_syntax_error(Type* type, const char* msg, Value filename, int lineno, int offset,
                         Value text, int end_lineno, int end_offset);
// StopIteration carrying `value`.
Value raise_stop_iteration(Value value);

inline bool error_occurred() { return !ts()->exception.is_null(); }
// Takes the pending exception (null if none), clearing it.
Value fetch_error();
void restore_error(Value exc);
void clear_error();
// The pending exception is an instance of `type` (or of a subclass).
bool error_matches(Type* type);
// Formats a message the same way raise() does.
Str* format_message(const char* fmt, ...);
Str* format_message_va(const char* fmt, va_list ap);

// The traceback of an exception (null if none).
Value exception_traceback(Value exc);
// StopIteration.value of a StopIteration instance (None if it has none).
Value stop_iteration_value(Value exc);
// except*: splits an exception group by `type` (a class or tuple): returns the
// matching part (null if none) and sets *rest to the rest (null if none).
Value exception_group_split(Value eg, Value type, Value* rest);
// except*: combines what the handlers raised with what they did not handle.
Value exception_group_combine(Value orig, Value raised_list);
// Sets ImportError.name / .path on the pending ImportError.
void import_error_set_name(Str* name, Value path);

// Creates an exception instance: type(*args).
Value exception_new(Type* type, Tuple* args);
Value exception_args(Value exc);
// AttributeError.name / .obj (used for 'Did you mean' suggestions); an
// exception that has either already is left as it is.
void exception_set_attribute_error_context(Value exc, Value obj, Str* name);
// Attaches a traceback entry for a frame being unwound.
void exception_add_traceback(Value exc, Value frame_object, int lasti, int lineno);

// Prints the exception with its chain and traceback to sys.stderr, as CPython's
// default excepthook does.
void print_exception(Value exc);
// Reports an exception that cannot propagate (in __del__, a callback, ...)
// to sys.unraisablehook, like PyErr_WriteUnraisable; its default prints
// "Exception ignored in: <obj>" and the traceback.
void write_unraisable(Value exc, Value obj);
// The same with another message ("Exception ignored in atexit callback"),
// as _PyErr_WriteUnraisableMsg.
void write_unraisable_message(Value exc, const char* err_msg, Value obj);
// sys.unraisablehook's default output: "err_msg: repr(obj)" (or "Exception
// ignored in: repr(obj)" without a message) and the traceback.
void print_unraisable(Value exc, Value err_msg, Value obj);
// A sys.UnraisableHookArgs for the hook (sys.cpp).
Value unraisable_hook_args(Value exc, Value err_msg, Value obj);

}  // namespace spindle
