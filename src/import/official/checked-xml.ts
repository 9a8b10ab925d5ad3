import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { FileFormatError } from './file-format-error';
import { openRelease } from './read-lines';

/**
 * The one checked-XML reader of the official release parsers: a saxes stream (no DOM), the stack
 * of open elements checked against a grammar (the elements each element may contain), the text of
 * the text-only elements, and every problem as a {@link FileFormatError} naming the file and line.
 * A parser supplies a handler per element; the reader calls it after the grammar has let the
 * element in (`open`) and when the element closes (`close`, with its text).
 */

/** The elements each element may contain ('' = the document itself). An element listed with no
 * children (or not listed) holds text only; its text, whitespace-collapsed, goes to its `close`. */
export type XmlGrammar = Readonly<Record<string, readonly string[]>>;

export interface XmlElementHandler {
  /** After the grammar check; `parent` is '' for the root. */
  open?(tag: SaxesTagPlain, parent: string): void;
  /** After `open`: true to read past the element's subtree unchecked (no handler is called inside
   * it, nor its `close`). */
  skip?(tag: SaxesTagPlain, parent: string): boolean;
  /** `text` is the whitespace-collapsed text of a text-only element, '' for the others. */
  close?(text: string, parent: string): void;
}

export interface CheckedXmlOptions {
  file: string;
  grammar: XmlGrammar;
  handlers: Readonly<Record<string, XmlElementHandler>>;
  /** The problem for XML saxes refuses, from saxes's message (which starts with "line:column: "). */
  notWellFormed(message: string): string;
  /** The problem for a child the grammar does not allow in `parent` (default: "expected <a> or <b>
   * inside <parent>, found <child>", at the current line). */
  misplaced?: (child: string, parent: string, allowed: readonly string[]) => FileFormatError;
  /** Refuse non-blank text outside the text-only elements (default: ignore it). */
  textOnlyInLeaves?: boolean;
  /** Read CDATA sections as text (default: ignore them). */
  cdata?: boolean;
}

interface Frame {
  name: string;
  skipped: boolean;
  leaf: boolean;
  parts: string[];
}

/** Collapses whitespace runs to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** saxes's message without its leading "line:column: ". */
export function withoutPosition(message: string): string {
  return message.replace(/^\d+:\d+: /, '');
}

/** The default misplaced-element problem: what the grammar allows there and what was found. */
export function expectedInside(child: string, parent: string, allowed: readonly string[]): string {
  if (allowed.length === 0) return `expected only text inside <${parent}>, found <${child}>`;
  const where = parent ? `inside <${parent}>` : 'as the root element';
  return `expected ${allowed.map((name) => `<${name}>`).join(' or ')} ${where}, found <${child}>`;
}

export class CheckedXmlReader {
  private readonly parser = new SaxesParser({ xmlns: false, position: true });
  private readonly stack: Frame[] = [{ name: '', skipped: false, leaf: false, parts: [] }];
  private startLine = 1;

  constructor(private readonly options: CheckedXmlOptions) {
    const parser = this.parser;
    parser.on('error', (error) => {
      throw this.fail(options.notWellFormed(error.message));
    });
    parser.on('opentagstart', () => {
      this.startLine = parser.line;
    });
    parser.on('opentag', (tag) => this.open(tag));
    parser.on('closetag', () => this.close());
    parser.on('text', (text) => this.text(text));
    if (options.cdata) parser.on('cdata', (text) => this.text(text));
  }

  /** The line the parser is at (for a start tag's handler: the line of its '>'). */
  get line(): number {
    return this.parser.line;
  }

  /** The line of the '<' of the last start tag. */
  get tagLine(): number {
    return this.startLine;
  }

  fail(problem: string, line: number = this.parser.line): FileFormatError {
    return new FileFormatError(this.options.file, line, problem);
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  /** Ends the document; throws when it ends inside an element. */
  finish(): void {
    this.parser.close();
    if (this.stack.length !== 1) throw this.fail('the file ends inside an element');
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1];
  }

  private open(tag: SaxesTagPlain): void {
    const parent = this.top;
    if (parent.skipped) {
      this.stack.push({ name: tag.name, skipped: true, leaf: false, parts: [] });
      return;
    }
    const allowed = this.options.grammar[parent.name] ?? [];
    if (!allowed.includes(tag.name)) {
      const misplaced = this.options.misplaced;
      throw misplaced ? misplaced(tag.name, parent.name, allowed) : this.fail(expectedInside(tag.name, parent.name, allowed));
    }
    const frame: Frame = { name: tag.name, skipped: false, leaf: (this.options.grammar[tag.name] ?? []).length === 0, parts: [] };
    this.stack.push(frame);
    const handler = this.options.handlers[tag.name];
    handler?.open?.(tag, parent.name);
    if (handler?.skip?.(tag, parent.name) === true) frame.skipped = true;
  }

  private text(text: string): void {
    const frame = this.top;
    if (frame.skipped) return;
    if (frame.leaf) frame.parts.push(text);
    else if (this.options.textOnlyInLeaves && text.trim() !== '') {
      const where = frame.name === '' ? 'the document' : frame.name;
      throw this.fail(`unexpected text "${collapseWhitespace(text).slice(0, 60)}" inside <${where}>, expected only elements there`);
    }
  }

  private close(): void {
    const frame = this.stack.pop();
    if (frame === undefined || this.stack.length === 0) throw this.fail('closing tag without an open element');
    if (frame.skipped) return;
    const text = frame.leaf ? collapseWhitespace(frame.parts.join('')) : '';
    this.options.handlers[frame.name]?.close?.(text, this.top.name);
  }
}

/** Streams `file` (plain or .gz) through `reader` and ends the document. */
export async function readCheckedXml(file: string, reader: CheckedXmlReader): Promise<void> {
  const stream = openRelease(file);
  stream.setEncoding('utf8');
  for await (const chunk of stream) reader.write(chunk as string);
  reader.finish();
}
