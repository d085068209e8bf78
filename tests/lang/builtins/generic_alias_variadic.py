from typing import *
T = TypeVar('T'); T1 = TypeVar('T1')
Ts = TypeVarTuple('Ts')
for e in [
        "tuple[*Ts][*tuple[int]]",
        "tuple[*Ts][()]",
        "tuple[*Ts][*tuple[int, str]]",
        "tuple[*Ts][*Tuple[int]]",
        "tuple[*Ts][*tuple[*Ts]]",
        "tuple[*Ts][str, *tuple[int, ...], bool]",
        "tuple[T, *Ts][int]",
        "tuple[*Ts, list[T]][int, str, bool]",
        "Tuple[*Ts][*tuple[int]]",
        "Tuple[*Ts][*tuple[*Ts]]",
        "dict[T, list[T1]][int, str]",
        "list[T][int]",
        "tuple[*Ts][*tuple[int, ...], *tuple[str, ...]]",
        "list[int][int]",
        "dict[T, T][int]",
        "[*tuple[int]]",
        "tuple[int].__typing_unpacked_tuple_args__",
        "next(iter(tuple[int, str])).__typing_unpacked_tuple_args__",
        ]:
    try:
        print(e, "->", eval(e))
    except Exception as ex:
        print(e, "->", type(ex).__name__, ex)
