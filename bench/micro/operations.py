"""Common operations, each timed by CPU time in one process (the best of
three runs after a warm-up), for bench/micro.ts to compare CPython's and
pyasync's: one line per operation, `name milliseconds`."""
import time, json, re, heapq, collections, dataclasses, bisect, itertools, math


def t_items(n):
    d = {str(i): i for i in range(1000)}; t = 0
    for _ in range(n // 1000):
        for k, v in d.items(): t += v
    return t
def t_in_list(n):
    xs = list(range(50)); c = 0
    for i in range(n):
        if i % 60 in xs: c += 1
    return c
def t_append(n):
    xs = []
    for i in range(n): xs.append(i * 2)
    return len(xs)
def t_int_parse(n):
    return sum(int(str(i)) for i in range(n))
def t_float_parse(n):
    return sum(float(str(i) + '.5') for i in range(n))
def t_slice(n):
    s = 'abcdefghijklmnopqrstuvwxyz' * 4; c = 0
    for i in range(n): c += len(s[i % 50: i % 50 + 10])
    return c
def t_enum_zip(n):
    a = list(range(1000)); b = list(range(1000)); t = 0
    for _ in range(n // 1000):
        for i, (x, y) in enumerate(zip(a, b)): t += i + x - y
    return t
def t_json(n):
    obj = {'a': [1, 2, 3, {'b': 'c'}], 'd': 1.5, 'e': None, 'f': 'text' * 3}
    for _ in range(n // 100): s = json.dumps(obj); o = json.loads(s)
    return len(s)
def t_re(n):
    p = re.compile(r'(\w+)@(\w+)\.com'); c = 0
    for i in range(n // 10):
        m = p.match(f'user{i}@host.com')
        if m: c += len(m.group(1))
    return c
def t_heap(n):
    h = []
    for i in range(n): heapq.heappush(h, (i * 7919) % 1000)
    return sum(heapq.heappop(h) for _ in range(n))
def t_counter(n):
    c = collections.Counter()
    for i in range(n): c[i % 100] += 1
    return len(c)
def t_deque(n):
    d = collections.deque()
    for i in range(n): d.append(i)
    t = 0
    while d: t += d.popleft()
    return t
@dataclasses.dataclass
class DC:
    x: int
    y: int = 0
def t_dataclass(n):
    return sum(DC(i, i).x for i in range(n))
def t_minmax(n):
    xs = [(i * 7919) % 1000 for i in range(1000)]; t = 0
    for _ in range(n // 1000): t += max(xs, key=lambda v: -v) + min(xs)
    return t
def t_sorted_tuples(n):
    xs = [((i * 7919) % 1000, str(i)) for i in range(n // 10)]
    return sorted(xs)[0]
def t_setops(n):
    a = set(range(0, 1000, 2)); b = set(range(0, 1000, 3)); t = 0
    for _ in range(n // 1000): t += len(a & b) + len(a | b) + len(a - b)
    return t
def t_genexpr(n):
    return sum(x * x for x in range(n) if x & 1)
def t_strjoin(n):
    parts = [str(i) for i in range(100)]; t = 0
    for _ in range(n // 100): t += len(','.join(parts)); t += len(' '.join(parts).split())
    return t
def t_format(n):
    return sum(len(format(i, ',')) + len('{:>8}'.format(i)) for i in range(n // 2))
def t_bisect(n):
    xs = list(range(0, 10000, 3)); t = 0
    for i in range(n): t += bisect.bisect_left(xs, i % 10000)
    return t
def t_kwargs(n):
    def f(**kw): return len(kw)
    t = 0
    for i in range(n // 2): t += f(a=i, b=2)
    return t
def t_property(n):
    class C:
        def __init__(self): self._v = 1
        @property
        def v(self): return self._v
    c = C(); t = 0
    for i in range(n): t += c.v
    return t
def t_super(n):
    class A:
        def f(self, x): return x + 1
    class B(A):
        def f(self, x): return super().f(x) * 2
    b = B(); t = 0
    for i in range(n): t += b.f(i)
    return t
def t_divmod_round(n):
    t = 0
    for i in range(n): q, r = divmod(i, 7); t += q + r + round(i / 3)
    return t
def t_itertools(n):
    return sum(1 for _ in itertools.islice(itertools.cycle('abc'), n))
def t_str_iter(n):
    s = 'hello world ' * (n // 12); c = 0
    for ch in s:
        if ch == 'o': c += 1
    return c
def t_exceptions(n):
    c = 0
    for i in range(n):
        try:
            raise ValueError(i)
        except ValueError:
            c += 1
    return c
class Stop(Exception):
    pass
def t_own_exception(n):
    c = 0
    for i in range(n):
        try:
            raise Stop()
        except Stop:
            c += 1
    return c
def t_key_miss(n):
    d = {}; c = 0
    for i in range(n):
        try:
            d[i]
        except KeyError:
            c += 1
    return c
def t_math(n):
    t = 0.0
    for i in range(1, n): t += math.sqrt(i) * math.sin(i) + math.exp(-i / n) + math.log(i)
    return t
def t_str_methods(n):
    c = 0
    for i in range(n):
        s = 'Hello World %d' % i
        c += len(s.lower().replace('o', '0').strip())
    return c
def t_fstring(n):
    return len([f"{i}:{i * 0.5:.2f}" for i in range(n)])
def t_dict_int(n):
    d = {}
    for i in range(n): d[i] = i
    for i in range(n): d[i] += 1
    return len(d)


N = 200000
for name, f in list(globals().items()):
    if name.startswith('t_'):
        f(N // 10)
        best = None
        for _ in range(3):
            s = time.process_time(); f(N); dt = time.process_time() - s
            best = dt if best is None else min(best, dt)
        print(f"{name[2:]} {best * 1000:.2f}")
