def hello():
    return "hello"


def broken(:
    pass
