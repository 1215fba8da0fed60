/**
 * The two halves of CPython's _csv.c: the reader's state machine
 * (parse_process_char, one character at a time, with an end-of-line
 * pseudo-character after each input line) and the writer's field joining
 * (join_append_data: quoting when a field holds a special character,
 * doubling or escaping quote characters).
 */
import { QUOTE_ALL, QUOTE_NONE, QUOTE_NONNUMERIC, type DialectSpec } from './dialect.js';

const enum State {
  StartRecord,
  StartField,
  EscapedChar,
  InField,
  InQuotedField,
  EscapeInQuotedField,
  QuoteInQuotedField,
  EatCrnl,
  AfterEscapedCrnl,
}

/** The end of an input line: no character (a null would equal an unset quotechar or escapechar). */
const EOL = '';

export class CsvError {
  constructor(readonly message: string) {}
}

/** One record at a time from lines: feed() them until the record is complete. */
export class RecordParser {
  private state = State.StartRecord;
  private fields: unknown[] = [];
  private field: string[] = [];
  private fieldLen = 0;
  private numericField = false;

  constructor(
    private readonly d: DialectSpec,
    private readonly limit: () => number,
    private readonly toFloat: (s: string) => unknown,
  ) {}

  reset(): void {
    this.state = State.StartRecord;
    this.fields = [];
    this.field = [];
    this.fieldLen = 0;
    this.numericField = false;
  }

  get complete(): boolean {
    return this.state === State.StartRecord;
  }

  /** Whether the input may end here without a last field to save (the reader's check at end of input). */
  get pending(): boolean {
    return this.fieldLen !== 0 || this.state === State.InQuotedField;
  }

  get inQuotedField(): boolean {
    return this.state === State.InQuotedField;
  }

  takeFields(): unknown[] {
    const f = this.fields;
    this.fields = [];
    return f;
  }

  feedLine(line: string): void {
    for (const c of line) this.process(c);
    this.process(EOL);
  }

  saveField(): void {
    let value: unknown = this.field.join('');
    this.field = [];
    this.fieldLen = 0;
    if (this.numericField) {
      this.numericField = false;
      value = this.toFloat(value as string);
    }
    this.fields.push(value);
  }

  private add(c: string): void {
    if (this.fieldLen >= this.limit()) throw new CsvError(`field larger than field limit (${this.limit()})`);
    this.field.push(c);
    this.fieldLen++;
  }

  private process(c: string): void {
    const d = this.d;
    const newline = c === '\n' || c === '\r';
    if (this.state === State.StartRecord) {
      if (c === EOL) return;
      if (newline) {
        this.state = State.EatCrnl;
        return;
      }
      // Any other character starts the first field.
      this.state = State.StartField;
    }
    switch (this.state) {
      case State.StartField:
        if (newline || c === EOL) {
          this.saveField();
          this.state = c === EOL ? State.StartRecord : State.EatCrnl;
        } else if (c === d.quotechar && d.quoting !== QUOTE_NONE) {
          this.state = State.InQuotedField;
        } else if (c === d.escapechar) {
          this.state = State.EscapedChar;
        } else if (c === ' ' && d.skipinitialspace) {
          // Spaces at the start of a field are skipped.
        } else if (c === d.delimiter) {
          this.saveField();
        } else {
          if (d.quoting === QUOTE_NONNUMERIC) this.numericField = true;
          this.add(c);
          this.state = State.InField;
        }
        return;
      case State.EscapedChar:
        if (newline) {
          this.add(c);
          this.state = State.AfterEscapedCrnl;
          return;
        }
        this.add(c === EOL ? '\n' : c);
        this.state = State.InField;
        return;
      case State.AfterEscapedCrnl:
        if (c === EOL) return;
        this.inField(c);
        return;
      case State.InField:
        this.inField(c);
        return;
      case State.InQuotedField:
        if (c === EOL) return;
        if (c === d.escapechar) this.state = State.EscapeInQuotedField;
        else if (c === d.quotechar && d.quoting !== QUOTE_NONE) this.state = d.doublequote ? State.QuoteInQuotedField : State.InField;
        else this.add(c);
        return;
      case State.EscapeInQuotedField:
        this.add(c === EOL ? '\n' : c);
        this.state = State.InQuotedField;
        return;
      case State.QuoteInQuotedField:
        if (d.quoting !== QUOTE_NONE && c === d.quotechar) {
          this.add(c);
          this.state = State.InQuotedField;
        } else if (c === d.delimiter) {
          this.saveField();
          this.state = State.StartField;
        } else if (newline || c === EOL) {
          this.saveField();
          this.state = c === EOL ? State.StartRecord : State.EatCrnl;
        } else if (!d.strict) {
          this.add(c);
          this.state = State.InField;
        } else {
          throw new CsvError(`'${d.delimiter}' expected after '${d.quotechar!}'`);
        }
        return;
      case State.EatCrnl:
        if (newline) return;
        if (c === EOL) {
          this.state = State.StartRecord;
          return;
        }
        throw new CsvError("new-line character seen in unquoted field - do you need to open the file in universal-newline mode?");
    }
  }

  private inField(c: string): void {
    const d = this.d;
    if (c === '\n' || c === '\r' || c === EOL) {
      this.saveField();
      this.state = c === EOL ? State.StartRecord : State.EatCrnl;
    } else if (c === d.escapechar) {
      this.state = State.EscapedChar;
    } else if (c === d.delimiter) {
      this.saveField();
      this.state = State.StartField;
    } else {
      this.add(c);
    }
  }
}

/** A field to write: its text (null for None) and whether the quoting mode quotes it regardless of content. */
export interface OutField {
  readonly text: string | null;
  readonly quoted: boolean;
}

/** join_append_data for one field: the text as written, given whether it must be quoted. */
function joinField(d: DialectSpec, text: string, quotedIn: boolean): string {
  let quoted = quotedIn;
  let body = '';
  for (const c of text) {
    let wantEscape = false;
    if (c === d.delimiter || c === d.escapechar || c === d.quotechar || d.lineterminator.includes(c)) {
      if (d.quoting === QUOTE_NONE) {
        wantEscape = true;
      } else {
        if (c === d.quotechar) {
          if (d.doublequote) body += d.quotechar;
          else wantEscape = true;
        } else if (c === d.escapechar) {
          wantEscape = true;
        }
        if (!wantEscape) quoted = true;
      }
      if (wantEscape) {
        if (d.escapechar === null) throw new CsvError('need to escape, but no escapechar set');
        body += d.escapechar;
      }
    }
    body += c;
  }
  return quoted ? d.quotechar! + body + d.quotechar! : body;
}

/** A record as one line, terminator included. */
export function joinRecord(d: DialectSpec, fields: readonly OutField[]): string {
  const parts = fields.map((f) => joinField(d, f.text ?? '', f.quoted));
  if (fields.length === 1 && parts[0] === '') {
    // A record of one empty field would read back as no field at all.
    if (d.quoting === QUOTE_NONE) throw new CsvError('single empty field record must be quoted');
    parts[0] = joinField(d, '', true);
  }
  return parts.join(d.delimiter) + d.lineterminator;
}

/** Whether the dialect's quoting quotes a field whatever its content (QUOTE_NONNUMERIC: when it is no number). */
export function quotedByMode(d: DialectSpec, isNumber: boolean): boolean {
  if (d.quoting === QUOTE_NONNUMERIC) return !isNumber;
  return d.quoting === QUOTE_ALL;
}
