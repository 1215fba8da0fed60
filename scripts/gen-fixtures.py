"""Regenerate the expected output of every program fixture with CPython.

For fixtures/<area>/<name>.py this writes <name>.out (stdout) and, when the
program exits with a non-zero status, <name>.exit (the status, then the last
line of stderr). Under fixtures/tracebacks/ it also writes <name>.err, the
whole stderr, with the fixture's folder written `{dir}` (tracebacks name
files by absolute path). Each program runs in its own python3 process, as
`python3 <name>.py` run from the fixture's directory.

Usage: python3 scripts/gen-fixtures.py [fixtures/area/name.py ...]
"""
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures')

# fixtures/interop/ programs use the `js` module (JavaScript interop), which
# CPython does not have: their .out files are expected output written and
# checked by hand against README.md's "JavaScript interop" section. This
# script never regenerates them, even when named on the command line.
HAND_WRITTEN = {'interop'}


def fixtures(paths):
    if paths:
        for p in paths:
            path = os.path.abspath(p)
            if os.path.basename(os.path.dirname(path)) in HAND_WRITTEN:
                print(f'skipped {p}: its expected output is written by hand', file=sys.stderr)
                continue
            yield path
        return
    for area in sorted(os.listdir(ROOT)):
        folder = os.path.join(ROOT, area)
        if not os.path.isdir(folder) or area == 'cli' or area in HAND_WRITTEN:
            continue
        # Entries are the files directly in the area folder; subfolders hold the modules they import.
        for name in sorted(os.listdir(folder)):
            if name.endswith('.py') and os.path.isfile(os.path.join(folder, name)):
                yield os.path.join(folder, name)


def without_library_frames(stderr, folder):
    """stderr without the traceback entries of files outside the fixture's
    folder (asyncio's runners.py…): pyasync's tracebacks hide its runtime's
    frames (README, differences from CPython)."""
    kept = []
    entry = None  # the indentation of a library entry's `File` line, while in it
    for line in stderr.splitlines(keepends=True):
        at = line.find('File "')
        if at >= 0 and line[:at].strip(' |') == '':
            entry = None if line.startswith(f'File "{folder}{os.sep}', at) else line[:at]
        elif entry is not None and not line.startswith(entry + '  '):
            entry = None
        if entry is None:
            kept.append(line)
    return ''.join(kept)


def main():
    count = 0
    for path in fixtures(sys.argv[1:]):
        folder, name = os.path.split(path)
        # No __pycache__ folders: supporting modules live beside the entries.
        env = {**os.environ, 'PYTHONHASHSEED': '0', 'PYTHONDONTWRITEBYTECODE': '1'}
        run = subprocess.run([sys.executable, name], cwd=folder, capture_output=True, env=env)
        base = path[:-3]
        with open(base + '.out', 'wb') as f:
            f.write(run.stdout)
        exit_file = base + '.exit'
        if run.returncode != 0:
            lines = run.stderr.decode('utf-8', 'replace').rstrip('\n').split('\n')
            with open(exit_file, 'w') as f:
                f.write(f'{run.returncode}\n{lines[-1]}\n')
        elif os.path.exists(exit_file):
            os.remove(exit_file)
        if os.path.basename(os.path.dirname(folder)) == 'fixtures' and os.path.basename(folder) == 'tracebacks':
            with open(base + '.err', 'w') as f:
                f.write(without_library_frames(run.stderr.decode('utf-8', 'replace'), folder).replace(folder + os.sep, '{dir}/'))
        count += 1
    print(f'{count} fixtures regenerated with Python {sys.version.split()[0]}')


main()
