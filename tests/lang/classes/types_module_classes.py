import types
class Real: pass
class Fake:
    def __mro_entries__(self, bases): return (Real,)
C = types.new_class("C", (Fake(),), {}, lambda ns: ns.update(x=1))
print(C.__bases__, C.x, C.__orig_bases__[0].__class__.__name__, types.resolve_bases((Fake(), int)))
class M(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw): return {"prep": kw}
meta, ns, kw = types.prepare_class("D", (), {"metaclass": M, "k": 1})
print(meta.__name__, ns, kw)
print(types.MappingProxyType({"a": 1})["a"], type(types.SimpleNamespace(a=1)).__name__)
print(isinstance(len, types.BuiltinFunctionType), isinstance(lambda: 0, types.FunctionType), isinstance(C().__init__, types.MethodWrapperType))
print(types.MethodType, types.WrapperDescriptorType, types.MethodDescriptorType, types.ClassMethodDescriptorType, types.GetSetDescriptorType, types.MemberDescriptorType)
