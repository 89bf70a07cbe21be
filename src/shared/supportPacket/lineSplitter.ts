/**
 * Splits text that arrives in chunks (a streamed server log) into lines,
 * keeping a line cut between two chunks whole. Empty lines are left out.
 */
export class LineSplitter {
  private carried = '';

  /** The lines this chunk completes. */
  push(chunk: string): string[] {
    const text = this.carried + chunk;
    const lines = text.split('\n');
    this.carried = lines.pop() ?? '';
    return lines.filter((line) => line !== '');
  }

  /** The last line, when the text did not end with a line break. */
  end(): string[] {
    const last = this.carried;
    this.carried = '';
    return last === '' ? [] : [last];
  }
}
