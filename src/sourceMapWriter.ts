/**
 * A v3 source map written while @babel/generator prints, in place of the
 * map object it makes for itself (its `SourceMap` over
 * @jridgewell/gen-mapping), which cost about three times the printing:
 * an object per mark, a lookup of the file name per mark, arrays per
 * segment, and an encoding pass at the end. The printer only ever appends,
 * so segments arrive in order and can be VLQ-encoded on arrival.
 *
 * The map is the same, byte for byte, as the one @babel/generator makes
 * itself (src/sourceMapWriter.test.ts compares them): the same segments
 * kept and skipped (gen-mapping's `maybeAddMapping` rules: no sourceless
 * segment first on a line or after another sourceless one, no segment
 * repeating its predecessor's source position and name), the same
 * `names` and `sources` in the same order.
 *
 * It implements what @babel/generator's printer calls on its map: `mark`
 * for each piece of output, `get`/`getDecoded`/`getRawMappings` at the
 * end. Only the encoded map is produced: the decoded forms are not.
 */

export interface EncodedSourceMap {
  version: 3;
  file: string | undefined;
  names: string[];
  sourceRoot: string | undefined;
  sources: string[];
  sourcesContent: (string | null)[];
  mappings: string;
  ignoreList: number[];
}

/** A generated position, as the printer passes it (1-based line). */
interface GeneratedPosition {
  line: number;
  column: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_CODES = Uint8Array.from(BASE64, (c) => c.charCodeAt(0));
const COMMA = 44;
const SEMICOLON = 59;
const ascii = new TextDecoder();

/**
 * The byte buffer of the last map finished, for the next one to write in:
 * a fresh one per module would be an ArrayBuffer or several (as it grows)
 * per module, each of which the young-generation GC must sweep.
 */
let spareBytes: Uint8Array | null = null;
const SPARE_LIMIT = 1 << 20;

/** `\` to `/`, as @babel/generator writes source names. */
function slashes(name: string): string {
  return name.indexOf('\\') < 0 ? name : name.replace(/\\/g, '/');
}

export class SourceMapWriter {
  /** `mappings` as ASCII codes: no string garbage while printing. */
  private bytes: Uint8Array = spareBytes ?? new Uint8Array(4096);
  private length = 0;
  /** `mappings`, once made: the bytes then go back to be reused. */
  private mappings: string | null = null;

  private readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  private lastName = '';
  private lastNameIndex = -1;
  private readonly sources: string[] = [];
  private readonly sourceIndex = new Map<string, number>();
  private readonly sourcesContent: (string | null)[] = [];
  private readonly defaultSource: string | undefined;
  /** The last loc.filename seen and its source index: all nodes of a module share one. */
  private lastFilename: string | undefined = undefined;
  private lastFilenameIndex = -1;

  /** The generated line (0-based) of the last mark, and of the last segment written. */
  private genLine = 0;
  private writtenLine = 0;
  /** Segments on the current generated line. */
  private lineSegments = 0;
  /** The previous segment on the current line: sourceless, or its source position and name. */
  private prevSourceless = false;
  private prevSource = -1;
  private prevLine = -1;
  private prevColumn = -1;
  private prevNameText: string | undefined = undefined;
  /** Encoder state: the last values written (VLQ fields are deltas). */
  private encColumn = 0;
  private encSource = 0;
  private encLine = 0;
  private encSourceColumn = 0;
  private encName = 0;

  /** `sourceFileName` and `code` as @babel/generator takes them (`{ [filename]: source }`). */
  constructor(sourceFileName: string | undefined, code: Record<string, string>) {
    spareBytes = null;
    for (const name of Object.keys(code)) this.source(slashes(name), code[name]!);
    this.defaultSource = sourceFileName === undefined ? undefined : slashes(sourceFileName);
  }

  /** The printer's call for each piece of output at `generated`, from `line`:`column` (1-based line) of the input when known. */
  mark(
    generated: GeneratedPosition,
    line?: number,
    column?: number,
    identifierName?: string,
    _identifierNamePos?: unknown,
    filename?: string,
  ): void {
    const genLine = generated.line - 1;
    const genColumn = generated.column;
    if (genLine !== this.genLine) this.newLine(genLine);
    let source: number;
    if (line == null) source = -1;
    else if (filename === this.lastFilename && filename !== undefined) source = this.lastFilenameIndex;
    else {
      const name = (filename === undefined ? undefined : slashes(filename)) || this.defaultSource;
      source = name ? this.source(name, null) : -1;
      if (filename !== undefined) {
        this.lastFilename = filename;
        this.lastFilenameIndex = source;
      }
    }
    if (this.lineSegments > 0 && genColumn < this.encColumn) throw new Error('internal: source map marks must come in order');
    if (source < 0) {
      if (this.lineSegments === 0 || this.prevSourceless) return;
      this.reserve(8);
      this.bytes[this.length++] = COMMA;
      this.length = vlq(this.bytes, this.length, genColumn - this.encColumn);
      this.encColumn = genColumn;
      this.lineSegments++;
      this.prevSourceless = true;
      return;
    }
    const sourceLine = line! - 1;
    const sourceColumn = column!;
    const name = identifierName ? identifierName : undefined;
    if (
      this.lineSegments > 0 && !this.prevSourceless && source === this.prevSource && sourceLine === this.prevLine &&
      sourceColumn === this.prevColumn && name === this.prevNameText
    ) {
      return;
    }
    // Looked up only for a segment that is written (most marks repeat the previous one).
    const nameIndex = name === undefined ? -1 : this.name(name);
    if (this.writtenLine !== genLine) {
      this.reserve(genLine - this.writtenLine);
      // A loop, not fill(): mostly one `;`, which a builtin call costs more than it writes.
      const bytes = this.bytes;
      const end = this.length + genLine - this.writtenLine;
      for (let i = this.length; i < end; i++) bytes[i] = SEMICOLON;
      this.length = end;
      this.writtenLine = genLine;
    }
    // At most 7 digits per field (32-bit values), 5 fields and a comma.
    this.reserve(36);
    // The fields in locals, each delta of one digit (most are) written inline.
    const bytes = this.bytes;
    let length = this.length;
    if (this.lineSegments > 0) bytes[length++] = COMMA;
    let delta = genColumn - this.encColumn;
    if (delta > -16 && delta < 16) bytes[length++] = BASE64_CODES[delta < 0 ? (-delta << 1) | 1 : delta << 1]!;
    else length = vlq(bytes, length, delta);
    delta = source - this.encSource;
    if (delta > -16 && delta < 16) bytes[length++] = BASE64_CODES[delta < 0 ? (-delta << 1) | 1 : delta << 1]!;
    else length = vlq(bytes, length, delta);
    delta = sourceLine - this.encLine;
    if (delta > -16 && delta < 16) bytes[length++] = BASE64_CODES[delta < 0 ? (-delta << 1) | 1 : delta << 1]!;
    else length = vlq(bytes, length, delta);
    delta = sourceColumn - this.encSourceColumn;
    if (delta > -16 && delta < 16) bytes[length++] = BASE64_CODES[delta < 0 ? (-delta << 1) | 1 : delta << 1]!;
    else length = vlq(bytes, length, delta);
    this.encColumn = genColumn;
    this.encSource = source;
    this.encLine = sourceLine;
    this.encSourceColumn = sourceColumn;
    if (nameIndex >= 0) {
      delta = nameIndex - this.encName;
      if (delta > -16 && delta < 16) bytes[length++] = BASE64_CODES[delta < 0 ? (-delta << 1) | 1 : delta << 1]!;
      else length = vlq(bytes, length, delta);
      this.encName = nameIndex;
    }
    this.length = length;
    this.lineSegments++;
    this.prevSourceless = false;
    this.prevSource = source;
    this.prevLine = sourceLine;
    this.prevColumn = sourceColumn;
    this.prevNameText = name;
  }

  /** The encoded map, as gen-mapping's `toEncodedMap` gives it. */
  get(): EncodedSourceMap {
    return {
      version: 3,
      file: undefined,
      names: this.names,
      sourceRoot: undefined,
      sources: this.sources,
      sourcesContent: this.sourcesContent,
      mappings: this.finish(),
      ignoreList: [],
    };
  }

  private finish(): string {
    if (this.mappings === null) {
      this.mappings = ascii.decode(this.bytes.subarray(0, this.length));
      // A very large module's buffer is not kept for the life of the process.
      if (this.bytes.length <= SPARE_LIMIT) spareBytes = this.bytes;
    }
    return this.mappings;
  }

  /** Not produced (the printer asks for it eagerly; pyasync never reads it). */
  getDecoded(): undefined {
    return undefined;
  }

  /** Not produced either. */
  getRawMappings(): undefined {
    return undefined;
  }

  /**
   * Moves to generated line `genLine`. Its `;`s are written with its first
   * segment: gen-mapping drops empty final lines.
   */
  private newLine(genLine: number): void {
    if (genLine < this.genLine) throw new Error('internal: source map marks must come in order');
    this.genLine = genLine;
    this.lineSegments = 0;
    this.prevSourceless = false;
    this.encColumn = 0;
  }

  /** Room for `n` more bytes. */
  private reserve(n: number): void {
    if (this.mappings !== null) throw new Error('internal: source map marked after it was made');
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  private source(name: string, content: string | null): number {
    let index = this.sourceIndex.get(name);
    if (index === undefined) {
      index = this.sources.length;
      this.sources.push(name);
      this.sourceIndex.set(name, index);
      this.sourcesContent.push(content);
    } else if (content !== null) {
      this.sourcesContent[index] = content;
    }
    return index;
  }

  private name(name: string): number {
    // An identifier's name is often the one just written (`x` marked at its start and again in its parts).
    if (name === this.lastName) return this.lastNameIndex;
    let index = this.nameIndex.get(name);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(name);
      this.nameIndex.set(name, index);
    }
    this.lastName = name;
    this.lastNameIndex = index;
    return index;
  }
}

/** `value` in Base64 VLQ at `bytes[length]` (the sign in the lowest bit, then five bits per digit, lowest first); the new length. */
function vlq(bytes: Uint8Array, length: number, value: number): number {
  let num = value < 0 ? (-value << 1) | 1 : value << 1;
  do {
    let digit = num & 0b11111;
    num >>>= 5;
    if (num > 0) digit |= 0b100000;
    bytes[length++] = BASE64_CODES[digit]!;
  } while (num > 0);
  return length;
}
