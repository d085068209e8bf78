print('helper loaded', __name__)
helper_value = 42
def who():
    return __name__
