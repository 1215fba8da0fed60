/**
 * `__name__`: `"__main__"` in the program's entry module, the dotted module
 * name elsewhere. The entry is what `pyasync run` (or a bundler plugin)
 * declares, or else the file Node was started with.
 */
let entryUrl: string | null = null;

export function setEntryModule(url: string): void {
  entryUrl = url;
}

/** The URL of the program's entry module (`__main__`), if known. */
export function entryModuleUrl(): string | null {
  return entryUrl ?? processEntryUrl();
}

export function moduleName(url: string, name: string): string {
  return url === (entryUrl ?? processEntryUrl()) ? '__main__' : name;
}

function processEntryUrl(): string | null {
  const argv = (globalThis as { process?: { argv?: string[] } }).process?.argv;
  const script = argv?.[1];
  if (!script) return null;
  // A file URL for the path Node was given, as import.meta.url spells it.
  const absolute = script.startsWith('/') ? script : `${(globalThis as { process?: { cwd(): string } }).process!.cwd()}/${script}`;
  return 'file://' + encodeURI(absolute.replace(/\/\.\//g, '/'));
}
