x = 1  # type: int
y = z = []  # type: List[int]
for a in b:  # type: int
    pass
with c as d:  # type: str
    pass
def f(a,  # type: int
      b,  # type: str
      ):
    # type: (...) -> None
    pass
def g(a, b):  # type: (int, str) -> None
    pass
def h(
    a,  # type: int
    b=1  # type: int
):
    pass
import os  # type: ignore
x = 2  # type: ignore[attr]
async def k():  # type: () -> None
    async for x in y:  # type: int
        pass
    async with z as w:  # type: int
        pass
