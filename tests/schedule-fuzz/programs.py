"""Random asyncio programs whose output records the order in which tasks,
callbacks and cancellations ran, with what CPython prints for each.

    python3 programs.py SEED COUNT OUT_DIR

writes OUT_DIR/pN.py and OUT_DIR/pN.out for N in [SEED, SEED + COUNT). All
programs run in this one process, each in a fresh namespace, its stdout
captured: the expected answers cost one interpreter start, not one each.
"""
import contextlib
import io
import os
import random
import sys

PRELUDE = '''\
import asyncio
log = []
tasks = {}

def cb(tag):
    log.append('cb ' + tag)

async def inner(name, n):
    for i in range(n):
        log.append(f'{name} inner {i}')
        await asyncio.sleep(0)
    return n

async def quick(name):
    log.append(f'{name} quick')
    return 0
'''


def step(rnd, name, i, ntasks):
    """One random statement of a task's body: the ways a task suspends, schedules or ends."""
    k = rnd.random()
    if k < 0.35:
        return [f"log.append('{name} s{i}')", "await asyncio.sleep(0)"]
    if k < 0.45:
        return [f"x = await asyncio.sleep(0, {i})", f"log.append('{name} x' + str(x))"]
    if k < 0.55:
        return [f"r = await inner('{name}', {rnd.randint(0, 3)})", f"log.append('{name} inner ret ' + str(r))"]
    if k < 0.62:
        t = f"t{rnd.randrange(ntasks)}"
        return [f"if '{t}' in tasks: log.append('{name} cancel {t} ' + str(tasks['{t}'].cancel()))"]
    if k < 0.70:
        return [f"asyncio.get_running_loop().call_soon(cb, '{name}{i}')"]
    if k < 0.75:
        return [f"asyncio.get_running_loop().call_later(0, cb, 'later {name}{i}')"]
    if k < 0.80:
        return [f"await quick('{name}')"]
    if k < 0.85:
        return ["try:", f"    raise KeyError('{name}')", "except KeyError:",
                f"    log.append('{name} handler')", "    await asyncio.sleep(0)"]
    if k < 0.90:
        return [f"c = asyncio.create_task(quick('{name}c{i}'))"]
    if k < 0.93:
        return [f"if {rnd.randint(0, 1)}: return '{name} early'"]
    if k < 0.96:
        return ["await asyncio.sleep(0, None)", f"log.append('{name} slept')"]
    return [f"if {rnd.randint(0, 2)} == 0: raise ValueError('{name}')"]


def program(seed):
    rnd = random.Random(seed)
    ntasks = rnd.randint(2, 6)
    lines = PRELUDE.splitlines()
    for t in range(ntasks):
        name = f"t{t}"
        lines += ["", f"async def {name}():", "    try:"]
        for i in range(rnd.randint(1, 7)):
            lines += ["        " + s for s in step(rnd, name, i, ntasks)]
        lines += ["    except asyncio.CancelledError:", f"        log.append('{name} cancelled')"]
        if rnd.random() < 0.5:
            lines += ["        await asyncio.sleep(0)", f"        log.append('{name} after cancel')"]
        if rnd.random() < 0.5:
            lines.append("        raise")
        lines.append(f"    return '{name}'")
    lines += ["", "async def main():"]
    for t in range(ntasks):
        lines.append(f"    tasks['t{t}'] = asyncio.create_task(t{t}())")
        lines.append(f"    tasks['t{t}'].add_done_callback(lambda f: log.append('done ' + str(f.cancelled())))")
        if rnd.random() < 0.3:
            lines.append("    await asyncio.sleep(0)")
    lines += [
        "    res = await asyncio.gather(*tasks.values(), return_exceptions=True)",
        "    print([r if isinstance(r, str) else type(r).__name__ for r in res])",
        "    for _ in range(3):",
        "        await asyncio.sleep(0)",
        "",
        "asyncio.run(main())",
        "print('\\n'.join(log))",
    ]
    return "\n".join(lines) + "\n"


def main():
    seed, count, out_dir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    os.makedirs(out_dir, exist_ok=True)
    for n in range(seed, seed + count):
        source = program(n)
        path = os.path.join(out_dir, f"p{n}.py")
        with open(path, "w") as f:
            f.write(source)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(source, path, "exec"), {"__name__": "__main__"})
        with open(os.path.join(out_dir, f"p{n}.out"), "w") as f:
            f.write(out.getvalue())


main()
