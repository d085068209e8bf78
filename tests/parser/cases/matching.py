match x:
    case 1:
        pass
    case -1:
        pass
    case 1.5 | -2.5 | 3j | 1 + 2j | -1 - 2j:
        pass
    case "a" "b" | b"c":
        pass
    case None | True | False:
        pass
    case a:
        pass
    case _:
        pass
    case a.b | a.b.c:
        pass
    case (a):
        pass
    case (a, b) | [a, b] | (a, *b) | [*a, b] | ():
        pass
    case []:
        pass
    case [_, *_]:
        pass
    case {}:
        pass
    case {"a": 1, b.c: d, **rest}:
        pass
    case {1: _, None: x, True: y, -1: z, 1+2j: w,}:
        pass
    case {**rest}:
        pass
    case Point():
        pass
    case Point(1, 2):
        pass
    case Point(x=1, y=2):
        pass
    case Point(1, y=2,):
        pass
    case a.B(c, d=e):
        pass
    case (1 | 2) as x:
        pass
    case [1, 2] as y if y:
        pass
    case a, b:
        pass
    case a, *b, c,:
        pass
    case *a, b:
        pass
    case x if x > 0:
        pass
match (x, y):
    case _: pass
match x, y:
    case _: pass
match *a, b:
    case _: pass
match -x:
    case _: pass
match x,:
    case _: pass
match = 1
match.x = 2
match[0] = 3
match(x)
case = 4
_ = 5
print(match, case, _)
def match(): pass
match x:
    case {"k": [1, {"j": (a, b)}]}:
        pass
