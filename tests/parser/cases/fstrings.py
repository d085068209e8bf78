x = f"{a}"
x = f"{a!r}" f'{b!s:>10}' F"{c!a}"
x = f"{a=}" f"{a = }" f"{a=!s}" f"{a=:>10}"
x = f"{'nested'}" f'{"nested"}' f"""{'''triple'''}"""
x = f"{a:{b}}" f"{a:{b}{c}x}" f"{a:>{width}.{precision}}"
x = f"{{literal}}" f"}}{{" f"{a}}}{{{b}"
x = f"" f"{a}" "" f""
x = u"u-prefixed " f"{a}" "tail"
x = rf"raw {a} \d" fr"{a}\n" Rf"{b}" fR"{c}"
x = f"{x!r:^30}" f"{3.14:.2f}" f"{obj.attr[0]['key']}"
x = f"{lambda_x}" f"{(lambda y: y)(1)}"
x = f"{a if b else c}" f"{[i for i in range(3)]}" f"{ {'k': 1}['k'] }"
x = f"{a, b}" f"{*a, b}" f"{yield_}"
x = f"""
multi {line}
  {
    expression
  }
 end"""
x = (f"first {a}"
     f"second {b}"
     "third")
x = f"{a!r}" \
    f"{b}"
x = f"{x:=^10}" f"{x:=10}" f"{(y:=10)}"
x = f"tab\t{a}\n" f"{a}\\" f"\{a}"
x = f"{ a }" f"{  a!r}" f"{a  =  }"
x = f'{a["b"]}' f"{a['b']}"
x = f"{a:%Y-%m-%d}" f"{a:{'>'}{10}}"
x = f"{a}" f"{b}" f"{c}" "d" "e"
def f():
    return f"{await x}" f"{(yield)}"
x = f"{1}{2}{3}"
x = f"é{a}ü{b}€"
x = f"{'é'}{a}"
