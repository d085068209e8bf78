# The module's surface: attributes, the UCD type, defaults, and the errors
# (types and messages) for bad arguments.
import unicodedata

OLD = unicodedata.ucd_3_2_0
print(unicodedata.unidata_version, OLD.unidata_version, type(OLD).__name__, type(OLD).__module__,
      type(OLD) is unicodedata.UCD)
print([n for n in dir(OLD) if not n.startswith("_")])
print(unicodedata.__doc__.splitlines()[0])
print(unicodedata.name.__doc__ == OLD.name.__doc__, unicodedata.normalize.__doc__.splitlines()[0])


def attempt(f, *args, **kwargs):
    try:
        print(ascii(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


for db in (unicodedata, OLD):
    for name in ("category", "bidirectional", "combining", "east_asian_width", "mirrored", "decomposition",
                 "name", "decimal", "digit", "numeric", "lookup"):
        f = getattr(db, name)
        for args in [(), ("a", "b", "c"), (1,), ("",), ("ab",), (b"a",)]:
            attempt(f, *args)
        attempt(f, chr=1)
    for name in ("normalize", "is_normalized"):
        f = getattr(db, name)
        for args in [(), ("NFC",), ("NFC", "a", "b"), (1, "a"), ("NFC", 1), ("nfc", "a"), ("NFX", "a"),
                     ("NFC", ""), ("NFKD", b"a")]:
            attempt(f, *args)
        attempt(f, form="NFC", unistr="a")

# Defaults and missing values.
for db in (unicodedata, OLD):
    for f in (db.name, db.decimal, db.digit, db.numeric):
        attempt(f, "\u0378")
        attempt(f, "\u0378", "default")
        attempt(f, "\u0378", None)
    print(db.decimal("9"), db.digit("\u00b2", -1), db.decimal("\u00b2", -1), db.numeric("\u00bd"),
          db.numeric("\u5146", None), db.numeric("\U0001ec71", None), db.numeric("\u2187", None),
          db.numeric("\u0f33", None), db.numeric("\U00012432", None), db.numeric("\u07c0", None),
          db.decimal("\u07c0", None), db.digit("\u07c0", None))

try:
    unicodedata.UCD()
except TypeError as e:
    print(type(e).__name__, e)
try:
    OLD.unidata_version = "x"
except AttributeError as e:
    print(type(e).__name__, e)
