# A small enum implementation exercising metaclasses, __prepare__, descriptors, __iter__ on classes
class EnumDict(dict):
    def __init__(self):
        super().__init__()
        self.members = []
    def __setitem__(self, key, value):
        if key[:1] != "_" and not callable(value):
            self.members.append(key)
        super().__setitem__(key, value)

class EnumMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return EnumDict()
    def __new__(mcls, name, bases, ns, **kw):
        members = ns.members
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls._members = {}
        for m in members:
            value = ns[m]
            inst = object.__new__(cls)
            inst.name = m
            inst.value = value
            type.__setattr__(cls, m, inst)
            cls._members[m] = inst
        return cls
    def __iter__(cls):
        return iter(cls._members.values())
    def __len__(cls):
        return len(cls._members)
    def __getitem__(cls, name):
        return cls._members[name]
    def __contains__(cls, item):
        return isinstance(item, cls) and item.name in cls._members
    def __call__(cls, value):
        for m in cls._members.values():
            if m.value == value:
                return m
        raise ValueError(f"{value!r} is not a valid {cls.__name__}")
    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_members", {}):
            raise AttributeError("cannot reassign member " + repr(name))
        super().__setattr__(name, value)

class Enum(metaclass=EnumMeta):
    def __repr__(self):
        return f"<{type(self).__name__}.{self.name}: {self.value!r}>"
    def __str__(self):
        return f"{type(self).__name__}.{self.name}"
    def __hash__(self):
        return hash(self.name)
    def __reduce__(self):
        return (type(self), (self.value,))

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    def describe(self):
        return self.name.lower() if hasattr(str, "lower") else self.name

print(list(Color), len(Color), Color["GREEN"], Color(3), repr(Color.RED), str(Color.BLUE))
print(Color.RED in Color, 1 in Color, Color.RED is Color(1), isinstance(Color.RED, Color), type(Color.RED).__name__)
try:
    Color(9)
except ValueError as e:
    print(e)
try:
    Color.RED = 5
except AttributeError as e:
    print(e)
Color.extra = "ok"
print(Color.extra, {Color.RED: "r"}[Color.RED], sorted(c.value for c in Color))

# ORM-like field descriptors with __set_name__ and __init_subclass__ registry
class Field:
    def __init__(self, kind, default=None):
        self.kind, self.default = kind, default
    def __set_name__(self, owner, name):
        self.name = name
        owner._fields = getattr(owner, "_fields", ()) + (name,)
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, self.default)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name}: expected {self.kind.__name__}, got {type(value).__name__}")
        obj.__dict__[self.name] = value

class Model:
    registry = {}
    def __init_subclass__(cls, table=None, **kw):
        super().__init_subclass__(**kw)
        cls._fields = tuple(n for c in reversed(cls.__mro__) for n in c.__dict__.get("_fields", ()) if True)
        Model.registry[table or cls.__name__] = cls
    def __init__(self, **kw):
        for k, v in kw.items():
            if k not in self._fields:
                raise TypeError(f"unknown field {k}")
            setattr(self, k, v)
    def __repr__(self):
        args = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{type(self).__name__}({args})"
    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self._fields)

class User(Model, table="users"):
    name = Field(str, "")
    age = Field(int, 0)

class Admin(User):
    level = Field(int, 1)

u = User(name="ann", age=3)
print(u, Admin(name="root"), User.registry, u == User(name="ann", age=3), u != User(), u == 5)
try:
    User(age="x")
except TypeError as e:
    print(e)
try:
    User(bogus=1)
except TypeError as e:
    print(e)
try:
    hash(u)
except TypeError as e:
    print(e)
