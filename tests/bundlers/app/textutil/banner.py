# textutil is a namespace package (a folder without __init__.py).
def banner(title: str) -> str:
    return f"== {title} =="
