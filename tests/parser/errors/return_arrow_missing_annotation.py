def f(self) ->
    pass
