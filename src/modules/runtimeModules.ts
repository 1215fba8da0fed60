/**
 * The modules the runtime provides (runtime/modules/<name>.ts), with the
 * names each defines: `from math import *` binds them, and importing a name
 * a module lacks is a compile-time ImportError. A test checks each list
 * against the module's actual exports.
 */

import { PROVIDED_BUILTINS } from '../transform/builtinNames.js';

export interface RuntimeModuleSpec {
  /** Every name the module defines (its public names, plus `__name__`). */
  readonly names: readonly string[];
  /**
   * Built into CPython's interpreter (sys.builtin_module_names): a .py file
   * of the same name beside the program cannot shadow it. Other modules
   * (math is a lib-dynload extension) are shadowed by a local .py file, as
   * in CPython where sys.path[0] comes first.
   */
  readonly builtin: boolean;
  /** Public names `from m import *` does not bind: CPython's module has an `__all__` that leaves them out. */
  readonly notInAll?: readonly string[];
  /**
   * Names beyond `names` are looked up when imported (the module's
   * `__getattr__`): `from js import fetch` binds whatever JS global exists
   * at run time, so the compiler cannot list them.
   */
  readonly open?: boolean;
  /**
   * A package in CPython (its module has `__path__`): `import json.nope` is
   * then a plain "No module named", not "'json' is not a package".
   */
  readonly package?: boolean;
}

export const RUNTIME_MODULES: Readonly<Record<string, RuntimeModuleSpec>> = {
  sys: {
    builtin: true,
    names: [
      '__name__', '__stderr__', '__stdin__', '__stdout__', 'argv', 'builtin_module_names', 'byteorder', 'exc_info', 'exception', 'exit', 'float_info',
      'float_repr_style', 'get_asyncgen_hooks', 'get_int_max_str_digits', 'getdefaultencoding', 'getrecursionlimit', 'hash_info',
      'hexversion', 'implementation', 'int_info', 'intern', 'maxsize', 'maxunicode', 'modules', 'path', 'platform',
      'set_asyncgen_hooks', 'set_int_max_str_digits', 'setrecursionlimit', 'stderr', 'stdin', 'stdout', 'version', 'version_info',
    ],
  },
  asyncio: {
    package: true,
    notInAll: ['TaskGroup', 'subprocess'],
    builtin: false,
    names: [
      '__name__', 'ALL_COMPLETED', 'AbstractEventLoop', 'Barrier', 'BaseEventLoop', 'BoundedSemaphore', 'BrokenBarrierError', 'CancelledError',
      'Condition', 'Event', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'Future', 'Handle', 'IncompleteReadError',
      'InvalidStateError', 'LifoQueue', 'LimitOverrunError', 'Lock', 'PriorityQueue', 'Queue', 'QueueEmpty',
      'QueueFull', 'Runner', 'Semaphore', 'SendfileNotAvailableError', 'Task', 'TaskGroup', 'Timeout', 'TimeoutError',
      'TimerHandle', '_get_running_loop', '_set_running_loop', 'all_tasks', 'as_completed', 'create_task',
      'current_task', 'ensure_future', 'gather', 'get_event_loop', 'get_running_loop', 'iscoroutine',
      'iscoroutinefunction', 'isfuture', 'new_event_loop', 'run', 'set_event_loop', 'shield', 'sleep', 'timeout',
      'timeout_at', 'to_thread', 'wait', 'wait_for',
      'BaseProtocol', 'Protocol', 'BufferedProtocol', 'DatagramProtocol', 'SubprocessProtocol', 'BaseTransport',
      'ReadTransport', 'WriteTransport', 'Transport', 'DatagramTransport', 'SubprocessTransport', 'Server',
      'StreamReader', 'StreamWriter', 'StreamReaderProtocol', 'open_connection', 'start_server',
      'AbstractEventLoopPolicy', 'DefaultEventLoopPolicy', 'get_event_loop_policy', 'set_event_loop_policy',
      'open_unix_connection', 'start_unix_server', 'create_subprocess_exec', 'create_subprocess_shell', 'subprocess', 'wrap_future',
      'run_coroutine_threadsafe',
    ],
  },
  'asyncio.subprocess': {
    builtin: false,
    notInAll: ['DEVNULL', 'PIPE', 'Process', 'STDOUT', 'SubprocessStreamProtocol'],
    names: [
      '__all__', '__name__', 'DEVNULL', 'PIPE', 'Process', 'STDOUT', 'SubprocessStreamProtocol', 'create_subprocess_exec', 'create_subprocess_shell',
    ],
  },
  concurrent: {
    package: true,
    builtin: false,
    names: ['__name__', 'futures'],
  },
  'concurrent.futures': {
    package: true,
    builtin: false,
    notInAll: ['InvalidStateError'],
    names: [
      '__name__', 'ALL_COMPLETED', 'BrokenExecutor', 'CancelledError', 'Executor', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'Future',
      'InvalidStateError', 'ProcessPoolExecutor', 'ThreadPoolExecutor', 'TimeoutError', '_base', 'as_completed', 'wait',
    ],
  },
  'concurrent.futures._base': {
    builtin: false,
    names: [
      '__name__', 'ALL_COMPLETED', 'BrokenExecutor', 'CANCELLED', 'CANCELLED_AND_NOTIFIED', 'CancelledError', 'DoneAndNotDoneFutures', 'Error',
      'Executor', 'FINISHED', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'Future', 'InvalidStateError', 'PENDING', 'RUNNING', 'TimeoutError',
      'as_completed', 'wait',
    ],
  },
  'concurrent.futures.thread': {
    builtin: false,
    names: ['__name__', 'BrokenThreadPool', 'ThreadPoolExecutor'],
  },
  'concurrent.futures.process': {
    builtin: false,
    names: ['__name__', 'BrokenProcessPool', 'ProcessPoolExecutor'],
  },
  math: {
    builtin: false,
    names: [
      '__name__', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'cbrt', 'ceil', 'comb', 'copysign', 'cos',
      'cosh', 'degrees', 'dist', 'e', 'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'factorial', 'floor', 'fmod',
      'frexp', 'fsum', 'gamma', 'gcd', 'hypot', 'inf', 'isclose', 'isfinite', 'isinf', 'isnan', 'isqrt', 'lcm',
      'ldexp', 'lgamma', 'log', 'log10', 'log1p', 'log2', 'modf', 'nan', 'nextafter', 'perm', 'pi', 'pow', 'prod',
      'radians', 'remainder', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'tau', 'trunc', 'ulp',
    ],
  },
  cmath: {
    builtin: false,
    names: [
      '__name__', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'e', 'exp', 'inf', 'infj', 'isclose',
      'isfinite', 'isinf', 'isnan', 'log', 'log10', 'nan', 'nanj', 'phase', 'pi', 'polar', 'rect', 'sin', 'sinh', 'sqrt',
      'tan', 'tanh', 'tau',
    ],
  },
  queue: {
    builtin: false,
    names: ['__all__', '__name__', 'Empty', 'Full', 'LifoQueue', 'PriorityQueue', 'Queue', 'SimpleQueue'],
  },
  functools: {
    builtin: false,
    names: [
      '__name__', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES', 'cache', 'cached_property', 'cmp_to_key', 'lru_cache', 'partial', 'partialmethod',
      'reduce', 'singledispatch', 'singledispatchmethod', 'total_ordering', 'update_wrapper', 'wraps',
    ],
  },
  itertools: {
    builtin: true,
    names: [
      '__name__', 'accumulate', 'chain', 'combinations', 'combinations_with_replacement', 'compress', 'count', 'cycle', 'dropwhile',
      'filterfalse', 'groupby', 'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee', 'zip_longest',
    ],
  },
  dataclasses: {
    builtin: false,
    names: [
      '__name__', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY', 'MISSING', 'asdict', 'astuple', 'dataclass', 'field', 'fields', 'is_dataclass',
      'make_dataclass', 'replace',
    ],
  },
  typing: {
    builtin: false,
    names: [
      'AbstractSet', 'Annotated', 'Any', 'AnyStr', 'AsyncContextManager', 'BinaryIO', 'ByteString', 'ChainMap', 'ContextManager', 'Counter',
      'DefaultDict', 'Deque', 'ForwardRef', 'IO', 'Match', 'MappingView', 'OrderedDict', 'ParamSpec', 'ParamSpecArgs', 'ParamSpecKwargs',
      'Pattern', 'Text', 'TextIO', 'TypeVarTuple', 'Unpack', 'assert_never', 'clear_overloads', 'dataclass_transform', 'get_overloads',
      'get_type_hints', 'is_typeddict', 'no_type_check_decorator', 'AsyncGenerator', 'AsyncIterable', 'AsyncIterator', 'Awaitable', 'Callable', 'ClassVar',
      'Collection', 'Concatenate', 'Container', 'Coroutine', 'Dict', 'Final', 'FrozenSet', 'Generator', 'Generic', 'Hashable', 'ItemsView',
      'Iterable', 'Iterator', 'KeysView', 'List', 'Literal', 'LiteralString', 'Mapping', 'MutableMapping', 'MutableSequence', 'MutableSet',
      'NamedTuple', 'Never', 'NewType', 'NoReturn', 'NotRequired', 'Optional', 'Protocol', 'Required', 'Reversible', 'Self', 'Sequence', 'Set', 'Sized',
      'SupportsAbs', 'SupportsBytes', 'SupportsComplex', 'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound',
      'TYPE_CHECKING', 'Tuple', 'Type', 'TypeAlias', 'TypeGuard', 'TypeVar', 'TypedDict', 'Union', 'ValuesView', '__name__', 'assert_type', 'cast',
      'final', 'get_args', 'get_origin', 'no_type_check', 'overload', 'reveal_type', 'runtime_checkable',
    ],
  },
  enum: {
    builtin: false,
    names: [
      '__name__', 'CONFORM', 'CONTINUOUS', 'EJECT', 'Enum', 'EnumCheck', 'EnumMeta', 'EnumType', 'Flag', 'FlagBoundary', 'IntEnum', 'IntFlag', 'KEEP',
      'NAMED_FLAGS', 'ReprEnum', 'STRICT', 'StrEnum', 'UNIQUE', 'auto', 'global_enum', 'global_enum_repr', 'global_flag_repr', 'global_str',
      'member', 'nonmember', 'pickle_by_enum_name', 'pickle_by_global_name',
      'property', 'unique', 'verify',
    ],
  },
  contextlib: {
    notInAll: ['AsyncContextDecorator'],
    builtin: false,
    names: [
      '__name__', 'AbstractAsyncContextManager', 'AbstractContextManager', 'AsyncContextDecorator', 'AsyncExitStack', 'ContextDecorator', 'ExitStack', '_AsyncGeneratorContextManager', '_GeneratorContextManager',
      'aclosing', 'asynccontextmanager', 'chdir', 'closing', 'contextmanager', 'nullcontext', 'redirect_stderr', 'redirect_stdout', 'suppress',
    ],
  },
  abc: {
    builtin: false,
    names: ['__name__', 'ABC', 'ABCMeta', 'abstractclassmethod', 'abstractmethod', 'abstractproperty', 'abstractstaticmethod', 'get_cache_token', 'update_abstractmethods'],
  },
  __future__: {
    builtin: false,
    names: [
      '__name__', 'CO_FUTURE_ABSOLUTE_IMPORT', 'CO_FUTURE_ANNOTATIONS', 'CO_FUTURE_BARRY_AS_BDFL', 'CO_FUTURE_DIVISION', 'CO_FUTURE_GENERATOR_STOP',
      'CO_FUTURE_PRINT_FUNCTION', 'CO_FUTURE_UNICODE_LITERALS', 'CO_FUTURE_WITH_STATEMENT', 'CO_GENERATOR_ALLOWED', 'CO_NESTED', '_Feature',
      'absolute_import', 'all_feature_names', 'annotations', 'barry_as_FLUFL', 'division', 'generator_stop', 'generators', 'nested_scopes',
      'print_function', 'unicode_literals', 'with_statement',
    ],
  },
  time: {
    builtin: true,
    names: [
      '__name__', 'altzone', 'asctime', 'ctime', 'daylight', 'gmtime', 'localtime', 'mktime', 'monotonic', 'monotonic_ns', 'perf_counter',
      'perf_counter_ns', 'process_time', 'process_time_ns', 'sleep', 'strftime', 'struct_time', 'time', 'time_ns', 'timezone', 'tzname',
    ],
  },
  os: {
    builtin: false,
    names: [
      '__name__', 'DirEntry', 'F_OK', 'O_ACCMODE', 'O_APPEND', 'O_CLOEXEC', 'O_CREAT', 'O_DIRECTORY', 'O_DSYNC', 'O_EXCL', 'O_NDELAY',
      'O_NOCTTY', 'O_NOFOLLOW', 'O_NONBLOCK', 'O_RDONLY', 'O_RDWR', 'O_SYNC', 'O_TRUNC', 'O_WRONLY', 'R_OK', 'SEEK_CUR', 'SEEK_END',
      'SEEK_SET', 'W_OK', 'X_OK', 'access', 'altsep', 'chdir', 'chmod', 'close', 'cpu_count', 'curdir', 'devnull', 'environ', 'error',
      'extsep', 'fsdecode', 'fsencode', 'fspath', 'fstat', 'get_terminal_size', 'getcwd', 'getegid', 'getenv', 'geteuid', 'getgid', 'getpid',
      'getppid', 'getuid', 'kill', 'linesep', 'link', 'listdir', 'lstat', 'makedirs', 'mkdir', 'name', 'open', 'pardir', 'path', 'pathsep',
      'putenv', 'read', 'readlink', 'remove', 'removedirs', 'rename', 'renames', 'replace', 'rmdir', 'scandir', 'sep', 'stat',
      'strerror', 'symlink', 'terminal_size', 'umask', 'uname', 'unlink', 'unsetenv', 'urandom', 'utime', 'walk', 'write',
    ],
  },
  'os.path': {
    builtin: false,
    names: [
      '__name__', 'abspath', 'altsep', 'basename', 'commonpath', 'commonprefix', 'curdir', 'defpath', 'devnull', 'dirname', 'exists',
      'expanduser', 'expandvars', 'extsep', 'getatime', 'getctime', 'getmtime', 'getsize', 'isabs', 'isdir', 'isfile', 'islink', 'join',
      'lexists', 'normcase', 'normpath', 'pardir', 'pathsep', 'realpath', 'relpath', 'samefile', 'sep', 'split', 'splitdrive', 'splitext',
      'supports_unicode_filenames',
    ],
  },
  pathlib: {
    builtin: false,
    names: ['__name__', 'Path', 'PosixPath', 'PurePath', 'PurePosixPath'],
  },
  collections: {
    package: true,
    builtin: false,
    names: ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList', 'UserString', '__name__', 'abc', 'defaultdict', 'deque', 'namedtuple'],
    notInAll: ['abc'],
  },
  'collections.abc': {
    builtin: false,
    names: [
      'AsyncGenerator', 'AsyncIterable', 'AsyncIterator', 'Awaitable', 'ByteString', 'Callable', 'Collection', 'Container', 'Coroutine',
      'Generator', 'Hashable', 'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView', 'MutableMapping',
      'MutableSequence', 'MutableSet', 'Reversible', 'Sequence', 'Set', 'Sized', 'ValuesView', '__name__',
    ],
  },
  inspect: {
    builtin: false,
    names: [
      'BoundArguments', 'CORO_CLOSED', 'CORO_CREATED', 'CORO_RUNNING', 'CORO_SUSPENDED', 'CO_ASYNC_GENERATOR', 'CO_COROUTINE',
      'CO_GENERATOR', 'CO_ITERABLE_COROUTINE', 'CO_NESTED', 'CO_NEWLOCALS', 'CO_NOFREE', 'CO_OPTIMIZED', 'CO_VARARGS', 'CO_VARKEYWORDS',
      'FullArgSpec', 'GEN_CLOSED', 'GEN_CREATED', 'GEN_RUNNING', 'GEN_SUSPENDED', 'Parameter', 'Signature', '__name__', 'cleandoc',
      'getcoroutinestate', 'getdoc', 'getfullargspec', 'getgeneratorstate', 'getmembers',
      'getmodule', 'getmro', 'isabstract', 'isasyncgen', 'isasyncgenfunction', 'isawaitable', 'isbuiltin', 'isclass', 'iscoroutine',
      'iscoroutinefunction', 'isdatadescriptor', 'isfunction', 'isgenerator', 'isgeneratorfunction', 'ismethod', 'ismethoddescriptor',
      'ismodule', 'isroutine', 'signature', 'unwrap',
    ],
  },
  types: {
    builtin: false,
    names: [
      'AsyncGeneratorType', 'BuiltinFunctionType', 'BuiltinMethodType', 'CellType', 'CodeType', 'CoroutineType', 'DynamicClassAttribute', 'EllipsisType',
      'FrameType', 'FunctionType', 'GeneratorType', 'GenericAlias', 'LambdaType', 'MappingProxyType', 'MethodDescriptorType', 'MethodType',
      'MethodWrapperType', 'ModuleType', 'NoneType', 'NotImplementedType', 'SimpleNamespace', 'TracebackType', 'UnionType',
      'WrapperDescriptorType', '__name__', 'coroutine',
    ],
  },
  random: {
    builtin: false,
    names: [
      'Random', 'SystemRandom', '__name__', 'betavariate', 'choice', 'choices', 'expovariate', 'gammavariate', 'gauss', 'getrandbits', 'getstate',
      'lognormvariate', 'normalvariate', 'paretovariate', 'randbytes', 'randint', 'random', 'randrange', 'sample', 'seed', 'setstate',
      'shuffle', 'triangular', 'uniform', 'vonmisesvariate', 'weibullvariate',
    ],
  },
  contextvars: {
    builtin: false,
    names: ['Context', 'ContextVar', 'Token', '__name__', 'copy_context'],
  },
  io: {
    builtin: false,
    names: [
      '__name__', 'BlockingIOError', 'BufferedIOBase', 'BufferedRWPair', 'BufferedRandom', 'BufferedReader', 'BufferedWriter', 'BytesIO',
      'DEFAULT_BUFFER_SIZE', 'FileIO', 'IOBase', 'IncrementalNewlineDecoder', 'RawIOBase', 'SEEK_CUR', 'SEEK_END', 'SEEK_SET', 'StringIO',
      'TextIOBase', 'TextIOWrapper', 'UnsupportedOperation', 'open', 'text_encoding',
    ],
  },
  json: {
    package: true,
    builtin: false,
    names: ['JSONDecodeError', 'JSONDecoder', 'JSONEncoder', '__name__', 'decoder', 'dump', 'dumps', 'encoder', 'load', 'loads'],
    notInAll: ['decoder', 'encoder'],
  },
  'json.decoder': {
    builtin: false,
    names: ['JSONDecodeError', 'JSONDecoder', '__name__'],
  },
  'json.encoder': {
    builtin: false,
    names: ['JSONEncoder', '__name__', 'encode_basestring', 'encode_basestring_ascii'],
  },
  heapq: {
    builtin: false,
    names: ['__name__', 'heapify', 'heappop', 'heappush', 'heappushpop', 'heapreplace', 'merge', 'nlargest', 'nsmallest'],
  },
  bisect: {
    builtin: false,
    names: ['__name__', 'bisect', 'bisect_left', 'bisect_right', 'insort', 'insort_left', 'insort_right'],
  },
  operator: {
    builtin: false,
    names: [
      '__name__', 'abs', 'add', 'and_', 'attrgetter', 'call', 'concat', 'contains', 'countOf', 'delitem', 'eq', 'floordiv', 'ge',
      'getitem', 'gt', 'iadd', 'iand', 'iconcat', 'ifloordiv', 'ilshift', 'imatmul', 'imod', 'imul', 'index', 'indexOf', 'inv',
      'invert', 'ior', 'ipow', 'irshift', 'is_', 'is_not', 'isub', 'itemgetter', 'itruediv', 'ixor', 'le', 'length_hint', 'lshift',
      'lt', 'matmul', 'methodcaller', 'mod', 'mul', 'ne', 'neg', 'not_', 'or_', 'pos', 'pow', 'rshift', 'setitem', 'sub',
      'truediv', 'truth', 'xor',
    ],
  },
  copy: {
    notInAll: ['dispatch_table', 'error'],
    builtin: false,
    names: ['Error', '__name__', 'copy', 'deepcopy', 'dispatch_table', 'error'],
  },
  string: {
    builtin: false,
    names: [
      'Formatter', 'Template', '__name__', 'ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits', 'hexdigits', 'octdigits',
      'printable', 'punctuation', 'whitespace',
    ],
  },
  datetime: {
    builtin: false,
    names: ['MAXYEAR', 'MINYEAR', 'UTC', '__name__', 'date', 'datetime', 'time', 'timedelta', 'timezone', 'tzinfo'],
  },
  logging: {
    package: true,
    notInAll: ['Filterer', 'Manager', 'PercentStyle', 'PlaceHolder', 'RootLogger', 'StrFormatStyle', 'StringTemplateStyle', 'root'],
    builtin: false,
    names: [
      '__name__', 'BASIC_FORMAT', 'CRITICAL', 'DEBUG', 'ERROR', 'FATAL', 'FileHandler', 'Filter', 'Filterer', 'Formatter', 'Handler',
      'INFO', 'LogRecord', 'Logger', 'LoggerAdapter', 'Manager', 'NOTSET', 'NullHandler', 'PercentStyle', 'PlaceHolder', 'RootLogger',
      'StrFormatStyle', 'StreamHandler', 'StringTemplateStyle', 'WARN', 'WARNING', '_StderrHandler', '_checkLevel', '_defaultFormatter',
      '_defaultLastResort', '_levelToName', '_nameToLevel', 'addLevelName', 'basicConfig', 'critical', 'debug', 'disable', 'error',
      'exception', 'fatal', 'getLevelName', 'getLevelNamesMapping', 'getLogRecordFactory', 'getLogger', 'getLoggerClass', 'info',
      'lastResort', 'log', 'makeLogRecord', 'raiseExceptions', 'root', 'setLogRecordFactory', 'setLoggerClass', 'shutdown', 'warn',
      'warning',
    ],
  },
  traceback: {
    builtin: false,
    notInAll: ['print_list'],
    names: [
      'FrameSummary', 'StackSummary', 'TracebackException', '__name__', 'extract_stack', 'extract_tb', 'format_exc', 'format_exception',
      'format_exception_only', 'format_list', 'format_stack', 'format_tb', 'print_exc', 'print_exception', 'print_list', 'print_stack',
      'print_tb', 'walk_tb',
    ],
  },
  textwrap: {
    builtin: false,
    names: ['TextWrapper', '__name__', 'dedent', 'fill', 'indent', 'shorten', 'wrap'],
  },
  argparse: {
    builtin: false,
    names: [
      'Action', 'ArgumentDefaultsHelpFormatter', 'ArgumentError', 'ArgumentParser', 'ArgumentTypeError', 'BooleanOptionalAction', 'FileType',
      'HelpFormatter', 'MetavarTypeHelpFormatter', 'Namespace', 'ONE_OR_MORE', 'OPTIONAL', 'PARSER', 'REMAINDER', 'RawDescriptionHelpFormatter',
      'RawTextHelpFormatter', 'SUPPRESS', 'ZERO_OR_MORE', '_ActionsContainer', '_AppendAction', '_AppendConstAction', '_ArgumentGroup',
      '_AttributeHolder', '_CountAction', '_ExtendAction', '_HelpAction', '_MutuallyExclusiveGroup', '_StoreAction', '_StoreConstAction',
      '_StoreFalseAction', '_StoreTrueAction', '_SubParsersAction', '_UNRECOGNIZED_ARGS_ATTR', '_VersionAction', '__all__', '__name__',
      '__version__', '_get_action_name',
    ],
  },
  pprint: {
    builtin: false,
    names: ['PrettyPrinter', '__name__', 'isreadable', 'isrecursive', 'pformat', 'pp', 'pprint', 'saferepr'],
  },
  warnings: {
    builtin: false,
    notInAll: ['WarningMessage', 'defaultaction', 'filters', 'onceregistry'],
    names: [
      'WarningMessage', '__name__', 'catch_warnings', 'defaultaction', 'filters', 'filterwarnings', 'formatwarning', 'onceregistry',
      'resetwarnings', 'showwarning', 'simplefilter', 'warn', 'warn_explicit',
    ],
  },
  base64: {
    builtin: false,
    notInAll: ['MAXBINSIZE', 'MAXLINESIZE'],
    names: [
      'MAXBINSIZE', 'MAXLINESIZE', '__name__', 'b16decode', 'b16encode', 'b32decode', 'b32encode', 'b32hexdecode', 'b32hexencode',
      'b64decode', 'b64encode', 'decode', 'decodebytes', 'encode', 'encodebytes', 'standard_b64decode', 'standard_b64encode',
      'urlsafe_b64decode', 'urlsafe_b64encode',
    ],
  },
  binascii: {
    builtin: false,
    names: ['Error', 'Incomplete', '__name__', 'a2b_base64', 'a2b_hex', 'b2a_base64', 'b2a_hex', 'crc32', 'hexlify', 'unhexlify'],
  },
  array: {
    builtin: false,
    names: ['ArrayType', '__name__', 'array', 'typecodes'],
  },
  struct: {
    builtin: false,
    names: ['Struct', '__name__', 'calcsize', 'error', 'iter_unpack', 'pack', 'pack_into', 'unpack', 'unpack_from'],
  },
  csv: {
    builtin: false,
    names: [
      'Dialect', 'DictReader', 'DictWriter', 'Error', 'QUOTE_ALL', 'QUOTE_MINIMAL', 'QUOTE_NONE', 'QUOTE_NONNUMERIC', '__name__',
      '__version__', 'excel', 'excel_tab', 'field_size_limit', 'get_dialect', 'list_dialects', 'reader', 'register_dialect',
      'unix_dialect', 'unregister_dialect', 'writer',
    ],
  },
  shlex: {
    builtin: false,
    names: ['__name__', 'join', 'quote', 'shlex', 'split'],
  },
  shutil: {
    builtin: false,
    names: [
      '__name__', 'Error', 'ExecError', 'ReadError', 'RegistryError', 'SameFileError', 'SpecialFileError', 'copy', 'copy2', 'copyfile',
      'copyfileobj', 'copymode', 'copystat', 'copytree', 'disk_usage', 'get_terminal_size', 'ignore_patterns', 'move', 'rmtree', 'which',
    ],
    notInAll: ['ReadError', 'RegistryError'],
  },
  subprocess: {
    builtin: false,
    names: [
      '__all__', '__name__', 'CalledProcessError', 'CompletedProcess', 'DEVNULL', 'PIPE', 'Popen', 'STDOUT', 'SubprocessError', 'TimeoutExpired',
      'call', 'check_call', 'check_output', 'getoutput', 'getstatusoutput', 'list2cmdline', 'run',
    ],
    notInAll: ['list2cmdline'],
  },
  tempfile: {
    builtin: false,
    names: [
      '__name__', 'NamedTemporaryFile', 'SpooledTemporaryFile', 'TMP_MAX', 'TemporaryDirectory', 'TemporaryFile', '_TemporaryFileWrapper', 'gettempdir',
      'gettempprefix', 'mkdtemp', 'mkstemp', 'mktemp', 'tempdir', 'template',
    ],
    notInAll: ['template'],
  },
  glob: {
    builtin: false,
    names: ['__name__', 'escape', 'glob', 'glob0', 'glob1', 'has_magic', 'iglob'],
    notInAll: ['glob0', 'glob1', 'has_magic'],
  },
  fnmatch: {
    builtin: false,
    names: ['__name__', 'filter', 'fnmatch', 'fnmatchcase', 'translate'],
  },
  html: {
    package: true,
    builtin: false,
    notInAll: ['entities'],
    names: ['__name__', 'entities', 'escape', 'unescape'],
  },
  'html.entities': {
    builtin: false,
    names: ['__name__', 'codepoint2name', 'entitydefs', 'html5', 'name2codepoint'],
  },
  urllib: {
    package: true,
    builtin: false,
    names: ['__name__', 'parse'],
  },
  'urllib.parse': {
    builtin: false,
    notInAll: ['non_hierarchical', 'scheme_chars', 'uses_fragment', 'uses_netloc', 'uses_params', 'uses_query', 'uses_relative'],
    names: [
      'DefragResult', 'ParseResult', 'SplitResult', '__name__', 'non_hierarchical', 'parse_qs', 'parse_qsl', 'quote', 'quote_from_bytes',
      'quote_plus', 'scheme_chars', 'unquote', 'unquote_plus', 'unquote_to_bytes', 'urldefrag', 'urlencode', 'urljoin', 'urlparse',
      'urlsplit', 'urlunparse', 'urlunsplit', 'uses_fragment', 'uses_netloc', 'uses_params', 'uses_query', 'uses_relative',
    ],
  },
  hashlib: {
    builtin: false,
    notInAll: ['scrypt'],
    names: [
      '__name__', 'algorithms_available', 'algorithms_guaranteed', 'blake2b', 'blake2s', 'file_digest', 'md5', 'new', 'pbkdf2_hmac', 'scrypt',
      'sha1', 'sha224', 'sha256', 'sha384', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'sha512', 'shake_128', 'shake_256',
    ],
  },
  hmac: {
    builtin: false,
    names: ['HMAC', '__name__', 'compare_digest', 'digest', 'digest_size', 'new', 'trans_36', 'trans_5C'],
  },
  weakref: {
    builtin: false,
    notInAll: ['KeyedRef'],
    names: [
      'CallableProxyType', 'KeyedRef', 'ProxyType', 'ProxyTypes', 'ReferenceType', 'WeakKeyDictionary', 'WeakMethod', 'WeakSet',
      'WeakValueDictionary', '__all__', '__name__', 'finalize', 'getweakrefcount', 'getweakrefs', 'proxy', 'ref',
    ],
  },
  platform: {
    builtin: false,
    names: [
      '__name__', 'architecture', 'freedesktop_os_release', 'java_ver', 'libc_ver', 'mac_ver', 'machine', 'node', 'platform', 'processor',
      'python_branch', 'python_build', 'python_compiler', 'python_implementation', 'python_revision', 'python_version', 'python_version_tuple',
      'release', 'system', 'system_alias', 'uname', 'uname_result', 'version', 'win32_edition', 'win32_is_iot', 'win32_ver',
    ],
  },
  gzip: {
    builtin: false,
    notInAll: ['FCOMMENT', 'FEXTRA', 'FHCRC', 'FNAME', 'FTEXT', 'READ', 'WRITE'],
    names: ['BadGzipFile', 'FCOMMENT', 'FEXTRA', 'FHCRC', 'FNAME', 'FTEXT', 'GzipFile', 'READ', 'WRITE', '__all__', '__name__', 'compress', 'decompress', 'open'],
  },
  threading: {
    builtin: false,
    notInAll: ['activeCount', 'currentThread'],
    names: [
      'Barrier', 'BoundedSemaphore', 'BrokenBarrierError', 'Condition', 'Event', 'ExceptHookArgs', 'Lock', 'RLock', 'Semaphore', 'TIMEOUT_MAX',
      'Thread', 'ThreadError', 'Timer', '__all__', '__excepthook__', '__name__', '_allocate_lock', 'activeCount', 'active_count', 'currentThread', 'current_thread',
      'enumerate', 'excepthook', 'get_ident', 'get_native_id', 'getprofile', 'gettrace', 'local', 'main_thread', 'setprofile', 'settrace',
      'stack_size',
    ],
  },
  zlib: {
    builtin: false,
    names: [
      'DEFLATED', 'DEF_BUF_SIZE', 'DEF_MEM_LEVEL', 'MAX_WBITS', 'ZLIB_RUNTIME_VERSION', 'ZLIB_VERSION', 'Z_BEST_COMPRESSION', 'Z_BEST_SPEED',
      'Z_BLOCK', 'Z_DEFAULT_COMPRESSION', 'Z_DEFAULT_STRATEGY', 'Z_FILTERED', 'Z_FINISH', 'Z_FIXED', 'Z_FULL_FLUSH', 'Z_HUFFMAN_ONLY',
      'Z_NO_COMPRESSION', 'Z_NO_FLUSH', 'Z_PARTIAL_FLUSH', 'Z_RLE', 'Z_SYNC_FLUSH', 'Z_TREES', '__name__', 'adler32', 'compress',
      'compressobj', 'crc32', 'decompress', 'decompressobj', 'error',
    ],
  },
  signal: {
    builtin: false,
    names: [
      'Handlers', 'NSIG', 'SIGABRT', 'SIGALRM', 'SIGBUS', 'SIGCHLD', 'SIGCLD', 'SIGCONT', 'SIGFPE', 'SIGHUP', 'SIGILL', 'SIGINT', 'SIGIO',
      'SIGIOT', 'SIGKILL', 'SIGPIPE', 'SIGPOLL', 'SIGPROF', 'SIGPWR', 'SIGQUIT', 'SIGRTMAX', 'SIGRTMIN', 'SIGSEGV', 'SIGSTKFLT', 'SIGSTOP',
      'SIGSYS', 'SIGTERM', 'SIGTRAP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGUSR1', 'SIGUSR2', 'SIGVTALRM', 'SIGWINCH', 'SIGXCPU',
      'SIGXFSZ', 'SIG_BLOCK', 'SIG_DFL', 'SIG_IGN', 'SIG_SETMASK', 'SIG_UNBLOCK', 'Sigmasks', 'Signals', '__doc__', '__name__', 'alarm',
      'default_int_handler', 'getsignal', 'raise_signal', 'siginterrupt', 'signal', 'strsignal', 'valid_signals',
    ],
  },
  gc: {
    builtin: true,
    names: [
      'DEBUG_COLLECTABLE', 'DEBUG_LEAK', 'DEBUG_SAVEALL', 'DEBUG_STATS', 'DEBUG_UNCOLLECTABLE', '__doc__', '__name__', 'callbacks', 'collect',
      'disable', 'enable', 'freeze', 'garbage', 'get_count', 'get_debug', 'get_freeze_count', 'get_stats', 'get_threshold', 'is_finalized',
      'is_tracked', 'isenabled', 'set_debug', 'set_threshold', 'unfreeze',
    ],
  },
  errno: {
    builtin: true,
    names: [
      '__doc__', '__name__', 'errorcode', 'E2BIG', 'EACCES', 'EADDRINUSE', 'EADDRNOTAVAIL', 'EADV', 'EAFNOSUPPORT', 'EAGAIN', 'EALREADY',
      'EBADE', 'EBADF', 'EBADFD', 'EBADMSG', 'EBADR', 'EBADRQC', 'EBADSLT', 'EBFONT', 'EBUSY', 'ECANCELED', 'ECHILD', 'ECHRNG', 'ECOMM',
      'ECONNABORTED', 'ECONNREFUSED', 'ECONNRESET', 'EDEADLK', 'EDEADLOCK', 'EDESTADDRREQ', 'EDOM', 'EDOTDOT', 'EDQUOT', 'EEXIST', 'EFAULT',
      'EFBIG', 'EHOSTDOWN', 'EHOSTUNREACH', 'EIDRM', 'EILSEQ', 'EINPROGRESS', 'EINTR', 'EINVAL', 'EIO', 'EISCONN', 'EISDIR', 'EISNAM',
      'EKEYEXPIRED', 'EKEYREJECTED', 'EKEYREVOKED', 'EL2HLT', 'EL2NSYNC', 'EL3HLT', 'EL3RST', 'ELIBACC', 'ELIBBAD', 'ELIBEXEC', 'ELIBMAX',
      'ELIBSCN', 'ELNRNG', 'ELOOP', 'EMEDIUMTYPE', 'EMFILE', 'EMLINK', 'EMSGSIZE', 'EMULTIHOP', 'ENAMETOOLONG', 'ENAVAIL', 'ENETDOWN',
      'ENETRESET', 'ENETUNREACH', 'ENFILE', 'ENOANO', 'ENOBUFS', 'ENOCSI', 'ENODATA', 'ENODEV', 'ENOENT', 'ENOEXEC', 'ENOKEY', 'ENOLCK',
      'ENOLINK', 'ENOMEDIUM', 'ENOMEM', 'ENOMSG', 'ENONET', 'ENOPKG', 'ENOPROTOOPT', 'ENOSPC', 'ENOSR', 'ENOSTR', 'ENOSYS', 'ENOTBLK',
      'ENOTCONN', 'ENOTDIR', 'ENOTEMPTY', 'ENOTNAM', 'ENOTRECOVERABLE', 'ENOTSOCK', 'ENOTSUP', 'ENOTTY', 'ENOTUNIQ', 'ENXIO', 'EOPNOTSUPP',
      'EOVERFLOW', 'EOWNERDEAD', 'EPERM', 'EPFNOSUPPORT', 'EPIPE', 'EPROTO', 'EPROTONOSUPPORT', 'EPROTOTYPE', 'ERANGE', 'EREMCHG',
      'EREMOTE', 'EREMOTEIO', 'ERESTART', 'ERFKILL', 'EROFS', 'ESHUTDOWN', 'ESOCKTNOSUPPORT', 'ESPIPE', 'ESRCH', 'ESRMNT', 'ESTALE',
      'ESTRPIPE', 'ETIME', 'ETIMEDOUT', 'ETOOMANYREFS', 'ETXTBSY', 'EUCLEAN', 'EUNATCH', 'EUSERS', 'EWOULDBLOCK', 'EXDEV', 'EXFULL',
    ],
  },
  atexit: {
    builtin: true,
    names: ['__doc__', '__name__', '_clear', '_ncallbacks', '_run_exitfuncs', 'register', 'unregister'],
  },
  secrets: {
    builtin: false,
    notInAll: ['DEFAULT_ENTROPY', 'base64', 'binascii'],
    names: [
      'DEFAULT_ENTROPY', 'SystemRandom', '__name__', '_sysrand', 'base64', 'binascii', 'choice', 'compare_digest', 'randbelow', 'randbits',
      'token_bytes', 'token_hex', 'token_urlsafe',
    ],
  },
  uuid: {
    builtin: false,
    names: [
      'Enum', 'NAMESPACE_DNS', 'NAMESPACE_OID', 'NAMESPACE_URL', 'NAMESPACE_X500', 'RESERVED_FUTURE', 'RESERVED_MICROSOFT', 'RESERVED_NCS',
      'RFC_4122', 'SafeUUID', 'UUID', '__name__', 'bytes_', 'getnode', 'int_', 'uuid1', 'uuid3', 'uuid4', 'uuid5',
    ],
  },
  numbers: {
    builtin: false,
    notInAll: ['ABCMeta', 'abstractmethod'],
    names: ['ABCMeta', 'Complex', 'Integral', 'Number', 'Rational', 'Real', '__all__', '__name__', 'abstractmethod'],
  },
  decimal: {
    builtin: false,
    names: [
       'BasicContext', 'Clamped', 'Context', 'ConversionSyntax', 'Decimal', 'DecimalException', 'DecimalTuple', 'DefaultContext',
       'DivisionByZero', 'DivisionImpossible', 'DivisionUndefined', 'ExtendedContext', 'FloatOperation', 'HAVE_CONTEXTVAR', 'HAVE_THREADS',
       'Inexact', 'InvalidContext', 'InvalidOperation', 'MAX_EMAX', 'MAX_PREC', 'MIN_EMIN', 'MIN_ETINY', 'Overflow', 'ROUND_05UP',
       'ROUND_CEILING', 'ROUND_DOWN', 'ROUND_FLOOR', 'ROUND_HALF_DOWN', 'ROUND_HALF_EVEN', 'ROUND_HALF_UP', 'ROUND_UP', 'Rounded',
       'Subnormal', 'Underflow', '__libmpdec_version__', '__name__', '__version__', 'getcontext', 'localcontext', 'setcontext',
    ],
  },
  fractions: {
    builtin: false,
    names: ['Fraction', '__all__', '__name__'],
  },
  calendar: {
    builtin: false,
    notInAll: ['EPOCH', 'February', 'January', 'c', 'error', 'format', 'formatstring', 'mdays', 'prweek', 'week'],
    names: [
      'Calendar', 'EPOCH', 'FRIDAY', 'February', 'IllegalMonthError', 'IllegalWeekdayError', 'January', 'MONDAY', 'SATURDAY', 'SUNDAY',
      'THURSDAY', 'TUESDAY', 'TextCalendar', 'WEDNESDAY', '__all__', '__name__', 'c', 'calendar', 'day_abbr', 'day_name', 'error',
      'firstweekday', 'format', 'formatstring', 'isleap', 'leapdays', 'mdays', 'month', 'month_abbr', 'month_name', 'monthcalendar',
      'monthrange', 'prcal', 'prmonth', 'prweek', 'setfirstweekday', 'timegm', 'week', 'weekday', 'weekheader',
    ],
  },
  statistics: {
    builtin: false,
    names: [
      'LinearRegression', 'NormalDist', 'StatisticsError', '__name__', 'correlation', 'covariance', 'fmean', 'geometric_mean', 'harmonic_mean',
      'linear_regression', 'mean', 'median', 'median_grouped', 'median_high', 'median_low', 'mode', 'multimode', 'pstdev', 'pvariance',
      'quantiles', 'stdev', 'variance',
    ],
    notInAll: ['LinearRegression'],
  },
  difflib: {
    builtin: false,
    names: [
      '__name__', 'Differ', 'HtmlDiff', 'IS_CHARACTER_JUNK', 'IS_LINE_JUNK', 'Match', 'SequenceMatcher', 'context_diff', 'diff_bytes',
      'get_close_matches', 'ndiff', 'restore', 'unified_diff',
    ],
  },
  unittest: {
    package: true,
    builtin: false,
    notInAll: ['TestProgram'],
    names: [
      '__name__', 'IsolatedAsyncioTestCase', 'SkipTest', 'TestCase', 'TestLoader', 'TestProgram', 'TestResult', 'TestSuite', 'TextTestResult',
      'TextTestRunner', 'defaultTestLoader', 'expectedFailure', 'findTestCases', 'getTestCaseNames', 'main', 'makeSuite', 'skip', 'skipIf',
      'skipUnless',
    ],
  },
  'unittest.mock': {
    builtin: false,
    notInAll: ['AsyncMagicMixin', 'AsyncMockMixin', 'Base', 'CallableMixin', 'InvalidSpecError', 'MagicMixin', 'MagicProxy'],
    names: [
      'ANY', 'AsyncMagicMixin', 'AsyncMock', 'AsyncMockMixin', 'Base', 'CallableMixin', 'DEFAULT', 'FILTER_DIR', 'InvalidSpecError', 'MagicMixin', 'MagicMock', 'MagicProxy', 'Mock',
      'NonCallableMagicMock', 'NonCallableMock', 'PropertyMock', '_ANY', '_AsyncIterator', '_Call', '_CallList', '_Sentinel', '_SentinelObject', '__all__',
      '__name__', '_patch', '_patch_dict', 'call', 'create_autospec', 'mock_open', 'patch', 'seal', 'sentinel',
    ],
  },
  tomllib: {
    package: true,
    builtin: false,
    names: ['TOMLDecodeError', '__all__', '__name__', 'load', 'loads'],
  },
  configparser: {
    builtin: false,
    notInAll: ['Error'],
    names: [
      'BasicInterpolation', 'ConfigParser', 'ConverterMapping', 'DEFAULTSECT', 'DuplicateOptionError', 'DuplicateSectionError', 'Error',
      'ExtendedInterpolation', 'Interpolation', 'InterpolationDepthError', 'InterpolationError', 'InterpolationMissingOptionError',
      'InterpolationSyntaxError', 'LegacyInterpolation', 'MAX_INTERPOLATION_DEPTH', 'MissingSectionHeaderError', 'NoOptionError',
      'NoSectionError', 'ParsingError', 'RawConfigParser', 'SafeConfigParser', 'SectionProxy', '_UNSET', '__all__', '__name__',
    ],
  },
  graphlib: {
    builtin: false,
    names: ['CycleError', 'TopologicalSorter', '__name__'],
  },
  builtins: {
    builtin: true,
    names: ['__name__', ...PROVIDED_BUILTINS],
  },
  colorsys: {
    builtin: false,
    notInAll: ['ONE_SIXTH', 'ONE_THIRD', 'TWO_THIRD'],
    names: ['ONE_SIXTH', 'ONE_THIRD', 'TWO_THIRD', '__all__', '__name__', 'hls_to_rgb', 'hsv_to_rgb', 'rgb_to_hls', 'rgb_to_hsv', 'rgb_to_yiq', 'yiq_to_rgb'],
  },
  keyword: {
    builtin: false,
    names: ['__name__', 'iskeyword', 'issoftkeyword', 'kwlist', 'softkwlist'],
  },
  unicodedata: {
    builtin: false,
    names: [
      '__name__', 'UCD', 'bidirectional', 'category', 'combining', 'decimal', 'decomposition', 'digit', 'east_asian_width', 'is_normalized',
      'lookup', 'mirrored', 'name', 'normalize', 'numeric', 'ucd_3_2_0', 'unidata_version',
    ],
  },
  reprlib: {
    builtin: false,
    notInAll: ['aRepr'],
    names: ['Repr', '__name__', 'aRepr', 'recursive_repr', 'repr'],
  },
  re: {
    package: true,
    notInAll: ['DEBUG', 'Scanner', 'T', 'TEMPLATE'],
    builtin: false,
    names: [
      'A', 'ASCII', 'DEBUG', 'DOTALL', 'I', 'IGNORECASE', 'L', 'LOCALE', 'M', 'MULTILINE', 'Match', 'NOFLAG', 'Pattern', 'RegexFlag', 'S',
      'Scanner', 'T', 'TEMPLATE', 'U', 'UNICODE', 'VERBOSE', 'X', '__name__', 'compile', 'error', 'escape', 'findall', 'finditer', 'fullmatch', 'match',
      'purge', 'search', 'split', 'sub', 'subn', 'template',
    ],
  },
};

/**
 * pyasync's own modules for JavaScript interop (runtime/interop/): `js` (the
 * JS globals) and `pyasync.ffi` (explicit conversions). CPython has no such
 * modules, so they are kept apart from the table compared with CPython's.
 */
export const INTEROP_MODULES: Readonly<Record<string, RuntimeModuleSpec>> = {
  js: { builtin: false, open: true, names: ['__getattr__', '__name__'] },
  pyasync: { builtin: false, names: ['__name__', 'ffi'] },
  'pyasync.ffi': {
    builtin: false,
    names: [
      'JsCallable', 'JsException', 'JsProxy', '__name__', 'create_once_callable', 'create_proxy', 'import_module', 'to_js', 'to_py',
    ],
  },
};

export function runtimeModule(name: string): RuntimeModuleSpec | undefined {
  if (Object.hasOwn(RUNTIME_MODULES, name)) return RUNTIME_MODULES[name];
  return Object.hasOwn(INTEROP_MODULES, name) ? INTEROP_MODULES[name] : undefined;
}

/**
 * The specifier compiled code imports runtime module `name` from, given the
 * runtime's: a package path gets `/<name>` (`pyasync/runtime/math`, an
 * entry of package.json's exports); a file (`…/runtime/index.js`, a URL
 * or path) gets `modules/<name>` in its folder, with the same extension.
 */
export function runtimeModuleSpecifier(runtime: string, name: string): string {
  const file = /\/[^/]*(\.[cm]?[jt]s)$/.exec(runtime);
  if (file) return `${runtime.slice(0, file.index)}/modules/${name}${file[1]}`;
  return `${runtime.replace(/\/$/, '')}/${name}`;
}
