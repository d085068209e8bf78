class MyInt(int):
    def __repr__(self): return "MyInt-repr"
m = MyInt(5)
print(str(m), repr(m), f"{m}", "%s" % m, "%d" % m, format(m, "d"), [m], m)
class MyFloat(float):
    def __repr__(self): return "MyFloat-repr"
f = MyFloat(1.5)
print(str(f), repr(f), f"{f}", "%s" % f, "%r" % f, format(f, ".1f"), [f], f)
class MyTuple(tuple):
    def __repr__(self): return "MyTuple-repr"
print(str(MyTuple()), MyTuple(), [MyTuple()])
class MyList(list):
    def __repr__(self): return "MyList-repr"
print(str(MyList()), MyList(), f"{MyList()}")
class MyDict(dict):
    def __repr__(self): return "MyDict-repr"
print(str(MyDict()), MyDict())
class MyStr(str):
    def __repr__(self): return "MyStr-repr"
print(str(MyStr("x")), MyStr("x"), [MyStr("x")], f"{MyStr('x')!r}")
class MyBool:
    pass
class MyComplex(complex):
    def __repr__(self): return "MyComplex-repr"
print(str(MyComplex(1)), MyComplex(1))
class MySet(set):
    def __repr__(self): return "MySet-repr"
print(str(MySet()), MySet())
class IntStr(int):
    def __str__(self): return "IntStr-str"
print(str(IntStr(3)), repr(IntStr(3)), f"{IntStr(3)}", "%s" % IntStr(3), IntStr(3))
class ListIter(list):
    def __getitem__(self, i): return "item"
print([x for x in ListIter([1, 2])], list(ListIter([1])), ListIter([1])[0])
class TupleLen(tuple):
    def __len__(self): return 100
print(len(TupleLen((1,))), list(TupleLen((1, 2))), bool(TupleLen(())))
class DictLen(dict):
    def __len__(self): return 7
print(len(DictLen()), bool(DictLen()), list(DictLen(a=1)))
print(f"{MyComplex(1)}")
