# Run by `node --import pyasync/register main.py one two` (tests/bundlers/register.test.ts):
# sys.argv, module names, a relative import inside a package, and an uncaught
# exception raised in an imported module, whose status and whole traceback must be CPython's.
import sys
from tools import checks

print("argv:", sys.argv)
print("names:", __name__, checks.__name__, checks.limits.__name__)
for value in [3, 12]:
    print(value, checks.check(value))
print("checked:", checks.check(-1))
print("not reached")
